import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSequence } from '../../../src/lib/calendar.ts';
import { lastModifiedTimes } from '../../../src/lib/revisions.ts';

const JAN = '2021-01-01T00:00:00Z';
const FEB = '2021-02-01T00:00:00Z';
const MAR = '2021-03-01T00:00:00Z';
const APR = '2021-04-01T00:00:00Z';
const EDITED = new Date('2022-05-05T10:00:00Z');
const UNTRACKED = new Date('2023-03-03T03:00:00Z');
const LATER_MTIME = new Date('2030-01-01T00:00:00Z');

const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'revisions-'));
  dirs.push(dir);
  return dir;
}

function git(cwd: string, args: string[], date = JAN): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

function write(root: string, path: string, text: string, mtime?: Date): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
  if (mtime) utimesSync(join(root, path), mtime, mtime);
}

function iso(times: Map<string, Date>): Record<string, string> {
  return Object.fromEntries([...times].map(([path, date]) => [path, date.toISOString()]));
}

const FIVE_LINES = 'one\ntwo\nthree\nfour\nfive\n';

/**
 * a.yaml: committed in January, untouched since (its mtime is later, and must not count)
 * b.yaml: committed in January, changed in February
 * c.yaml: committed in January, changed on a branch in February and on main in March,
 *         the branch merged in April
 * d.yaml: committed in January, then edited without committing
 * e.yaml: never added
 */
let repo: string;

beforeAll(() => {
  repo = tempDir();
  git(repo, ['init', '-q', '-b', 'main']);
  for (const name of ['a', 'b', 'c', 'd']) write(repo, `content/sessions/${name}.yaml`, FIVE_LINES);
  write(repo, 'README.md', 'readme\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'January'], JAN);
  write(repo, 'content/sessions/b.yaml', 'changed\n');
  git(repo, ['commit', '-q', '-a', '-m', 'February on main'], FEB);
  git(repo, ['checkout', '-q', '-b', 'branch', 'HEAD~1']);
  write(repo, 'content/sessions/c.yaml', FIVE_LINES.replace('one', 'ONE'));
  git(repo, ['commit', '-q', '-a', '-m', 'February on a branch'], FEB);
  git(repo, ['checkout', '-q', 'main']);
  write(repo, 'content/sessions/c.yaml', FIVE_LINES.replace('five', 'FIVE'));
  git(repo, ['commit', '-q', '-a', '-m', 'March on main'], MAR);
  git(repo, ['merge', '-q', '--no-ff', '-m', 'April merge', 'branch'], APR);
  utimesSync(join(repo, 'content/sessions/a.yaml'), LATER_MTIME, LATER_MTIME);
  write(repo, 'content/sessions/d.yaml', 'edited, not committed\n', EDITED);
  write(repo, 'content/sessions/e.yaml', 'new\n', UNTRACKED);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const PATHS = ['a', 'b', 'c', 'd', 'e', 'missing'].map((name) => `content/sessions/${name}.yaml`);

describe('lastModifiedTimes', () => {
  it('takes the last commit, or the mtime of an uncommitted edit or an untracked file', () => {
    expect(iso(lastModifiedTimes(repo, PATHS))).toEqual({
      'content/sessions/a.yaml': '2021-01-01T00:00:00.000Z',
      'content/sessions/b.yaml': '2021-02-01T00:00:00.000Z',
      'content/sessions/c.yaml': '2021-04-01T00:00:00.000Z',
      'content/sessions/d.yaml': '2022-05-05T10:00:00.000Z',
      'content/sessions/e.yaml': '2023-03-03T03:00:00.000Z',
    });
  });

  it('dates a change merged from a branch at the merge, so SEQUENCE still grows', () => {
    const c = lastModifiedTimes(repo, ['content/sessions/c.yaml']).get('content/sessions/c.yaml');
    expect(c && sessionSequence(c)).toBeGreaterThan(sessionSequence(new Date(MAR)));
  });

  it('reads paths relative to a root below the top of the repository', () => {
    expect(iso(lastModifiedTimes(join(repo, 'content'), ['sessions/b.yaml', 'sessions/d.yaml']))).toEqual({
      'sessions/b.yaml': '2021-02-01T00:00:00.000Z',
      'sessions/d.yaml': '2022-05-05T10:00:00.000Z',
    });
  });

  it('gives the same times in a fresh clone, where every mtime is the checkout time', () => {
    const clone = join(tempDir(), 'clone');
    git(repo, ['clone', '-q', repo, clone]);
    expect(iso(lastModifiedTimes(clone, PATHS.slice(0, 3)))).toEqual({
      'content/sessions/a.yaml': '2021-01-01T00:00:00.000Z',
      'content/sessions/b.yaml': '2021-02-01T00:00:00.000Z',
      'content/sessions/c.yaml': '2021-04-01T00:00:00.000Z',
    });
  });

  it('works in a shallow clone, dating files unchanged since its oldest commit at that commit', () => {
    const clone = join(tempDir(), 'shallow');
    git(repo, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(iso(lastModifiedTimes(clone, PATHS.slice(0, 3)))).toEqual({
      'content/sessions/a.yaml': '2021-04-01T00:00:00.000Z',
      'content/sessions/b.yaml': '2021-04-01T00:00:00.000Z',
      'content/sessions/c.yaml': '2021-04-01T00:00:00.000Z',
    });
  });

  it('falls back to mtimes outside a git repository, without throwing', () => {
    const plain = tempDir();
    write(plain, 'sessions/x.yaml', 'x\n', UNTRACKED);
    expect(iso(lastModifiedTimes(plain, ['sessions/x.yaml', 'sessions/missing.yaml']))).toEqual({
      'sessions/x.yaml': '2023-03-03T03:00:00.000Z',
    });
  });

  it('falls back to mtimes in a repository with no commits yet', () => {
    const empty = tempDir();
    git(empty, ['init', '-q']);
    write(empty, 'x.yaml', 'x\n', UNTRACKED);
    expect(iso(lastModifiedTimes(empty, ['x.yaml']))).toEqual({ 'x.yaml': '2023-03-03T03:00:00.000Z' });
  });
});
