import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkAssessmentReferences } from '../../../src/lib/validate/assessment-references.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { checkReferences } from '../../../src/lib/validate/references.ts';
import { ASSESSMENT_FILES, cleanupProjects, makeProject } from './helpers.ts';

afterAll(cleanupProjects);

/** Problems of the faculty-record checks in the base project plus `files`, as printed. */
function problems(files: Record<string, string | null> = {}): string[] {
  const root = makeProject({ ...ASSESSMENT_FILES, ...files });
  const read = readContent(root);
  const schemaProblems = read.problems.map(formatProblem);
  if (schemaProblems.length) throw new Error(`the test project has schema problems:\n${schemaProblems.join('\n')}`);
  return checkAssessmentReferences(read.records).map(formatProblem);
}

describe('the base project', () => {
  it('has no problems, in these checks or the general references', () => {
    expect(problems()).toEqual([]);
    const root = makeProject(ASSESSMENT_FILES);
    expect(checkReferences(readContent(root).records).map(formatProblem)).toEqual([]);
  });
});

describe('assessments', () => {
  const A = 'content/assessments/maria-lopez';
  it('the assessor must be the file name', () => {
    expect(problems({ [`${A}/peter-m-senge.yaml`]: ASSESSMENT_FILES[`${A}/peter-m-senge.yaml`]!.replace('assessor: peter-m-senge', 'assessor: mette-miriam-boell') }))
      .toMatchInlineSnapshot(`
        [
          "content/assessments/maria-lopez/peter-m-senge.yaml:1:1  error  assessor is mette-miriam-boell, but this file is named after peter-m-senge: each assessor writes one file per participant, named after their faculty file (content/faculty/mette-miriam-boell.md). Move this assessment to content/assessments/maria-lopez/mette-miriam-boell.yaml, or write assessor: peter-m-senge  [assessor-file]",
        ]
      `);
  });
  it('the assessor must be assessing faculty', () => {
    expect(problems({ [`${A}/julie-diaz.yaml`]: 'assessor: julie-diaz\ndate: 2021-06-20\nlevels: { coaching: { level: meets, comment: ok } }\nrecommendation: certify\n' }))
      .toMatchInlineSnapshot(`
        [
          "content/assessments/maria-lopez/julie-diaz.yaml:1:1  error  assessor: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
        ]
      `);
    expect(problems({ [`${A}/peter-senge.yaml`]: 'assessor: peter-senge\ndate: 2021-06-20\nlevels: { coaching: { level: meets, comment: ok } }\nrecommendation: certify\n' }))
      .toMatchInlineSnapshot(`
        [
          "content/assessments/maria-lopez/peter-senge.yaml:1:1  error  assessor: faculty member "peter-senge" does not exist: there is no content/faculty/peter-senge.md. Assessing faculty: mette-miriam-boell, peter-m-senge; did you mean peter-m-senge?  [reference]",
        ]
      `);
  });
  it('the participant folder must be a participant', () => {
    expect(problems({ 'content/assessments/maria-lopes/peter-m-senge.yaml': ASSESSMENT_FILES[`${A}/peter-m-senge.yaml`]! })).toMatchInlineSnapshot(`
      [
        "content/assessments/maria-lopes/peter-m-senge.yaml:1:1  error  this assessment is in the folder content/assessments/maria-lopes/, named after participant "maria-lopes", but there is no content/participants/maria-lopes.yaml. Name the folder after the participant's file; participants: ana-ruiz, jonas-berg, maria-lopez; did you mean maria-lopez?  [reference]",
      ]
    `);
  });
  it('every criterion must be in the framework', () => {
    expect(
      problems({
        [`${A}/peter-m-senge.yaml`]: 'assessor: peter-m-senge\ndate: 2021-06-20\nlevels:\n  coaching: { level: meets, comment: ok }\n  coachng-others: { level: meets, comment: ok }\nrecommendation: certify\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/assessments/maria-lopez/peter-m-senge.yaml:5:3  error  levels: criterion "coachng-others" does not exist: there is no content/framework/coachng-others.yaml. Criteria: application-project, coaching, workshops  [reference]",
      ]
    `);
  });
});

describe('attendance', () => {
  const F = 'content/attendance/2020-2021/module-1-workshop.yaml';
  it('the session must exist', () => {
    expect(problems({ 'content/attendance/2020-2021/module-1.yaml': ASSESSMENT_FILES[F]! })).toMatchInlineSnapshot(`
      [
        "content/attendance/2020-2021/module-1.yaml:1:1  error  there is no session content/sessions/2020-2021/module-1.yaml for this attendance record; an attendance file has the name and cohort folder of its session. Sessions of 2020-2021: 2020-2021/call-2020-09, 2020-2021/module-1-workshop  [reference]",
      ]
    `);
  });
  it('a session without a date cannot have attendance', () => {
    expect(problems({ 'content/attendance/2021-2022/module-1-workshop.yaml': 'present: [ana-ruiz]\nrecordedBy: julie-diaz\nrecordedOn: 2021-07-01\n' })).toMatchInlineSnapshot(`
      [
        "content/attendance/2021-2022/module-1-workshop.yaml:1:1  error  content/sessions/2021-2022/module-1-workshop.yaml has no date yet (start: tba), so nobody can have attended it; record attendance once the session has been held, or give the session its date  [reference]",
      ]
    `);
  });
  it('people listed must exist and be of the cohort; the recorder must be faculty', () => {
    expect(
      problems({
        [F]: 'present: [maria-lopez, ana-ruiz, marie-lopez]\nabsent: [{ participant: jonas-berg, reason: illness }]\nrecordedBy: julia-diaz\nrecordedOn: 2020-06-01\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/attendance/2020-2021/module-1-workshop.yaml:4:1  warning  recordedOn (2020-06-01) is before the session began on 2020-06-28 (start in content/sessions/2020-2021/module-1-workshop.yaml); attendance is recorded once the session has been held  [attendance-date]",
        "content/attendance/2020-2021/module-1-workshop.yaml:1:24  error  present: ana-ruiz belongs to cohort 2021-2022 (cohort in content/participants/ana-ruiz.yaml), but this session is of cohort 2020-2021 (content/sessions/2020-2021/module-1-workshop.yaml); list only participants of 2020-2021. Participants of cohort 2020-2021: jonas-berg, maria-lopez  [reference]",
        "content/attendance/2020-2021/module-1-workshop.yaml:1:34  error  present: participant "marie-lopez" does not exist: there is no content/participants/marie-lopez.yaml. Participants of cohort 2020-2021: jonas-berg, maria-lopez; did you mean maria-lopez?  [reference]",
        "content/attendance/2020-2021/module-1-workshop.yaml:3:1  error  recordedBy: faculty member "julia-diaz" does not exist: there is no content/faculty/julia-diaz.md. Faculty: julie-diaz, mette-miriam-boell, peter-m-senge; did you mean julie-diaz?  [reference]",
      ]
    `);
  });
  it('present before joining is a warning', () => {
    expect(
      problems({
        'content/participants/jonas-berg.yaml': 'name: Jonas Berg\ncohort: 2020-2021\nsite: riverside-hub\nrole: administrator\nbuddies: [maria-lopez]\ngitHandle: jonas-berg\npublicProfile: true\njoined: 2020-09-01\n',
        [F]: 'present: [maria-lopez, jonas-berg]\nrecordedBy: julie-diaz\nrecordedOn: 2020-07-03\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/attendance/2020-2021/module-1-workshop.yaml:1:24  warning  present lists jonas-berg, who joined on 2020-09-01 (joined in content/participants/jonas-berg.yaml), but the session began on 2020-06-28 (content/sessions/2020-2021/module-1-workshop.yaml); correct joined, or list jonas-berg under absent  [attendance-date]",
      ]
    `);
  });
});

describe('approvals', () => {
  const F = 'content/approvals/maria-lopez/project-proposal.yaml';
  it('the entry must be the file name', () => {
    expect(problems({ [F]: 'entry: maria-lopez/a-reflection\napprovedBy: [peter-m-senge]\ndate: 2020-07-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal.yaml:1:1  error  entry is maria-lopez/a-reflection, but this file is named after maria-lopez/project-proposal: an approval has the name and folder of the proposal it approves (content/portfolios/maria-lopez/a-reflection.md is approved in content/approvals/maria-lopez/a-reflection.yaml). Write entry: maria-lopez/project-proposal, or move the file  [approval-file]",
        "content/approvals/maria-lopez/project-proposal.yaml:1:1  error  entry: content/portfolios/maria-lopez/a-reflection.md is a reflection entry, not an application-project proposal; only a proposal (type: application-project, stage: proposal) is approved  [reference]",
      ]
    `);
  });
  it('the entry must exist, be a proposal and be the participant’s own', () => {
    expect(problems({ 'content/approvals/maria-lopez/project-propsal.yaml': 'entry: maria-lopez/project-propsal\napprovedBy: [peter-m-senge]\ndate: 2020-07-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-propsal.yaml:1:1  error  entry: there is no portfolio entry content/portfolios/maria-lopez/project-propsal.md (or .mdx). Proposals of maria-lopez: maria-lopez/project-proposal; did you mean maria-lopez/project-proposal?  [reference]",
      ]
    `);
    expect(problems({ 'content/approvals/maria-lopez/a-reflection.yaml': 'entry: maria-lopez/a-reflection\napprovedBy: [peter-m-senge]\ndate: 2020-07-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/a-reflection.yaml:1:1  error  entry: content/portfolios/maria-lopez/a-reflection.md is a reflection entry, not an application-project proposal; only a proposal (type: application-project, stage: proposal) is approved  [reference]",
      ]
    `);
    expect(problems({ 'content/approvals/maria-lopez/project-proposal.yaml': 'entry: jonas-berg/project-proposal\napprovedBy: [peter-m-senge]\ndate: 2020-07-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal.yaml:1:1  error  entry is jonas-berg/project-proposal, but this file is named after maria-lopez/project-proposal: an approval has the name and folder of the proposal it approves (content/portfolios/jonas-berg/project-proposal.md is approved in content/approvals/jonas-berg/project-proposal.yaml). Write entry: maria-lopez/project-proposal, or move the file  [approval-file]",
        "content/approvals/maria-lopez/project-proposal.yaml:1:1  error  entry: content/portfolios/jonas-berg/project-proposal.md belongs to jonas-berg, but this approval is in content/approvals/maria-lopez/ of maria-lopez; file it under content/approvals/jonas-berg/  [reference]",
      ]
    `);
  });
  it('approvers must be assessing faculty', () => {
    expect(problems({ [F]: 'entry: maria-lopez/project-proposal\napprovedBy: [peter-m-senge, julie-diaz]\ndate: 2020-06-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal.yaml:3:1  warning  date (2020-06-20) is before the proposal was written (date 2020-07-01 in content/portfolios/maria-lopez/project-proposal.md); check both dates  [approval-date]",
        "content/approvals/maria-lopez/project-proposal.yaml:2:29  error  approvedBy: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
      ]
    `);
  });
});

describe('decisions', () => {
  const F = 'content/decisions/maria-lopez/2021-06-25.yaml';
  it('the file is named after the date', () => {
    expect(problems({ [F]: ASSESSMENT_FILES[F]!.replace('date: 2021-06-25', 'date: 2021-06-26') })).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:2:1  error  date is 2021-06-26, but the file is named 2021-06-25.yaml; a decision file is named after its date. Rename it to content/decisions/maria-lopez/2021-06-26.yaml, or correct the date  [decision-file]",
      ]
    `);
  });
  it('every panel member is assessing faculty with an assessment of the participant', () => {
    expect(problems({ [`content/assessments/maria-lopez/mette-miriam-boell.yaml`]: null, [F]: ASSESSMENT_FILES[F]!.replace('panel: [peter-m-senge, mette-miriam-boell]', 'panel: [peter-m-senge, mette-miriam-boell, julie-diaz]') }))
      .toMatchInlineSnapshot(`
        [
          "content/decisions/maria-lopez/2021-06-25.yaml:3:24  error  panel: mette-miriam-boell (content/faculty/mette-miriam-boell.md) has not assessed maria-lopez: there is no content/assessments/maria-lopez/mette-miriam-boell.yaml. A panel member writes an assessment before the decision  [panel-assessment]",
          "content/decisions/maria-lopez/2021-06-25.yaml:3:44  error  panel: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
        ]
      `);
  });
  it('certificate ids are unique', () => {
    expect(
      problems({
        'content/assessments/jonas-berg/peter-m-senge.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/peter-m-senge.yaml']!,
        'content/assessments/jonas-berg/mette-miriam-boell.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/mette-miriam-boell.yaml']!,
        'content/decisions/jonas-berg/2021-06-25.yaml': ASSESSMENT_FILES[F]!,
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/decisions/jonas-berg/2021-06-25.yaml:4:1  error  certificateId CST-2021-0001 is also used in content/decisions/maria-lopez/2021-06-25.yaml; every certificate has its own number, so give one of them the next free number  [duplicate-certificate]",
        "content/decisions/maria-lopez/2021-06-25.yaml:4:1  error  certificateId CST-2021-0001 is also used in content/decisions/jonas-berg/2021-06-25.yaml; every certificate has its own number, so give one of them the next free number  [duplicate-certificate]",
      ]
    `);
  });
});

describe('framework', () => {
  it('the module must exist', () => {
    expect(problems({ 'content/framework/coaching.yaml': 'title: Coaches\ndescription: x\nmodule: graduation\norder: 1\nevidence: { rule: project }\n' })).toMatchInlineSnapshot(`
      [
        "content/framework/coaching.yaml:3:1  error  module "graduation" does not exist: there is no content/modules/graduation.md. Modules: compassionate-integrity, systems-awareness  [reference]",
      ]
    `);
  });
});

describe('demo and real content', () => {
  it('a real record may not refer to a demo participant', () => {
    expect(
      problems({
        'content/demo/participants/dana-demo.yaml': 'name: Dana Demo\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: dana-demo\n',
        'content/assessments/dana-demo/peter-m-senge.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/peter-m-senge.yaml']!,
        'content/demo/assessments/dana-demo/mette-miriam-boell.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/mette-miriam-boell.yaml']!,
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/assessments/dana-demo/peter-m-senge.yaml:1:1  error  this assessment is in the folder content/assessments/dana-demo/, named after participant "dana-demo", but there is no content/participants/dana-demo.yaml (content/demo/participants/dana-demo.yaml is demo content, which a real deployment leaves out; real records cannot refer to it). Name the folder after the participant's file; participants: ana-ruiz, jonas-berg, maria-lopez  [reference]",
      ]
    `);
  });
});
