/**
 * When content files last changed, for calendar SEQUENCE, DTSTAMP and LAST-MODIFIED.
 *
 * A file's time is its last commit's committer time, which every clone agrees on (a checkout
 * resets mtimes, so mtime alone would differ between machines), made later by its mtime when the
 * working tree has an uncommitted edit of it. Untracked files, and every file when git is missing
 * or the root is not in a repository, use the mtime. Paths that are neither committed nor on
 * disk are left out of the result.
 *
 * History is read along first parents, with a merge counted as changing what it changed relative
 * to its first parent, so a branch merged later counts at the merge time: otherwise an older
 * branch commit could hide a newer change and SEQUENCE would not grow. In a shallow clone the
 * oldest fetched commit lists every file, so files not changed since get that commit's time:
 * still increasing, but larger than in a full clone; CI should fetch the full history
 * (actions/checkout `fetch-depth: 0`) so that every build publishes the same numbers.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const RECORD = '\u001e';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
      // read-only: never take the index lock (a build may run beside an editor's git)
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch {
    return undefined;
  }
}

function toGitPath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^\.\//, '');
}

/** Latest committer time per path (relative to root), from one `git log` over all paths. */
function commitTimes(root: string, paths: string[]): Map<string, Date> | undefined {
  const out = git(root, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--no-show-signature',
    '--relative',
    '--name-only',
    '-z',
    `--format=${RECORD}%ct`,
    '--',
    ...paths,
  ]);
  if (out === undefined) return undefined;
  const times = new Map<string, Date>();
  for (const record of out.split(RECORD).slice(1)) {
    // `<RS><committer time>\0\n<name>\0<name>\0…`
    const headEnd = record.indexOf('\0');
    const time = new Date(Number(record.slice(0, headEnd)) * 1000);
    if (headEnd < 0 || Number.isNaN(time.getTime())) continue;
    const names = record.slice(headEnd + 1).replace(/^\n/, '').split('\0');
    for (const name of names) {
      const latest = times.get(name);
      if (name && (!latest || latest < time)) times.set(name, time);
    }
  }
  return times;
}

/** Paths (relative to root) whose index or working tree differs from HEAD. */
function uncommittedPaths(root: string, paths: string[]): Set<string> | undefined {
  const out = git(root, ['diff', 'HEAD', '--no-ext-diff', '--relative', '--name-only', '-z', '--', ...paths]);
  return out === undefined ? undefined : new Set(out.split('\0').filter(Boolean));
}

function mtime(root: string, path: string): Date | undefined {
  try {
    return statSync(join(root, path)).mtime;
  } catch {
    return undefined;
  }
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? b : a;
}

/**
 * For each path relative to `root`, when its content last changed (see the module comment).
 * Never throws for git trouble: without usable git every path falls back to its mtime.
 */
export function lastModifiedTimes(root: string, paths: string[]): Map<string, Date> {
  const result = new Map<string, Date>();
  if (paths.length === 0) return result;
  const gitPaths = paths.map(toGitPath);
  const committed = commitTimes(root, gitPaths);
  const edited = committed ? uncommittedPaths(root, gitPaths) : undefined;
  paths.forEach((path, i) => {
    const gitPath = gitPaths[i] ?? path;
    const commit = committed?.get(gitPath);
    const dirty = !commit || !edited || edited.has(gitPath);
    const time = later(commit, dirty ? mtime(root, path) : undefined);
    if (time) result.set(path, time);
  });
  return result;
}
