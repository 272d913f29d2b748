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
  const base = 'title: Coaches others\ndescription: Evidence of coaching others.\norder: 40\nsource: { proposal: A test criterion. }\n';
  /** A rule's own source, as a criterion file writes it inside the rule. */
  const S = 'source: { proposal: Proposed for the test. }';
  it('accepts each kind of rule, and a type written as one name or a list', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: coaching, min: 3, ${S} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: [reflection, workshop-reflection], min: 6, tagged: true, ${S} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: application-project, stage: final-report, min: 1, ${S} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: monthly, type: practice-log, ${S} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: attendance, kind: call, ${S} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${base}evidence: { rule: all, rules: [{ rule: project, ${S} }, { rule: entries, type: coaching, min: 1, ${S} }] }\n`)).toEqual([]);
  });
  it('refuses an unknown entry type with the list of allowed types', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: [reflection, blog-post], min: 6, ${S} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:47  error  evidence.type[1]: "blog-post" is not a portfolio entry type; use one of reflection, workshop-reflection, call-prework, application-project, coaching, buddy-checkin, practice-log  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence:\n  rule: all\n  rules:\n    - { rule: monthly, type: checkin, ${S} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:8:24  error  evidence.rules[0].type[0]: "checkin" is not a portfolio entry type; use one of reflection, workshop-reflection, call-prework, application-project, coaching, buddy-checkin, practice-log  [schema]",
      ]
    `);
  });
  it('refuses an unknown rule, a field of another rule and a stage on other types', () => {
    expect(check(frameworkSchema, `${base}evidence: { rule: count, type: coaching, min: 3, ${S} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:13  error  rule must be one of entries, monthly, attendance, project, all; got "count". For example rule: entries  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence: { rule: project, kind: call, ${S} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:28  error  kind is not a field of a project rule; its fields are rule, source, for example { rule: project, source: { brochure: "…" } }  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${base}evidence: { rule: entries, type: coaching, min: 3, stage: proposal, ${S} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:52  error  stage applies to application-project entries only (type is coaching); for example write type: application-project, or remove stage  [schema]",
      ]
    `);
  });
});

describe('framework sources', () => {
  const head = 'title: Coaches others\ndescription: Evidence of coaching others.\norder: 40\n';
  const rule = (source: string) => `evidence: { rule: entries, type: coaching, min: 3, source: ${source} }\n`;
  const BROCHURE = '{ brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }';
  it('accepts each kind of source, on the criterion and on each rule', () => {
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\n${rule('{ faculty: { by: [peter-m-senge, mette-miriam-boell], date: 2020-07-03, note: Faculty meeting after the first workshop. } }')}`)).toEqual([]);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\n${rule('{ proposal: "The brochure sets no number; three are proposed." }')}`)).toEqual([]);
  });
  it('refuses a criterion or a rule without a source, saying what to write', () => {
    expect(check(frameworkSchema, `${head}evidence: { rule: entries, type: coaching, min: 3 }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  source is missing: where the criterion comes from: brochure (the sentence), faculty (who, when) or proposal (why). Add a line such as source: { brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }  [schema]",
        "content/x.yaml:4:1  error  evidence.source is missing: where this rule comes from: brochure (the sentence), faculty (who, when) or proposal (why). Add a line such as source: { brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }  [schema]",
      ]
    `);
    expect(
      check(frameworkSchema, `${head}source: ${BROCHURE}\nevidence:\n  rule: all\n  rules:\n    - { rule: project, source: ${BROCHURE} }\n    - { rule: entries, type: coaching, min: 1 }\n`),
    ).toMatchInlineSnapshot(`
      [
        "content/x.yaml:9:7  error  evidence.rules[1].source is missing: where this rule comes from: brochure (the sentence), faculty (who, when) or proposal (why). Add a line such as source: { brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }  [schema]",
      ]
    `);
  });
  it('refuses a number or a monthly rhythm as "stated by the program" when the quoted sentence does not state it', () => {
    const coaching = '{ brochure: "A final graduation based on assessing evidence of work and learning developed during the process, including the application project and evidence of coaching others.", section: Program structure }';
    expect(check(frameworkSchema, `${head}source: ${coaching}\nevidence: { rule: entries, type: coaching, min: 3, source: ${coaching} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:44  error  evidence.min: 3 is not stated in the brochure sentence quoted under source, so it is not the program's number; write source: { proposal: "why" } until the faculty set it, then source: { faculty: { by: [ids], date: YYYY-MM-DD } }  [schema]",
      ]
    `);
    // one piece of evidence is what "evidence of coaching others" asks at least
    expect(check(frameworkSchema, `${head}source: ${coaching}\nevidence: { rule: entries, type: coaching, min: 1, source: ${coaching} }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\nevidence: { rule: entries, type: workshop-reflection, min: 3, source: { brochure: "Three face-to-face workshops in the US", section: Program structure } }\n`)).toEqual([]);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\nevidence: { rule: entries, type: workshop-reflection, min: 15, source: ${BROCHURE} }\n`)).toEqual([]);
    const buddy = '{ brochure: "Maintain a regular check-in routine with his/her buddy or buddies.", section: Participant commitments }';
    expect(check(frameworkSchema, `${head}source: ${buddy}\nevidence: { rule: monthly, type: buddy-checkin, source: ${buddy} }\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:49  error  evidence.source: a monthly rule needs a brochure sentence that speaks of months, and the one quoted does not; write source: { proposal: "why" } until the faculty set it, then source: { faculty: { by: [ids], date: YYYY-MM-DD } }  [schema]",
      ]
    `);
    const calls = '{ brochure: "Be present on the monthly 3-hour virtual learning community calls.", section: Participant commitments }';
    expect(check(frameworkSchema, `${head}source: ${calls}\nevidence: { rule: monthly, type: call-prework, source: ${calls} }\n`)).toEqual([]);
  });
  it('refuses an empty source, two kinds at once, an unknown kind, a paraphrase too short to be a sentence and a decision without who or when', () => {
    expect(check(frameworkSchema, `${head}source: {}\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:1  error  source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\n${rule('{ brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments, proposal: Three. }')}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:52  error  source gives brochure and proposal; give exactly one. source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\n${rule('{ website: "https://example.org" }')}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:62  error  website is not a kind of source; source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: { brochure: coaching, section: Benefits }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:11  error  brochure must quote the whole sentence this rests on, for example "Be present at all three face-to-face sessions (15 days total)."  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: ${BROCHURE}\n${rule('{ faculty: { by: [], date: 2020-02-30 } }')}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:73  error  by must name the assessing faculty who decided, for example [peter-m-senge, mette-miriam-boell]  [schema]",
        "content/x.yaml:5:81  error  evidence.source.faculty.date: "2020-02-30" is not a real date: February 2020 has 29 days (date of the decision, YYYY-MM-DD, for example 2020-07-03)  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: the brochure\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:1  error  source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
      ]
    `);
  });
  it('asks a brochure source for its section, one of the brochure’s, and refuses a section without a brochure sentence', () => {
    const quote = 'brochure: "Be present at all three face-to-face sessions (15 days total)."';
    expect(check(frameworkSchema, `${head}source: { ${quote} }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:1  error  source: a brochure source names its section too; section must be the brochure section the sentence is in, one of Introduction, Program structure, Program dates and locations, Participant commitments, Benefits, Faculty, Cost and dates; for example section: Participant commitments  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: { ${quote}, section: Commitments }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:87  error  source.section: "Commitments" is not a section of the brochure; section must be the brochure section the sentence is in, one of Introduction, Program structure, Program dates and locations, Participant commitments, Benefits, Faculty, Cost and dates; for example section: Participant commitments  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: { ${quote}, section: participant commitments }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:87  error  source.section: "participant commitments" is not a section of the brochure; section must be the brochure section the sentence is in, one of Introduction, Program structure, Program dates and locations, Participant commitments, Benefits, Faculty, Cost and dates; for example section: Participant commitments; did you mean Participant commitments?  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: { section: Benefits }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:11  error  section belongs with brochure: "the sentence of the brochure it rests on"; source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
      ]
    `);
    expect(check(frameworkSchema, `${head}source: { proposal: Three are proposed., section: Benefits }\n${rule(BROCHURE)}`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:4:42  error  section belongs with brochure: "the sentence of the brochure it rests on"; source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure's section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide  [schema]",
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
