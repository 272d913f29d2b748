import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkSchema } from '../../../src/lib/schema-problems.ts';
import { parseSource } from '../../../src/lib/source-file.ts';
import { approvalSchema } from '../../../src/schemas/approval.ts';
import { assessmentSchema } from '../../../src/schemas/assessment.ts';
import { attendanceSchema } from '../../../src/schemas/attendance.ts';
import { decisionSchema } from '../../../src/schemas/decision.ts';
import { frameworkSchema } from '../../../src/schemas/framework.ts';

/** Problems for a YAML text, as printed, or [] when valid. */
function check(schema: z.ZodType, text: string, file = 'content/x.yaml'): string[] {
  const source = parseSource(file, text);
  return checkSchema(schema, source.data, file, source.locate).problems.map(formatProblem);
}

const ASSESSMENT = `assessor: peter-m-senge
date: 2027-06-20
levels:
  coaching: { level: meets, comment: Three clear accounts of coaching. }
  workshops: { level: exceeds, comment: Present throughout. }
recommendation: certify
`;

describe('assessment schema', () => {
  it('accepts a valid assessment', () => {
    expect(check(assessmentSchema, ASSESSMENT)).toEqual([]);
  });
  it('refuses a level outside the scale', () => {
    expect(check(assessmentSchema, ASSESSMENT.replace('level: meets', 'level: excellent'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:15  error  level must be one of not-yet, developing, meets, exceeds (lowest first); got "excellent"  [schema]",
      ]
    `);
  });
  it('refuses a criterion key that is not an id, an empty comment and an unknown recommendation', () => {
    expect(
      check(assessmentSchema, ASSESSMENT.replace('coaching:', 'Coaching Others:').replace('Present throughout.', '""').replace('recommendation: certify', 'recommendation: pass')),
    ).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:3  error  levels.Coaching Others: "Coaching Others" is not a criterion id: criterion ids use lowercase letters, digits and hyphens, for example coaching  [schema]",
        "content/x.yaml:5:32  error  levels.workshops.comment: the comment must not be empty  [schema]",
        "content/x.yaml:6:1  error  recommendation must be certify or further-work; got "pass" (what this assessor recommends to the panel: certify or further-work, for example certify)  [schema]",
      ]
    `);
  });
  it('needs at least one criterion', () => {
    expect(check(assessmentSchema, 'assessor: peter-m-senge\ndate: 2027-06-20\nlevels: {}\nrecommendation: certify\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:3:1  error  levels must assess at least one criterion, for example coaching: { level: meets, comment: Three clear coaching accounts. }  [schema]",
      ]
    `);
  });
});

const CERTIFIED = `outcome: certified
date: 2027-06-25
panel: [peter-m-senge, mette-miriam-boell]
certificateId: CST-2027-0001
released: 2027-06-30
`;

const FURTHER_WORK = `outcome: further-work
date: 2027-06-25
panel: [peter-m-senge, mette-miriam-boell, hanneli-aagotsdatter]
conditions:
  - Write the final report of the application project.
`;

describe('decision schema', () => {
  it('accepts a certified and a further-work decision', () => {
    expect(check(decisionSchema, CERTIFIED)).toEqual([]);
    expect(check(decisionSchema, FURTHER_WORK)).toEqual([]);
    expect(check(decisionSchema, CERTIFIED.replace('released: 2027-06-30\n', ''))).toEqual([]);
  });
  it('refuses conditions on a certified decision', () => {
    expect(check(decisionSchema, `${CERTIFIED}conditions: [Finish the report.]\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:6:1  error  conditions belong to a further-work decision only: remove the conditions, or change the outcome, for example outcome: further-work  [schema]",
      ]
    `);
  });
  it('refuses a certified decision without a certificate id', () => {
    expect(check(decisionSchema, CERTIFIED.replace('certificateId: CST-2027-0001\n', ''))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  outcome: a certified decision needs a certificateId line, for example certificateId: CST-2027-0001  [schema]",
      ]
    `);
  });
  it('refuses a panel of one', () => {
    expect(check(decisionSchema, CERTIFIED.replace('panel: [peter-m-senge, mette-miriam-boell]', 'panel: [peter-m-senge]'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:3:1  error  panel must name at least two assessing faculty members: the decision is made jointly, for example [peter-m-senge, mette-miriam-boell]  [schema]",
      ]
    `);
  });
  it('refuses further-work without conditions, or with a certificate id', () => {
    expect(check(decisionSchema, FURTHER_WORK.replace(/conditions:[\s\S]*$/, 'certificateId: CST-2027-0002\n'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  outcome: a further-work decision must say what is needed: add conditions, for example conditions: [Write the final report of the application project.]  [schema]",
        "content/x.yaml:4:1  error  certificateId: only a certified decision has a certificateId: remove the line, or change the outcome, for example outcome: certified  [schema]",
      ]
    `);
    expect(check(decisionSchema, FURTHER_WORK.replace(/conditions:[\s\S]*$/, 'conditions: []\n'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:1  error  conditions: a further-work decision must say what is needed: add conditions, for example conditions: [Write the final report of the application project.]  [schema]",
      ]
    `);
  });
  it('refuses a malformed certificate id, a repeated panel member and a release before the decision', () => {
    expect(
      check(decisionSchema, CERTIFIED.replace('CST-2027-0001', 'CST-27-1')),
    ).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:1  error  certificateId must be written CST-YYYY-NNNN, for example CST-2027-0001  [schema]",
      ]
    `);
    expect(check(decisionSchema, CERTIFIED.replace('mette-miriam-boell]', 'peter-m-senge]').replace('released: 2027-06-30', 'released: 2027-06-24'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:3:24  error  panel[1]: peter-m-senge is listed twice under panel; remove one  [schema]",
        "content/x.yaml:5:1  error  released (2027-06-24) must not be before the decision date (2027-06-25) (date the decision was told to the participant; until then only the faculty site shows it, for example 2021-06-30)  [schema]",
      ]
    `);
  });
});

describe('framework schema', () => {
  const base = 'title: Coaches others\ndescription: At least three accounts.\norder: 40\n';
  it('accepts each kind of rule, and a type written as one name or a list', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: coaching, min: 3 }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: [reflection, workshop-reflection], min: 6, tagged: true }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: application-project, stage: final-report, min: 1 }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: monthly, type: practice-log }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: attendance, kind: call }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: all, rules: [{ rule: project }, { rule: entries, type: coaching, min: 1 }] }\n`)).toEqual([]);
  });
  it('refuses an unknown entry type with the list of allowed types', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: [reflection, blog-post], min: 6 }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:47  error  evidence.type[1]: "blog-post" is not a portfolio entry type; use one of reflection, workshop-reflection, call-prework, application-project, coaching, buddy-checkin, practice-log  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence:\n  rule: all\n  rules:\n    - { rule: monthly, type: checkin }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:7:24  error  evidence.rules[0].type[0]: "checkin" is not a portfolio entry type; use one of reflection, workshop-reflection, call-prework, application-project, coaching, buddy-checkin, practice-log  [schema]",
      ]
    `);
  });
  it('refuses an unknown rule, a field of another rule and a stage on other types', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: count, type: coaching, min: 3 }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:13  error  rule must be one of entries, monthly, attendance, project, all; got "count". For example rule: entries  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence: { rule: project, kind: call }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:28  error  kind is not a field of a project rule; its fields are rule, for example { rule: project }  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: coaching, min: 3, stage: proposal }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:52  error  stage applies to application-project entries only (type is coaching); for example write type: application-project, or remove stage  [schema]",
      ]
    `);
  });
});

describe('attendance and approval schemas', () => {
  it('accept valid records', () => {
    expect(check(attendanceSchema, 'present: [ana]\nabsent: [{ participant: bo, reason: illness }]\nrecordedBy: julie-diaz\nrecordedOn: 2026-07-14\n')).toEqual([]);
    expect(check(approvalSchema, 'by: [peter-m-senge]\ndate: 2026-07-20\nnote: Narrow it to one class.\n')).toEqual([]);
    expect(check(approvalSchema, 'by: [peter-m-senge, mette-miriam-boell]\ndate: 2026-06-02\n')).toEqual([]);
  });
  it('refuse someone both present and absent, and an approval step without faculty', () => {
    expect(check(attendanceSchema, 'present: [ana]\nabsent: [{ participant: ana, reason: illness }]\nrecordedBy: julie-diaz\nrecordedOn: 2026-07-14\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:2:12  error  absent[0].participant: ana is listed both under present and under absent; keep the one that is true, for example remove ana from absent  [schema]",
      ]
    `);
    expect(check(approvalSchema, 'by: []\ndate: 2026-07-20\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  by must name at least one assessing faculty member, for example [peter-m-senge]  [schema]",
      ]
    `);
  });
  it('refuse the one-file layout’s fields, naming the fields of a step', () => {
    expect(check(approvalSchema, 'entry: ana/project-proposal\napprovedBy: [peter-m-senge, peter-m-senge]\ndate: 2026-07-20\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  by is missing: ids of the assessing faculty who took this step. Add a line such as by: [peter-m-senge, mette-miriam-boell]  [schema]",
        "content/x.yaml:1:1  error  entry is not a field of this file. Allowed fields: by, date, note  [unknown-field]",
        "content/x.yaml:2:1  error  approvedBy is not a field of this file. Allowed fields: by, date, note  [unknown-field]",
      ]
    `);
    expect(check(approvalSchema, 'by: [peter-m-senge, peter-m-senge]\ndate: 2026-07-32\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:2:1  error  date: "2026-07-32" is not a real date: July 2026 has 31 days (date of this step, YYYY-MM-DD, for example 2020-07-20)  [schema]",
        "content/x.yaml:1:21  error  by[1]: peter-m-senge is listed twice under by; remove one  [schema]",
      ]
    `);
  });
});
