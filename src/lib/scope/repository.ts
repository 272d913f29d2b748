/**
 * The scope check's and the CODEOWNERS generator's reads: git (with `execFileSync` and an
 * argument array, never a shell) and the people files on disk. Everything else in src/lib/scope/
 * is pure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRawDiff, type Change } from './diff.ts';
import type { SourceText } from './people.ts';
import { MAINTAINERS_FILE, PEOPLE_FOLDERS } from './permissions.ts';

/** A git command failed; `message` is git's own first line. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

const MAX_OUTPUT = 512 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', [...args], {
      cwd,
      input,
      maxBuffer: MAX_OUTPUT,
      stdio: ['pipe', 'pipe', 'pipe'],
      // no pager, no password prompts, no lock files in the repository being read
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (error) {
    const err = error as { stderr?: Buffer | string; code?: string; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed or not on the PATH');
    const stderr = String(err.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new GitError(stderr || err.message.split('\n')[0] || 'git failed');
  }
}

/** The commit a ref names, as a full hash; undefined when there is no such commit. */
export function resolveCommit(cwd: string, ref: string): string | undefined {
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function isGitRepository(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}

/** The best common ancestor of two commits; undefined when they share no history. */
export function mergeBase(cwd: string, a: string, b: string): string | undefined {
  try {
    return git(cwd, ['merge-base', a, b]).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Every best common ancestor of two commits (more than one after criss-cross merges). */
export function mergeBases(cwd: string, a: string, b: string): string[] {
  try {
    return git(cwd, ['merge-base', '--all', a, b]).toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

export interface MergeResult {
  /** The tree the host's merge of head into base would produce (with conflict markers where it cannot). */
  tree: string;
  /** Paths the merge cannot settle by itself. */
  conflicts: string[];
}

/**
 * The tree merging `head` into `base` produces, as the git host's merge does (`git merge-tree
 * --write-tree`, git 2.38 or later: the same merge machinery, with every merge base). Writes only
 * objects to the repository, never its working files or refs. Undefined when this git cannot.
 */
export function mergeTree(cwd: string, base: string, head: string): MergeResult | undefined {
  let out: string;
  try {
    out = execFileSync('git', ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', base, head], {
      cwd,
      maxBuffer: MAX_OUTPUT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' },
    }).toString('utf8');
  } catch (error) {
    // exit status 1 is a merge with conflicts; its output is still the tree and the conflicted paths
    const err = error as { status?: number; stdout?: Buffer };
    if (err.status !== 1 || !err.stdout) return undefined;
    out = err.stdout.toString('utf8');
  }
  const fields = out.split('\0').filter((f) => f !== '');
  const tree = fields[0]?.trim();
  if (!tree || !/^[0-9a-f]{40,64}$/.test(tree)) return undefined;
  return { tree, conflicts: [...new Set(fields.slice(1))] };
}

/** What changed from one commit to another, with renames and file modes. */
export function changesBetween(cwd: string, from: string, to: string): Change[] {
  const out = git(cwd, ['diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=none', from, to, '--']);
  return parseRawDiff(out.toString('utf8'));
}

const PEOPLE_PATHS = [...PEOPLE_FOLDERS.participants, ...PEOPLE_FOLDERS.faculty];

/** The participant files, faculty files and maintainers file as they are in a commit. */
export function peopleSourcesAt(cwd: string, commit: string): SourceText[] {
  const pathspecs = [...PEOPLE_PATHS.map((p) => p.replace(/\/$/, '')), MAINTAINERS_FILE];
  const listing = git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...pathspecs]).toString('utf8');
  const blobs: { path: string; object: string }[] = [];
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, object] = record.slice(0, tab).split(' ');
    // links and submodules give nobody any rights
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !object) continue;
    blobs.push({ path: record.slice(tab + 1), object });
  }
  if (blobs.length === 0) return [];
  const out = git(cwd, ['cat-file', '--batch'], blobs.map((b) => `${b.object}\n`).join(''));
  const sources: SourceText[] = [];
  let at = 0;
  for (const blob of blobs) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isInteger(size)) throw new GitError(`cannot read ${blob.path} from commit ${commit}`);
    sources.push({ path: blob.path, text: out.subarray(eol + 1, eol + 1 + size).toString('utf8') });
    at = eol + 1 + size + 1;
  }
  return sources;
}

/** The participant files, faculty files and maintainers file in the working folder `root`. */
export function peopleSourcesOnDisk(root: string): SourceText[] {
  const sources: SourceText[] = [];
  for (const folder of PEOPLE_PATHS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      if (!item.isFile()) continue; // links give nobody any rights
      sources.push({ path: `${folder}${item.name}`, text: readFileSync(join(dir, item.name), 'utf8') });
    }
  }
  const maintainers = join(root, MAINTAINERS_FILE);
  if (existsSync(maintainers)) sources.push({ path: MAINTAINERS_FILE, text: readFileSync(maintainers, 'utf8') });
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
