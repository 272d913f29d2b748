/** `npm run check:pr` end to end: the real script on temporary git repositories with real commits. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cleanupTempDirs, commitAll, git, GIT_ENV, link, makeRepo, PEOPLE_FILES, REPO_ROOT, runNode, tempDir, write } from './helpers.ts';

afterAll(cleanupTempDirs);

const SCRIPT = join(REPO_ROOT, 'scripts/check-pr.ts');
const MARIA = 'content/portfolios/maria-lopez';
const JONAS = 'content/portfolios/jonas-berg';

const BASE_FILES: Readonly<Record<string, string>> = {
  ...PEOPLE_FILES,
  [`${MARIA}/first.md`]: '---\ntype: reflection\ntitle: First\ndate: 2020-07-01\n---\n\nA first reflection, long enough to be found again when it moves.\n',
  [`${MARIA}/old.md`]: '---\ntype: reflection\ntitle: Old\ndate: 2020-07-02\n---\n\nAn old entry.\n',
  [`${JONAS}/his.md`]: '---\ntype: reflection\ntitle: His\ndate: 2020-07-01\n---\n\nJonas writes here.\n',
  'src/lib/audience.ts': 'export const x = 1;\n',
};

/** A repository with the base committed on main and the pull request on a branch `pr`. */
function pullRequest(change: (root: string) => void): string {
  const root = makeRepo(BASE_FILES);
  git(root, 'checkout', '-q', '-b', 'pr');
  change(root);
  commitAll(root, 'pull request');
  return root;
}

const check = (root: string, ...args: string[]) => runNode(root, SCRIPT, ['--base', 'main', ...args]);

describe('npm run check:pr on real commits', () => {
  it('accepts a participant adding, changing and deleting files in their own folder', () => {
    const root = pullRequest((r) => {
      write(r, `${MARIA}/new.md`, '---\ntype: reflection\ntitle: New\ndate: 2020-08-01\n---\n\nNew.\n');
      write(r, `${MARIA}/first.md`, readFileSync(join(r, `${MARIA}/first.md`), 'utf8') + 'More.\n');
      rmSync(join(r, `${MARIA}/old.md`));
    });
    const { code, stdout, stderr } = check(root, '--author', 'maria-lopez', '--head', 'pr');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.replace(/merging [0-9a-f]{7} into [0-9a-f]{7}/, 'merging X into Y')).toMatchInlineSnapshot(`
      "Checking 3 changed files that merging X into Y would make, by @maria-lopez
      ✔ 3 changed files, all of them ones @maria-lopez may change
      "
    `);
  });

  it('refuses another participant\'s folder, a move into it, a link in one\'s own folder and the code', () => {
    const root = pullRequest((r) => {
      write(r, `${JONAS}/mine-now.md`, 'x\n');
      git(r, 'mv', `${MARIA}/first.md`, `${JONAS}/moved.md`);
      link(r, `${MARIA}/secrets.md`, '../../../.github/maintainers.txt');
      write(r, 'src/lib/audience.ts', 'export const x = 2;\n');
      write(r, `${MARIA}/fine.md`, 'fine\n');
    });
    const { code, stdout } = check(root, '--author', 'maria-lopez', '--head', 'pr');
    expect(code).toBe(1);
    expect(stdout.replace(/merging [0-9a-f]{7} into [0-9a-f]{7}/, 'merging X into Y')).toMatchInlineSnapshot(`
      "Checking 5 changed files that merging X into Y would make, by @maria-lopez
      content/portfolios/jonas-berg/mine-now.md  error  content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Remove this file from your pull request  [scope]
      content/portfolios/jonas-berg/moved.md  error  this file was moved here from content/portfolios/maria-lopez/first.md, but content/portfolios/jonas-berg/ is not your portfolio folder; a file may be moved only within folders you may change. You may change only content/portfolios/maria-lopez/. Move the file back  [scope]
      content/portfolios/maria-lopez/secrets.md  error  this is a symbolic link (a file that points at another file); links are not allowed anywhere in the repository, because they can point outside it. Replace it with an ordinary file  [scope]
      src/lib/audience.ts  error  this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/portfolios/maria-lopez/. Undo the change to this file  [scope]
      ✖ 4 of 5 changed files are outside what @maria-lopez may change
      @maria-lopez: You may change only content/portfolios/maria-lopez/.
      "
    `);
  });

  it('judges from the merge base, so later commits on main are not blamed on the pull request', () => {
    const root = pullRequest((r) => write(r, `${MARIA}/new.md`, 'new\n'));
    git(root, 'checkout', '-q', 'main');
    write(root, 'src/lib/audience.ts', 'export const x = 3;\n');
    commitAll(root, 'main moves on');
    const { code, stdout } = check(root, '--author', 'maria-lopez', '--head', 'pr');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ 1 changed file, all of them ones @maria-lopez may change');
  });

  it('reads who is who from the base, so a pull request cannot give itself rights', () => {
    const root = pullRequest((r) => {
      write(r, 'content/participants/jonas-berg.yaml', readFileSync(join(r, 'content/participants/jonas-berg.yaml'), 'utf8').replace('JonasB', 'maria-lopez'));
      write(r, '.github/maintainers.txt', 'maria-lopez\n');
      write(r, `${JONAS}/his.md`, 'taken over\n');
    });
    const { code, stdout } = check(root, '--author', 'maria-lopez', '--head', 'pr');
    expect(code).toBe(1);
    expect(stdout).toContain('✖ 3 of 3 changed files are outside what @maria-lopez may change');
  });

  it('uses HEAD when --head is not given, and refuses an unknown author', () => {
    const root = pullRequest((r) => write(r, `${MARIA}/new.md`, 'new\n'));
    const { code, stdout } = check(root, '--author', 'someone-else');
    expect(code).toBe(1);
    expect(stdout).toContain('the git account "someone-else" is not the gitHandle of any participant or faculty member');
  });

  it('refuses whoever pushed to another person\'s pull request, naming both', { timeout: 90_000 }, () => {
    const root = pullRequest((r) => write(r, `${MARIA}/new.md`, 'new\n'));
    const pushedByJonas = check(root, '--author', 'maria-lopez', '--head', 'pr', '--sender', 'JonasB');
    expect(pushedByJonas.code).toBe(1);
    expect(pushedByJonas.stdout).toContain('(this pull request)  error  the latest commits of this pull request were pushed by @JonasB, but it was opened by @maria-lopez');
    expect(check(root, '--author', 'maria-lopez', '--head', 'pr', '--sender', 'maria-lopez').code).toBe(0);
    expect(check(root, '--author', 'maria-lopez', '--head', 'pr', '--sender', '@dev-ana').code).toBe(0);
  });

  it('prints GitHub annotations and appends a summary to $GITHUB_STEP_SUMMARY', () => {
    const root = pullRequest((r) => write(r, `${JONAS}/a,b:c.md`, 'x\n'));
    const summary = join(tempDir('cert-summary-'), 'summary.md');
    writeFileSync(summary, '# before\n');
    const { code, stdout } = runNode(root, SCRIPT, ['--author', 'maria-lopez', '--base', 'main', '--head', 'pr', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    expect(stdout.split('\n')[1]).toBe(
      '::error file=content/portfolios/jonas-berg/a%2Cb%3Ac.md,title=Not yours to change::content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Remove this file from your pull request',
    );
    expect(readFileSync(summary, 'utf8')).toMatchInlineSnapshot(`
      "# before
      ## Who may change what

      ✖ 1 of 1 changed file is outside what @maria-lopez may change

      \\@⁠maria\\-lopez\\: You may change only content\\/portfolios\\/maria\\-lopez\\/\\.

      A pull request may change only the files its author looks after. Undo the changes listed below (in the browser: open the file on the pull request's branch and restore or delete it), or close this pull request and start again from your own folder.

      | File | Why it cannot be changed here |
      | --- | --- |
      | \`content/portfolios/jonas-berg/a,b:c.md\` | content\\/portfolios\\/jonas\\-berg\\/ is not your portfolio folder\\; you may change only content\\/portfolios\\/maria\\-lopez\\/\\. Remove this file from your pull request |
      "
    `);
  });

  it('exits 2 with the usage on wrong usage, unknown refs or outside a repository', () => {
    const root = makeRepo(BASE_FILES);
    const cases: [string[], string][] = [
      [['--base', 'main'], '--author is missing'],
      [['--author', 'maria-lopez'], '--base is missing'],
      [['--author', 'maria-lopez', '--base', 'main', '--format', 'xml'], '--format must be text or github'],
      [['--author', 'maria-lopez', '--base', 'nope'], '--base nope: there is no such branch or commit here'],
      [['--author', 'maria-lopez', '--base=--output=/tmp/x'], 'there is no such branch or commit here'],
      [['--author', 'maria-lopez', '--base', 'main', '--head', 'nope'], '--head nope: there is no such branch or commit here'],
      [['--author', 'maria-lopez', '--base', 'main', 'extra'], 'Unexpected argument'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = runNode(root, SCRIPT, args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).toContain('Usage: npm run check:pr');
      expect(stdout).toBe('');
    }
    const outside = tempDir('cert-not-a-repo-');
    const { code, stderr } = runNode(outside, SCRIPT, ['--author', 'x', '--base', 'main']);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a git repository');
  });

  it('exits 0 when nothing changed', () => {
    const root = makeRepo(BASE_FILES);
    const { code, stdout } = check(root, '--author', 'maria-lopez');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ no files changed');
  });
});

beforeAll(() => {
  // the script must find its own modules from its file, whatever the working folder
  expect(SCRIPT.startsWith(REPO_ROOT)).toBe(true);
});

/**
 * Criss-cross history: the coordinator's withdrawal of Jonas's public consent and a site edit are
 * both merged into main with merge commits. Maria's branch merges the same two branches, but keeps
 * the old participant file, then adds her entry. Main and her branch then have two merge bases;
 * the diff from whichever one git picks (the committer sets the dates) may show only her entry,
 * while the merge the host performs would revert the withdrawal.
 */
describe('npm run check:pr judges the merge the host would make', () => {
  const at = (root: string, date: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: ['ignore', 'pipe', 'pipe'] });

  function crissCross(keepOld: boolean, mergeDate: string): string {
    const root = makeRepo({ ...BASE_FILES, 'content/participants/jonas-berg.yaml': `${PEOPLE_FILES['content/participants/jonas-berg.yaml']}publicProfile: true\n`, 'content/sites/riverside-hub.yaml': 'name: Riverside\n' });
    at(root, '2026-01-02T10:00:00Z', 'checkout', '-q', '-b', 'withdraw', 'main');
    write(root, 'content/participants/jonas-berg.yaml', `${PEOPLE_FILES['content/participants/jonas-berg.yaml']}publicProfile: false\n`);
    at(root, '2026-01-02T10:00:00Z', 'commit', '-qam', 'Jonas withdraws his consent');
    at(root, '2026-01-03T10:00:00Z', 'checkout', '-q', '-b', 'sites', 'main');
    write(root, 'content/sites/riverside-hub.yaml', 'name: Riverside Hub\n');
    at(root, '2026-01-03T10:00:00Z', 'commit', '-qam', 'site renamed');
    at(root, '2026-01-04T10:00:00Z', 'checkout', '-q', 'main');
    at(root, '2026-01-04T10:00:00Z', 'merge', '-q', '--no-ff', 'withdraw', '-m', 'merge withdraw');
    at(root, '2026-01-05T10:00:00Z', 'merge', '-q', '--no-ff', 'sites', '-m', 'merge sites');
    at(root, mergeDate, 'checkout', '-q', '-b', 'pr', 'sites');
    try {
      at(root, mergeDate, 'merge', '-q', '--no-commit', '--no-ff', 'withdraw');
    } catch {
      // --no-commit reports the stop as a failure on some versions
    }
    if (keepOld) at(root, mergeDate, 'checkout', 'sites', '--', 'content/participants/jonas-berg.yaml');
    at(root, mergeDate, 'commit', '-qm', 'merge');
    write(root, `${MARIA}/mine.md`, '---\ntype: reflection\ntitle: Mine\ndate: 2026-01-07\n---\n\nMine.\n');
    at(root, mergeDate, 'add', '-A');
    at(root, mergeDate, 'commit', '-qm', 'my entry');
    return root;
  }

  for (const date of ['2026-01-06T10:00:00Z', '2025-12-01T10:00:00Z']) {
    it(`refuses a branch whose merge would revert the coordinator's change (merge dated ${date.slice(0, 10)})`, { timeout: 90_000 }, () => {
      const root = crissCross(true, date);
      expect(git(root, 'merge-base', '--all', 'main', 'pr').trim().split('\n')).toHaveLength(2);
      const { code, stdout } = check(root, '--author', 'maria-lopez', '--head', 'pr');
      expect(code, stdout).toBe(1);
      expect(stdout).toContain('content/participants/jonas-berg.yaml  error  content/participants/ is kept by the program coordinator');
      expect(stdout).toContain('the branch carries an older version of it');
      expect(stdout).not.toContain(`${MARIA}/mine.md  error`);
    });
  }

  it('accepts an honest branch with the same history that adds only the author\'s entry', { timeout: 90_000 }, () => {
    const root = crissCross(false, '2026-01-06T10:00:00Z');
    const { code, stdout } = check(root, '--author', 'maria-lopez', '--head', 'pr');
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('✔ 1 changed file, all of them ones @maria-lopez may change');
  });
});
