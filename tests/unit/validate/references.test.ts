import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { checkReferences } from '../../../src/lib/validate/references.ts';
import type { ContentRecord } from '../../../src/lib/validate/read-content.ts';
import { cleanupProjects, entry, makeProject } from './helpers.ts';

afterAll(cleanupProjects);

/** Problems of one rule in a project made of the base files plus `files`, as printed. */
function problems(files: Record<string, string | null>, rule?: string): string[] {
  const root = makeProject(files);
  const result = validateContent(root);
  return result.problems.filter((p) => !rule || p.rule === rule).map(formatProblem);
}

const P = 'content/portfolios/maria-lopez';

describe('the base project', () => {
  it('has no problems', () => {
    expect(problems({})).toEqual([]);
  });
});

describe('sessions', () => {
  it('module must exist', () => {
    expect(problems({ 'content/sessions/2020-2021/x.yaml': 'kind: call\ntitle: X\nmodule: sytems-awareness\nstart: tba\ntimeZone: UTC\n' }))
      .toMatchInlineSnapshot(`
        [
          "content/sessions/2020-2021/x.yaml:3:1  error  module "sytems-awareness" does not exist: no file content/modules/sytems-awareness.md. Known modules: compassionate-integrity, systems-awareness; did you mean systems-awareness?  [reference]",
        ]
      `);
  });
  it('speakers must be faculty', () => {
    expect(problems({ 'content/sessions/2020-2021/x.yaml': 'kind: call\ntitle: X\nstart: tba\ntimeZone: UTC\nspeakers: [peter-m-senge, peter-senge]\n' }))
      .toMatchInlineSnapshot(`
        [
          "content/sessions/2020-2021/x.yaml:5:27  error  speakers: faculty member "peter-senge" does not exist: no file content/faculty/peter-senge.md. Known faculty members: peter-m-senge; did you mean peter-m-senge?  [reference]",
        ]
      `);
  });
  it('the cohort folder must be a cohort', () => {
    expect(problems({ 'content/sessions/2020-2022/x.yaml': 'kind: call\ntitle: X\nstart: tba\ntimeZone: UTC\n' })).toMatchInlineSnapshot(`
      [
        "content/sessions/2020-2022/x.yaml:1:1  error  the folder content/sessions/2020-2022/ is named after cohort "2020-2022", which does not exist: no file content/cohorts/2020-2022.yaml. Known cohorts: 2020-2021, 2021-2022; did you mean 2020-2021? Move this session into the folder of its cohort, content/sessions/<cohort>/, or add the cohort file  [reference]",
      ]
    `);
  });
});

describe('participants', () => {
  it('cohort and site must exist', () => {
    expect(
      problems({
        'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2012\nsite: riverside\nrole: teacher\ngitHandle: ana-ruiz\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/participants/ana-ruiz.yaml:2:1  error  cohort "2020-2012" does not exist: no file content/cohorts/2020-2012.yaml. Known cohorts: 2020-2021, 2021-2022; did you mean 2020-2021?  [reference]",
        "content/participants/ana-ruiz.yaml:3:1  error  site "riverside" does not exist: no file content/sites/riverside.yaml. Known sites: riverside-hub  [reference]",
      ]
    `);
  });
  it('buddies must exist and not be the participant', () => {
    expect(
      problems({
        'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\nbuddies: [ana-ruiz, jonas-bergg]\ngitHandle: ana-ruiz\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/participants/ana-ruiz.yaml:5:11  error  buddies lists ana-ruiz, the participant this file describes; a buddy is another participant, so remove ana-ruiz from the list  [reference]",
        "content/participants/ana-ruiz.yaml:5:21  error  buddies: participant "jonas-bergg" does not exist: no file content/participants/jonas-bergg.yaml. Known participants: ana-ruiz, jonas-berg, maria-lopez; did you mean jonas-berg?  [reference]",
      ]
    `);
  });
  it('a buddy who does not list you back is a warning', () => {
    const found = problems({
      'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\nbuddies: [jonas-berg]\ngitHandle: ana-ruiz\n',
    });
    expect(found).toMatchInlineSnapshot(`
      [
        "content/participants/ana-ruiz.yaml:5:11  warning  jonas-berg is listed as a buddy here, but content/participants/jonas-berg.yaml does not list ana-ruiz back; add ana-ruiz to buddies in content/participants/jonas-berg.yaml (for example buddies: [ana-ruiz]), or remove jonas-berg here  [buddy-not-mutual]",
      ]
    `);
    const root = makeProject({
      'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\nbuddies: [jonas-berg]\ngitHandle: ana-ruiz\n',
    });
    expect(validateContent(root).problems.map((p) => p.severity)).toEqual(['warning']);
  });
  it('git handles are unique across participants and faculty, whatever the capitals', () => {
    expect(
      problems({
        'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: PSenge\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/faculty/peter-m-senge.md:5:1  error  gitHandle "psenge" is also used in content/participants/ana-ruiz.yaml (written "PSenge"; handles do not distinguish capital letters); each person signs in with their own account, so a handle may appear only once. Correct the handle in whichever file is wrong  [duplicate-git-handle]",
        "content/participants/ana-ruiz.yaml:5:1  error  gitHandle "PSenge" is also used in content/faculty/peter-m-senge.md (written "psenge"; handles do not distinguish capital letters); each person signs in with their own account, so a handle may appear only once. Correct the handle in whichever file is wrong  [duplicate-git-handle]",
      ]
    `);
  });
});

describe('portfolio entries', () => {
  it('the folder must have a participant file', () => {
    expect(problems({ 'content/portfolios/maria-lopes/2020-07-01-a.md': entry('type: reflection\ntitle: A\ndate: 2020-07-01') })).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopes/2020-07-01-a.md:1:1  error  this entry is in the folder content/portfolios/maria-lopes/, but there is no participant "maria-lopes": no file content/participants/maria-lopes.yaml. Known participants: jonas-berg, maria-lopez; did you mean maria-lopez? Each portfolio folder is named after its participant's file: rename the folder to the participant's id, or add the participant file  [reference]",
      ]
    `);
  });
  it('module must exist', () => {
    expect(problems({ [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01\nmodule: systems-awarenes') })).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  module "systems-awarenes" does not exist: no file content/modules/systems-awarenes.md. Known modules: compassionate-integrity, systems-awareness; did you mean systems-awareness?  [reference]",
      ]
    `);
  });
  it('session must exist', () => {
    expect(
      problems({ [`${P}/2020-07-01-a.md`]: entry('type: workshop-reflection\ntitle: A\ndate: 2020-07-01\nsession: 2020-2021/module-1-worksop') }),
    ).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  session "2020-2021/module-1-worksop" does not exist: no file content/sessions/2020-2021/module-1-worksop.yaml. Workshops of cohort 2020-2021: 2020-2021/module-1-workshop; did you mean 2020-2021/module-1-workshop?  [reference]",
      ]
    `);
  });
  it('session must be of the participant’s cohort', () => {
    expect(
      problems({ [`${P}/2020-07-01-a.md`]: entry('type: workshop-reflection\ntitle: A\ndate: 2020-07-01\nsession: 2021-2022/module-1-workshop') }),
    ).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  session "2021-2022/module-1-workshop" (content/sessions/2021-2022/module-1-workshop.yaml) belongs to cohort 2021-2022, but content/participants/maria-lopez.yaml puts maria-lopez in cohort 2020-2021; choose a session of 2020-2021. Workshops of cohort 2020-2021: 2020-2021/module-1-workshop  [reference]",
      ]
    `);
  });
  it('a workshop reflection names a workshop, call pre-work a call', () => {
    expect(
      problems({
        [`${P}/2020-07-01-a.md`]: entry('type: workshop-reflection\ntitle: A\ndate: 2020-07-01\nsession: 2020-2021/call-2020-09'),
        [`${P}/2020-07-01-b.md`]: entry('type: call-prework\ntitle: B\ndate: 2020-07-01\nsession: 2020-2021/module-1-workshop'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  session "2020-2021/call-2020-09" is a call (kind: call in content/sessions/2020-2021/call-2020-09.yaml), but a workshop-reflection entry must name a workshop; for a call, write type: call-prework or reflection instead. Workshops of cohort 2020-2021: 2020-2021/module-1-workshop  [reference]",
        "content/portfolios/maria-lopez/2020-07-01-b.md:5:1  error  session "2020-2021/module-1-workshop" is a workshop (kind: workshop in content/sessions/2020-2021/module-1-workshop.yaml), but a call-prework entry must name a call; for a workshop, write type: workshop-reflection instead. Calls of cohort 2020-2021: 2020-2021/call-2020-09  [reference]",
      ]
    `);
  });
  it('buddies must exist; a buddy not in the participant’s list is a warning', () => {
    expect(
      problems({
        'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: ana-ruiz\n',
        [`${P}/2020-07-01-a.md`]: entry('type: buddy-checkin\ntitle: A\ndate: 2020-07-01\nbuddies: [jonas-berg, ana-ruiz, jonas-bergh]'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:23  warning  ana-ruiz is not among maria-lopez's buddies in content/participants/maria-lopez.yaml (buddies: [jonas-berg]); if ana-ruiz is a buddy, add ana-ruiz to buddies in content/participants/maria-lopez.yaml  [buddy-not-listed]",
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:33  error  buddies: participant "jonas-bergh" does not exist: no file content/participants/jonas-bergh.yaml. Known participants: ana-ruiz, jonas-berg, maria-lopez; did you mean jonas-berg?  [reference]",
      ]
    `);
  });
  it('public needs the participant’s consent', () => {
    expect(problems({ [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01\nvisibility: public') })).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  visibility is public, but maria-lopez has not agreed to a public profile: content/participants/maria-lopez.yaml does not say publicProfile: true, so this entry would never be published. Either set publicProfile: true in content/participants/maria-lopez.yaml (only if maria-lopez agreed to be public), or change this line to visibility: cohort (your cohort and faculty) or visibility: faculty (faculty only)  [public-without-consent]",
      ]
    `);
    // jonas-berg has publicProfile: true
    expect(problems({ 'content/portfolios/jonas-berg/2020-07-01-a.md': entry('type: reflection\ntitle: A\ndate: 2020-07-01\nvisibility: public') })).toEqual([]);
  });
  it('attachments listed are not stray files', () => {
    expect(
      problems({
        [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01\nattachments:\n  - file: ./plan.pdf\n    title: Plan'),
        [`${P}/plan.pdf`]: '%PDF-1.7\n',
        [`${P}/photo.jpg`]: '\u00ff\u00d8\u00ff',
        [`${P}/notes.txt`]: 'notes',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/notes.txt:1:1  error  .txt files cannot be part of a portfolio: a portfolio folder may hold only entries (.md, .mdx) and attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg). Paste the text into an entry instead, then delete this file  [portfolio-file]",
        "content/portfolios/maria-lopez/photo.jpg:1:1  error  no entry lists or shows this file, so it would not be published. Add it to the entry it belongs to (attachments: [{ file: ./photo.jpg, title: photo }], or show it with ![description](./photo.jpg)) in this same change, or delete it  [portfolio-file]",
      ]
    `);
  });
});

describe('real content and demo content', () => {
  it('real content may not depend on demo content; demo content may use real content', () => {
    expect(
      problems({
        'content/demo/cohorts/demo-2026.yaml': 'title: Demo\nstart: tba\nend: tba\napplicationDeadline: 2026-05-01\ncost:\n  amount: 1\n  currency: USD\n',
        'content/demo/participants/demo-ana.yaml': 'name: Ana\ncohort: demo-2026\nsite: riverside-hub\nrole: teacher\ngitHandle: demo-ana\n',
        'content/participants/ana-ruiz.yaml': 'name: Ana\ncohort: demo-2026\nsite: riverside-hub\nrole: teacher\ngitHandle: ana-ruiz\n',
        'content/demo/portfolios/demo-ana/2026-07-01-a.md': entry('type: reflection\ntitle: A\ndate: 2026-07-01\nmodule: systems-awareness'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/participants/ana-ruiz.yaml:2:1  error  cohort "demo-2026" does not exist: it exists only in the demo content (content/demo/cohorts/demo-2026.yaml), which a real deployment leaves out (demo: false in content/settings.yaml), so real content cannot refer to it. Known cohorts: 2020-2021, 2021-2022  [reference]",
      ]
    `);
  });
});

describe('criteria', () => {
  const record = (collection: string, id: string, data: Record<string, unknown>, file: string): ContentRecord => ({
    collection: collection as ContentRecord['collection'],
    id,
    file,
    data,
    valid: true,
    demo: false,
    locate: () => ({ line: 3, column: 1 }),
  });
  const base = [
    record('participants', 'maria-lopez', { cohort: '2020-2021', buddies: [] }, 'content/participants/maria-lopez.yaml'),
    record('cohorts', '2020-2021', {}, 'content/cohorts/2020-2021.yaml'),
    record('portfolios', 'maria-lopez/a', { type: 'reflection', criteria: ['application-projekt'] }, 'content/portfolios/maria-lopez/a.md'),
  ];
  it('are not checked while there is no framework collection', () => {
    expect(checkReferences(base)).toEqual([]);
  });
  it('are checked as soon as framework records exist', () => {
    const withFramework = [...base, record('framework', 'application-project', {}, 'content/framework/application-project.md')];
    expect(checkReferences(withFramework).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.md:3:1  error  criteria: criterion "application-projekt" does not exist: no file content/framework/application-projekt.yaml. Known criteria: application-project; did you mean application-project?  [reference]",
      ]
    `);
  });
});
