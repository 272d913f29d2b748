import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { entryFields, scaffoldEntry, slugify, type ScaffoldOptions } from '../../../src/lib/scaffold.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { ENTRY_TYPES, PROJECT_STAGES, type EntryType } from '../../../src/schemas/portfolio-entry.ts';
import { cleanupProjects, makeProject, REPO_ROOT, write } from '../validate/helpers.ts';

afterAll(cleanupProjects);

/** What each type needs to be complete in the base project of the helpers. */
const NEEDS: Record<EntryType, Partial<ScaffoldOptions>> = {
  reflection: {},
  'workshop-reflection': { session: '2020-2021/module-1-workshop' },
  'call-prework': { session: '2020-2021/call-2020-09' },
  'application-project': { stage: 'proposal' },
  coaching: { fields: { coachedRole: 'new teacher', frequency: 'every two weeks' } },
  'buddy-checkin': { fields: { buddies: ['jonas-berg'] } },
  'practice-log': {},
};

function problemsOf(files: Record<string, string>, path: string): string[] {
  const root = makeProject(files);
  return validateContent(root, { paths: [path] }).problems.map(formatProblem);
}

describe('scaffoldEntry', () => {
  for (const type of ENTRY_TYPES) {
    it(`writes a ${type} entry that validates clean, with every field documented`, () => {
      const entry = scaffoldEntry({
        participant: 'maria-lopez',
        type,
        title: 'What the iceberg model showed me: part 1 #2',
        date: '2020-07-01',
        visibility: 'cohort',
        module: 'systems-awareness',
        ...NEEDS[type],
      });
      expect(entry.path).toBe('content/portfolios/maria-lopez/2020-07-01-what-the-iceberg-model-showed-me-part-1-2.md');
      expect(problemsOf({ [entry.path]: entry.text }, entry.path)).toEqual([]);

      const lines = entry.text.split('\n');
      for (const field of entryFields(type)) {
        const at = lines.findIndex((l) => l.startsWith(`${field.name}:`) || l.startsWith(`# ${field.name}:`));
        expect(at, `${field.name} is written`).toBeGreaterThan(0);
        expect(lines[at - 1], `${field.name} has its description above it`).toContain(`# ${field.description}`);
        if (field.required) expect(lines[at]?.startsWith(`${field.name}:`), `${field.name} is filled in`).toBe(true);
      }
      expect(entry.text).toContain('\n## ');
    });
  }

  it('writes optional fields commented out with their example', () => {
    const { text } = scaffoldEntry({ participant: 'maria-lopez', type: 'reflection', title: 'A', date: '2020-07-01' });
    expect(text).toContain('# module: systems-awareness');
    expect(text).toContain('# tags: [iceberg model, team]');
    expect(text).toContain('# attachments: [{ file: ./lesson-plan.pdf, title: Lesson plan }]');
    expect(text).toMatchInlineSnapshot(`
      "---
      # kind of entry: Reflection (keep this line as it is)
      type: reflection
      # title of the entry
      title: A
      # date the entry is about, YYYY-MM-DD
      date: 2020-07-01
      # id of the module the entry belongs to (optional: remove the # to use it)
      # module: systems-awareness
      # one or two sentences shown in lists and search results (optional: remove the # to use it)
      # summary: A first map of the pressures on my department.
      # a few words to find the entry by (optional: remove the # to use it)
      # tags: [iceberg model, team]
      # ids of the qualification criteria this entry is evidence for (optional: remove the # to use it)
      # criteria: [application-project]
      # who may read it: faculty (default, private), cohort (your cohort and faculty) or public (everyone, needs a public profile) (optional: remove the # to use it)
      # visibility: cohort
      # files that belong to the entry (10 MB each at most) (optional: remove the # to use it)
      # attachments: [{ file: ./lesson-plan.pdf, title: Lesson plan }]
      # language of the entry when it is not English, as a language tag (optional: remove the # to use it)
      # lang: es
      ---

      ## What happened

      Describe the moment or experience in a few sentences.

      ## What I noticed

      What did you notice in yourself and in the system around you?

      ## What I will try next

      One small step you will take, and how you will know it helped.
      "
    `);
  });

  it('writes a body suited to each stage of an application project', () => {
    const bodies = PROJECT_STAGES.map((stage) => scaffoldEntry({ participant: 'maria-lopez', type: 'application-project', title: 'Project', date: '2020-07-01', stage }).text.split('---\n')[2]);
    expect(new Set(bodies).size).toBe(3);
    for (const stage of PROJECT_STAGES) {
      const entry = scaffoldEntry({ participant: 'maria-lopez', type: 'application-project', title: `Project ${stage}`, date: '2020-07-01', stage });
      expect(problemsOf({ [entry.path]: entry.text }, entry.path)).toEqual([]);
    }
  });

  it('puts a demo participant’s entry under content/demo/', () => {
    const entry = scaffoldEntry({ participant: 'demo-ana', demo: true, type: 'reflection', title: 'A', date: '2026-07-01' });
    expect(entry.path).toBe('content/demo/portfolios/demo-ana/2026-07-01-a.md');
  });

  it('makes short, safe file names from any title', () => {
    expect(slugify('Día 1: ¿Qué aprendí? — "Iceberg" & más')).toBe('dia-1-que-aprendi-iceberg-mas');
    expect(slugify(`${'a'.repeat(30)} ${'b'.repeat(40)}`)).toBe('a'.repeat(30));
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(slugify('!!!')).toBe('entry');
    expect(slugify('Nærvær i klassen: Søren og Ærø, Straße, Łódź')).toBe('naervaer-i-klassen-soren-og-aero-strasse-lodz');
  });

  it('quotes titles YAML would otherwise misread', () => {
    for (const title of ['yes', 'no', 'null', '123', 'a: b', '- item', '#hashtag', "it's \"quoted\""]) {
      const entry = scaffoldEntry({ participant: 'maria-lopez', type: 'reflection', title, date: '2020-07-01' });
      const root = makeProject({ [entry.path]: entry.text });
      const result = validateContent(root, { paths: [entry.path] });
      expect(result.problems.map(formatProblem), title).toEqual([]);
      expect(result.records.find((r) => r.file === entry.path)?.data['title']).toBe(title);
    }
  });

  it('does not use node: modules, so the browser composer can import it', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:/);
      for (const m of text.matchAll(/^import (?!type)[^;]*? from '(\.[^']+)'/gm)) visit(resolve(dirname(file), m[1] as string));
    };
    visit(join(REPO_ROOT, 'src/lib/scaffold.ts'));
    expect(seen.size).toBeGreaterThan(3);
  });
});

describe('npm run new', () => {
  const SCRIPT = join(REPO_ROOT, 'scripts/new-entry.ts');
  const run = (cwd: string, args: string[]) => {
    const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', input: '', timeout: 30_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the entry from flags without asking, and the file validates clean', () => {
    const root = makeProject();
    const { code, stdout, stderr } = run(root, ['--participant', 'maria-lopez', '--type', 'workshop-reflection', '--title', 'Day one', '--date', '2020-06-29', '--session', '2020-2021/module-1-workshop', '--module', 'systems-awareness']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const path = 'content/portfolios/maria-lopez/2020-06-29-day-one.md';
    expect(stdout).toContain(`Created ${path}`);
    expect(validateContent(root, { paths: [path] }).problems).toEqual([]);
    expect(readFileSync(join(root, path), 'utf8')).toContain('visibility: faculty');
  });

  it('fills buddies from the participant file and writes a demo participant’s entry under content/demo/', () => {
    const root = makeProject({
      'content/demo/participants/demo-ana.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\nbuddies: [maria-lopez]\ngitHandle: demo-ana\n',
    });
    const { code } = run(root, ['--participant', 'demo-ana', '--type', 'buddy-checkin', '--title', 'Check-in', '--date', '2020-09-01', '--visibility', 'cohort']);
    expect(code).toBe(0);
    const path = 'content/demo/portfolios/demo-ana/2020-09-01-check-in.md';
    expect(readFileSync(join(root, path), 'utf8')).toContain('buddies: [maria-lopez]');
    expect(validateContent(root, { paths: [path] }).problems.map(formatProblem)).toEqual([]);
  });

  it('refuses to overwrite an existing file, naming it and suggesting another title', () => {
    const root = makeProject();
    const args = ['--participant', 'maria-lopez', '--type', 'reflection', '--title', 'Same title', '--date', '2020-07-01'];
    expect(run(root, args).code).toBe(0);
    const path = join(root, 'content/portfolios/maria-lopez/2020-07-01-same-title.md');
    write(root, 'content/portfolios/maria-lopez/2020-07-01-same-title.md', 'my own words\n');
    const second = run(root, args);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/2020-07-01-same-title.md already exists, so nothing was written. Choose another title (for example "Same title (part 2)"), or open that file and add to it.
      "
    `);
    expect(readFileSync(path, 'utf8')).toBe('my own words\n');
  });

  it('exits 2 naming the missing or wrong flag when it cannot ask', () => {
    const root = makeProject();
    const missing = run(root, ['--participant', 'maria-lopez', '--type', 'coaching', '--title', 'X']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing: --coached-role, --frequency');
    const typo = run(root, ['--participant', 'maria-lopes', '--type', 'reflection', '--title', 'X']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean maria-lopez?');
    const badType = run(root, ['--participant', 'maria-lopez', '--type', 'reflektion', '--title', 'X']);
    expect(badType.stderr).toContain('did you mean reflection?');
    const wrongSession = run(root, ['--participant', 'maria-lopez', '--type', 'call-prework', '--title', 'X', '--session', '2020-2021/module-1-workshop']);
    expect(wrongSession.code).toBe(2);
    expect(wrongSession.stderr).toContain('2020-2021/call-2020-09');
    const noConsent = run(root, ['--participant', 'maria-lopez', '--type', 'reflection', '--title', 'X', '--visibility', 'public']);
    expect(noConsent.code).toBe(2);
    expect(noConsent.stderr).toContain('publicProfile: true');
    const badDate = run(root, ['--participant', 'maria-lopez', '--type', 'reflection', '--title', 'X', '--date', '2020-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('February 2020 has 29 days');
    expect(existsSync(join(root, 'content/portfolios'))).toBe(false);
  });
});
