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

describe('approval steps', () => {
  const FOLDER = 'content/approvals/maria-lopez/project-proposal';
  const REVIEW = `${FOLDER}/review.yaml`;
  const FINAL = `${FOLDER}/final.yaml`;
  it('a step is named review.yaml or final.yaml, two folders down; the one-file layout says where its steps go', () => {
    const root = makeProject({
      ...ASSESSMENT_FILES,
      'content/approvals/maria-lopez/project-proposal/approved.yaml': ASSESSMENT_FILES[FINAL]!,
      'content/approvals/jonas-berg/project-proposal.yaml': 'entry: jonas-berg/project-proposal\napprovedBy: [peter-m-senge]\ndate: 2020-07-20\n',
      'content/demo/approvals/x/y/z/final.yaml': ASSESSMENT_FILES[FINAL]!,
    });
    expect(readContent(root).problems.filter((p) => p.rule === 'file-name').map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/approvals/jonas-berg/project-proposal.yaml:1:1  error  files in approvals/ go two folders down, in approvals/<participant>/<proposal entry>/, named review.yaml (the proposal reviewed before the year starts) or final.yaml (the project finalised after the first workshop): move this file to approvals/jonas-berg/project-proposal/review.yaml or approvals/jonas-berg/project-proposal/final.yaml  [file-name]",
        "content/approvals/maria-lopez/project-proposal/approved.yaml:1:1  error  a file in approvals/<participant>/<proposal entry>/ is named review.yaml (the proposal reviewed before the year starts) or final.yaml (the project finalised after the first workshop), not approved.yaml; rename it to the step it records  [file-name]",
        "content/demo/approvals/x/y/z/final.yaml:1:1  error  files in approvals/ go two folders down, in approvals/<participant>/<proposal entry>/, named review.yaml (the proposal reviewed before the year starts) or final.yaml (the project finalised after the first workshop), for example approvals/maria-lopez/project-proposal/review.yaml  [file-name]",
      ]
    `);
  });
  it('the folder must be a proposal of that participant', () => {
    expect(problems({ 'content/approvals/maria-lopez/project-propsal/review.yaml': ASSESSMENT_FILES[REVIEW]! })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-propsal/review.yaml:1:1  error  this approval step is in the folder content/approvals/maria-lopez/project-propsal/, named after the proposal maria-lopez/project-propsal, but there is no portfolio entry content/portfolios/maria-lopez/project-propsal.md (or .mdx). Name the folder after the proposal's file; proposals of maria-lopez: maria-lopez/project-proposal; did you mean maria-lopez/project-proposal?  [reference]",
      ]
    `);
    expect(problems({ 'content/approvals/maria-lopez/a-reflection/review.yaml': ASSESSMENT_FILES[REVIEW]! })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/a-reflection/review.yaml:1:1  error  this approval step is in the folder of content/portfolios/maria-lopez/a-reflection.md, which is a reflection entry, not an application-project proposal; only a proposal (type: application-project, stage: proposal) is reviewed and finalised. Proposals of maria-lopez: maria-lopez/project-proposal  [reference]",
      ]
    `);
    expect(problems({ 'content/approvals/maria-lopes/project-proposal/review.yaml': ASSESSMENT_FILES[REVIEW]! })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopes/project-proposal/review.yaml:1:1  error  this approval step is in the folder content/approvals/maria-lopes/project-proposal/, named after participant "maria-lopes", but there is no content/participants/maria-lopes.yaml. Name the folder after the participant's file; participants: ana-ruiz, jonas-berg, maria-lopez; did you mean maria-lopez?  [reference]",
      ]
    `);
  });
  it('every by is assessing faculty', () => {
    expect(problems({ [REVIEW]: 'by: [peter-m-senge, julie-diaz, peter-senge]\ndate: 2020-06-10\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/review.yaml:1:21  error  by: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
        "content/approvals/maria-lopez/project-proposal/review.yaml:1:33  error  by: faculty member "peter-senge" does not exist: there is no content/faculty/peter-senge.md. Assessing faculty: mette-miriam-boell, peter-m-senge; did you mean peter-m-senge?  [reference]",
      ]
    `);
  });
  it('a final dated before the end of the first workshop is an error', () => {
    expect(problems({ [FINAL]: 'by: [peter-m-senge]\ndate: 2020-07-02\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/final.yaml:2:1  error  date (2020-07-02) is before the end of the first workshop of 2020-2021 (2020-07-03, in content/sessions/2020-2021/module-1-workshop.yaml): a project is finalised after the first workshop. Write the date it was finalised, on or after 2020-07-03; a decision before that is the review, in content/approvals/maria-lopez/project-proposal/review.yaml  [approval-step-date]",
      ]
    `);
    // on the workshop's last day is after it
    expect(problems({ [FINAL]: 'by: [peter-m-senge]\ndate: 2020-07-03\n' })).toEqual([]);
  });
  it('a final before its review is an error; a final without a review is a warning', () => {
    expect(problems({ [REVIEW]: 'by: [peter-m-senge]\ndate: 2020-07-25\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/final.yaml:2:1  error  date (2020-07-20) is before the review (date 2020-07-25 in content/approvals/maria-lopez/project-proposal/review.yaml); a project is finalised after its proposal was reviewed. Correct one of the dates  [approval-step-date]",
        "content/approvals/maria-lopez/project-proposal/review.yaml:2:1  warning  date (2020-07-25) is after the year began on 2020-06-28 (start in content/cohorts/2020-2021.yaml): the program reviews proposals before the year starts. If the review really came later, keep it; otherwise correct the date  [approval-step-date]",
      ]
    `);
    expect(problems({ [REVIEW]: null })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/final.yaml:1:1  warning  the project is finalised, but there is no content/approvals/maria-lopez/project-proposal/review.yaml: the program reviews a proposal before the year starts, then finalises it after the first workshop. Add review.yaml with the date of the review and by: the faculty who reviewed it  [approval-step-missing]",
      ]
    `);
  });
  it('a review after the year began, or before the proposal was written, is a warning', () => {
    expect(problems({ [REVIEW]: 'by: [peter-m-senge]\ndate: 2020-05-20\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/review.yaml:2:1  warning  date (2020-05-20) is before the proposal was written (date 2020-06-01 in content/portfolios/maria-lopez/project-proposal.md); check both dates  [approval-date]",
      ]
    `);
    expect(problems({ [REVIEW]: 'by: [peter-m-senge]\ndate: 2020-06-29\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/review.yaml:2:1  warning  date (2020-06-29) is after the year began on 2020-06-28 (start in content/cohorts/2020-2021.yaml): the program reviews proposals before the year starts. If the review really came later, keep it; otherwise correct the date  [approval-step-date]",
      ]
    `);
  });
  it('a review after a late joiner joined is a warning; before it, none', () => {
    const joined = (date: string) =>
      'name: Maria López\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\nbuddies: [jonas-berg]\ngitHandle: maria-lopez\njoined: ' + date + '\n';
    const steps = (files: Record<string, string>) => problems(files).filter((p) => p.startsWith(FOLDER));
    expect(steps({ 'content/participants/maria-lopez.yaml': joined('2020-09-01'), [REVIEW]: 'by: [peter-m-senge]\ndate: 2020-07-10\n' })).toEqual([]);
    expect(steps({ 'content/participants/maria-lopez.yaml': joined('2020-06-30'), [REVIEW]: 'by: [peter-m-senge]\ndate: 2020-07-10\n' })).toMatchInlineSnapshot(`
      [
        "content/approvals/maria-lopez/project-proposal/review.yaml:2:1  warning  date (2020-07-10) is after maria-lopez joined on 2020-06-30 (joined in content/participants/maria-lopez.yaml): the program reviews proposals before the year starts. If the review really came later, keep it; otherwise correct the date  [approval-step-date]",
      ]
    `);
  });
  it('a cohort whose first workshop has no date yet gives the final nothing to be checked against', () => {
    expect(
      problems({
        'content/participants/ana-ruiz.yaml': `${ASSESSMENT_FILES['content/participants/ana-ruiz.yaml']!}`,
        'content/portfolios/ana-ruiz/project-proposal.md': ASSESSMENT_FILES['content/portfolios/maria-lopez/project-proposal.md']!,
        'content/approvals/ana-ruiz/project-proposal/review.yaml': ASSESSMENT_FILES[REVIEW]!,
        'content/approvals/ana-ruiz/project-proposal/final.yaml': ASSESSMENT_FILES[FINAL]!,
      }),
    ).toEqual([]);
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
    expect(problems({ 'content/framework/coaching.yaml': 'title: Coaches\ndescription: x\nmodule: graduation\norder: 1\nsource: { proposal: x }\nevidence: { rule: project, source: { proposal: x } }\n' })).toMatchInlineSnapshot(`
      [
        "content/framework/coaching.yaml:3:1  error  module "graduation" does not exist: there is no content/modules/graduation.md. Modules: compassionate-integrity, systems-awareness  [reference]",
      ]
    `);
  });
});

describe('framework sources set by the faculty', () => {
  const F = 'content/framework/workshops.yaml';
  const withDecision = (by: string) => ASSESSMENT_FILES[F]!.replace('by: [peter-m-senge, mette-miriam-boell]', `by: ${by}`);
  it('name assessing faculty of the program, never a demo stand-in', () => {
    expect(problems({ [F]: withDecision('[peter-m-senge, julie-diaz, peter-senge]') })).toMatchInlineSnapshot(`
      [
        "content/framework/workshops.yaml:5:88  error  source.faculty.by: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
        "content/framework/workshops.yaml:5:100  error  source.faculty.by: faculty member "peter-senge" does not exist: there is no content/faculty/peter-senge.md. Assessing faculty: mette-miriam-boell, peter-m-senge; did you mean peter-m-senge?  [reference]",
      ]
    `);
    expect(problems({ 'content/demo/faculty/dana-demo-assessor.md': DEMO_ASSESSOR, [F]: withDecision('[dana-demo-assessor]') })).toMatchInlineSnapshot(`
      [
        "content/framework/workshops.yaml:5:73  error  source.faculty.by: faculty member "dana-demo-assessor" does not exist: there is no content/faculty/dana-demo-assessor.md (content/demo/faculty/dana-demo-assessor.md is demo content, which a real deployment leaves out; real records cannot refer to it). Assessing faculty: mette-miriam-boell, peter-m-senge  [reference]",
      ]
    `);
  });
  it('inside an all rule too', () => {
    const file = ASSESSMENT_FILES['content/framework/application-project.yaml']!.replace('source: { proposal: A final report is proposed. }', 'source: { faculty: { by: [julie-diaz], date: 2020-07-03 } }');
    expect(problems({ 'content/framework/application-project.yaml': file })).toMatchInlineSnapshot(`
      [
        "content/framework/application-project.yaml:10:106  error  source.faculty.by: julie-diaz is not assessing faculty: content/faculty/julie-diaz.md does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: mette-miriam-boell, peter-m-senge  [not-assessor]",
      ]
    `);
  });
});

const DEMO_ASSESSOR = `---
name: Dana Demo-Assessor
role: facilitator
affiliation: Demo faculty (fictional)
assessor: true
---
`;

describe('demo records and the faculty who sign them', () => {
  const demoParticipant = 'name: Nia Demo\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: nia-demo\n';
  const demoFiles = {
    'content/demo/participants/nia-demo.yaml': demoParticipant,
    'content/demo/faculty/dana-demo-assessor.md': DEMO_ASSESSOR,
    'content/demo/portfolios/nia-demo/project-proposal.md': ASSESSMENT_FILES['content/portfolios/maria-lopez/project-proposal.md']!,
  };
  it('a demo record signed by invented demo faculty is fine', () => {
    expect(
      problems({
        ...demoFiles,
        'content/demo/assessments/nia-demo/dana-demo-assessor.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/peter-m-senge.yaml']!.replace('assessor: peter-m-senge', 'assessor: dana-demo-assessor'),
        'content/demo/approvals/nia-demo/project-proposal/review.yaml': 'by: [dana-demo-assessor]\ndate: 2020-06-10\n',
      }),
    ).toEqual([]);
  });
  it('a demo assessment, approval step, decision or attendance record naming a real faculty member is an error', () => {
    expect(
      problems({
        ...demoFiles,
        'content/demo/assessments/nia-demo/peter-m-senge.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/peter-m-senge.yaml']!,
        'content/demo/approvals/nia-demo/project-proposal/review.yaml': 'by: [dana-demo-assessor, mette-miriam-boell]\ndate: 2020-06-10\n',
        'content/demo/decisions/nia-demo/2021-06-25.yaml': 'outcome: further-work\ndate: 2021-06-25\npanel: [peter-m-senge, dana-demo-assessor]\nconditions: [Write the final report.]\n',
        'content/demo/attendance/2020-2021/call-2020-09.yaml': 'present: [nia-demo]\nrecordedBy: julie-diaz\nrecordedOn: 2020-09-15\n',
      }).filter((p) => p.includes('[demo-faculty]')),
    ).toMatchInlineSnapshot(`
      [
        "content/demo/approvals/nia-demo/project-proposal/review.yaml:1:26  error  by: mette-miriam-boell is a real faculty member (content/faculty/mette-miriam-boell.md), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: dana-demo-assessor  [demo-faculty]",
        "content/demo/assessments/nia-demo/peter-m-senge.yaml:1:1  error  assessor: peter-m-senge is a real faculty member (content/faculty/peter-m-senge.md), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: dana-demo-assessor  [demo-faculty]",
        "content/demo/attendance/2020-2021/call-2020-09.yaml:2:1  error  recordedBy: julie-diaz is a real faculty member (content/faculty/julie-diaz.md), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: dana-demo-assessor  [demo-faculty]",
        "content/demo/decisions/nia-demo/2021-06-25.yaml:3:9  error  panel: peter-m-senge is a real faculty member (content/faculty/peter-m-senge.md), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: dana-demo-assessor  [demo-faculty]",
      ]
    `);
  });
  it('a demo faculty member has no account and no real faculty member’s name', () => {
    expect(
      problems({ 'content/demo/faculty/dana-demo-assessor.md': DEMO_ASSESSOR.replace('name: Dana Demo-Assessor', 'name: PETER M.  SENGE\ngitHandle: psenge') }),
    ).toMatchInlineSnapshot(`
      [
        "content/demo/faculty/dana-demo-assessor.md:3:1  error  a demo faculty member is invented and has no account on the git host; remove the gitHandle line (a handle here would give someone faculty rights)  [demo-faculty]",
        "content/demo/faculty/dana-demo-assessor.md:2:1  error  name: PETER M.  SENGE is the name of a real faculty member (content/faculty/peter-m-senge.md); a demo faculty member is invented. Give an invented name  [demo-faculty]",
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
        "content/demo/assessments/dana-demo/mette-miriam-boell.yaml:1:1  error  assessor: mette-miriam-boell is a real faculty member (content/faculty/mette-miriam-boell.md), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: none yet  [demo-faculty]",
      ]
    `);
  });
});
