/**
 * `npm run validate -- --participant X` is posted where X reads it (their pull request's summary, an
 * issue in their own portfolio repository). It must show X's own problems and progress and name no
 * one else, whatever the other files are called; and a crafted file name must stay text in the
 * Markdown a git host renders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../../src/lib/markdown-escape.ts';
import { problem } from '../../../src/lib/problems.ts';
import { peopleFromSources } from '../../../src/lib/scope/people.ts';
import { hiddenLine, reportScopeFor, scopeProblems } from '../../../src/lib/validate/participant-scope.ts';
import { githubStepSummary } from '../../../src/lib/validate/report.ts';
import { BASE_FILES, cleanupProjects, entry, makeProject, REPO_ROOT, write } from './helpers.ts';
import { GIT_ENV } from '../scope/helpers.ts';

afterAll(cleanupProjects);

const SCRIPT = join(REPO_ROOT, 'scripts/validate.ts');
const MARIA = 'content/portfolios/maria-lopez';
const JONAS = 'content/portfolios/jonas-berg';
/** A file name that would be a link, a mention, an issue reference and a heading if it reached Markdown as it is. */
const CRAFTED = 'x](https:⁄⁄evil.example) @dev-ana #1 ![t](https:⁄⁄t.example⁄p.png) <b>hi<⁄b> www.evil.example.pdf';

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What a git host would render: GFM with autolinks. */
function render(markdown: string): string {
  return markdownToHtml(markdown, { features: { gfm: true, rawHtml: true, autolinks: true } }).html;
}

const people = peopleFromSources(
  [...Object.entries(BASE_FILES), ['.github/maintainers.txt', 'dev-ana\n']].map(([path, text]) => ({ path: path as string, text: text as string })),
);

describe('whose problems a participant\'s report shows', () => {
  const problems = [
    problem(`${MARIA}/a.md`, 4, 1, 'schema', 'date is not a real date'),
    problem(`${JONAS}/${CRAFTED}`, 1, 1, 'portfolio-file', 'no entry lists this file'),
    problem(`${JONAS}/b.md`, 2, 1, 'schema', 'title is missing', 'warning'),
  ];

  it('shows a participant their own folder only, and counts the rest without naming it', () => {
    const scope = reportScopeFor('@Maria-Lopez', people, []);
    expect(scope).toEqual({ kind: 'participant', id: 'maria-lopez', folders: [`${MARIA}/`] });
    if (scope === 'unknown') return;
    const scoped = scopeProblems(problems, scope);
    expect(scoped.shown.map((p) => p.file)).toEqual([`${MARIA}/a.md`]);
    expect(hiddenLine(scoped.hidden, scope)).toBe(
      '1 error and 1 warning in files that are not yours are not shown here. If your change deleted or renamed an entry that other files refer to, undo that; otherwise the program coordinator will fix them.',
    );
  });

  it('shows everything to maintainers, nothing to a handle nobody\'s file names, and knows participants by id', () => {
    expect(reportScopeFor('@dev-ana', people, [])).toEqual({ kind: 'everything' });
    const nobody = reportScopeFor('@stranger', people, []);
    expect(nobody).toEqual({ kind: 'nobody', handle: 'stranger' });
    if (nobody !== 'unknown') expect(scopeProblems(problems, nobody).shown).toEqual([]);
    expect(reportScopeFor('jonas-berg', people, ['jonas-berg', 'maria-lopez'])).toMatchObject({ kind: 'participant', id: 'jonas-berg' });
    expect(reportScopeFor('no-such-person', people, ['jonas-berg'])).toBe('unknown');
  });

  it('keeps a crafted file name as plain text in the Markdown summary', () => {
    const html = render(githubStepSummary({ problems, files: 3 }));
    expect(html).not.toMatch(/<a |<img |<b>|<h[1-6][^>]*>[^<]*Heading/);
    expect(html).toContain('evil.example');
    expect(render(`| a |\n|---|\n| ${markdownText(CRAFTED)} |\n\n${markdownText('line one\n# not a heading')}`)).not.toMatch(/<a |<img |<b>|<h1/);
    expect(render(markdownCode('a`b``c | d'))).toBe('<p><code>a`b``c | d</code></p>\n');
    expect(render(`| a |\n|---|\n| ${markdownCode('a | b', { table: true })} |`)).toContain('<td><code>a | b</code></td>');
  });
});

describe('npm run validate -- --participant, run as the checks run it', () => {
  it('prints only the participant\'s own problems and progress, in Markdown for their issue', { timeout: 90_000 }, () => {
    const root = makeProject({
      [`${MARIA}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-02-30'),
      [`${JONAS}/2020-07-01-b.md`]: entry('type: reflection\ntitle: B\ndate: 2020-02-31'),
      [`${JONAS}/${CRAFTED}`]: '%PDF-1.7',
    });
    const { code, stdout } = run(root, ['--participant', 'maria-lopez', '--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toContain('maria-lopez/2020-07-01-a.md');
    expect(stdout).toContain('Your progress, Maria López');
    expect(stdout).toContain('2 errors in files that are not yours are not shown here');
    for (const other of ['jonas', 'Jonas', 'evil', '2020-07-01-b']) expect(stdout).not.toContain(other);
  });

  it('reads who holds a handle from the base commit, so a pull request cannot claim someone\'s handle', { timeout: 90_000 }, () => {
    const root = makeProject({
      [`${MARIA}/2020-07-01-a.md`]: entry('type: reflection\ntitle: Maria\'s own\ndate: 2020-02-30'),
      [`${JONAS}/2020-07-01-b.md`]: entry('type: reflection\ntitle: Jonas\'s own\ndate: 2020-02-31'),
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    // the pull request gives Jonas's participant file Maria's handle
    write(root, 'content/participants/jonas-berg.yaml', (BASE_FILES['content/participants/jonas-berg.yaml'] ?? '').replace('gitHandle: jonas-berg', 'gitHandle: maria-lopez'));
    const judged = run(root, ['--participant', '@maria-lopez', '--people-from', 'HEAD']);
    expect(judged.stdout).toContain('maria-lopez/2020-07-01-a.md');
    expect(judged.stdout).not.toContain('jonas-berg/2020-07-01-b.md');
    expect(judged.stdout).toContain('Progress of Maria López');
  });
});
