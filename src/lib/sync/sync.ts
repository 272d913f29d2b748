/**
 * `npm run sync`: compose content/ from the repositories the sources file lists.
 *
 * All or nothing: every source is fetched and every file checked before anything under content/
 * changes, so one failed clone or one refused file stops the sync with content/ as it was (and the
 * build, which checks the lock, refuses to run). Only then are the listed folders replaced and the
 * lock written, last.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatProblem } from '../problems.ts';
import { planCopies, directoryTree, type PlannedCopy, type TreeSource } from './copy.ts';
import { fetchSource, SyncError } from './git.ts';
import { fingerprint, readLock, removeLock, writeLock, LOCK_FILE, type LockedSource, type SourcesLock } from './lock.ts';
import { readSources, redactUrl, rulesFromEnv, SOURCES_FILE, type Source } from './sources.ts';
import { folderProblem, repositoryWebUrl, type RepositoryRules } from '../../schemas/sources.ts';

export interface SyncOptions {
  rules?: RepositoryRules | undefined;
  env?: Record<string, string | undefined> | undefined;
  /** Replace files in a listed folder even when they did not come from the last sync. */
  force?: boolean | undefined;
  now?: (() => Date) | undefined;
  log?: ((message: string) => void) | undefined;
}

export interface SyncResult {
  status: 0 | 1;
  mode: 'single' | 'split';
  /** Errors (status 1) or the summary (status 0), one per line. */
  lines: string[];
  warnings: string[];
  lock?: SourcesLock;
}

/** Files that may sit in a listed folder without having come from its source. */
const KEEP = new Set(['README.md', '.gitkeep']);

interface Prepared {
  source: Source;
  tree: TreeSource;
  commit: string;
  copies: { folder: string; path: string; items: PlannedCopy[] }[];
}

function listFiles(dir: string, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const path = rel ? `${rel}/${d.name}` : d.name;
    return d.isDirectory() && !d.isSymbolicLink() ? listFiles(dir, path) : [path];
  });
}

/** Problems with the place a folder will be written: links on the way, files that no sync put there. */
function targetProblems(root: string, folder: string, previous: ReadonlySet<string>, force: boolean): string[] {
  const problems: string[] = [];
  const parts = `content/${folder}`.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    try {
      const stat = lstatSync(join(root, rel));
      if (stat.isSymbolicLink()) return [`${rel} is a symbolic link; sync writes only into real folders under content/. Replace the link with an empty folder`];
      if (!stat.isDirectory()) return [`${rel} is a file, but ${SOURCES_FILE} makes it a folder; remove the file`];
    } catch {
      break; // does not exist yet: created by the sync
    }
  }
  if (force) return problems;
  const base = `content/${folder}`;
  const foreign = listFiles(join(root, base))
    .filter((f) => !KEEP.has(f))
    .map((f) => `${base}/${f}`)
    .filter((f) => !previous.has(f));
  if (foreign.length) {
    problems.push(
      `${base}/ holds ${foreign.length} file${foreign.length === 1 ? '' : 's'} that did not come from a sync (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); with split repositories this folder is filled from its repository only. Move ${foreign.length === 1 ? 'it' : 'them'} to that repository, or run npm run sync -- --force to replace ${foreign.length === 1 ? 'it' : 'them'}`,
    );
  }
  return problems;
}

/** Replace `content/<folder>/` with the planned files. */
function writeFolder(root: string, tree: TreeSource, folder: string, items: readonly PlannedCopy[]): void {
  const base = join(root, 'content', folder);
  if (existsSync(base)) {
    for (const name of readdirSync(base)) if (!KEEP.has(name)) rmSync(join(base, name), { recursive: true, force: true });
  }
  mkdirSync(base, { recursive: true });
  for (const item of items) {
    const to = join(root, item.to);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, tree.read(item.from), { mode: 0o644, flag: 'wx' });
  }
}

function participantIds(root: string): string[] {
  const dir = join(root, 'content/participants');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')) : [];
}

export function syncSources(root: string, options: SyncOptions = {}): SyncResult {
  const env = options.env ?? process.env;
  const rules = options.rules ?? rulesFromEnv(env);
  const log = options.log ?? (() => {});
  const read = readSources(root, rules);
  if (!read.present) {
    return {
      status: 0,
      mode: 'single',
      lines: [`There is no ${SOURCES_FILE}: single-repository mode. Everything is read from content/ as it is, so there is nothing to sync.`],
      warnings: [],
    };
  }
  if (read.problems.length) {
    return { status: 1, mode: 'split', lines: [...read.problems.map(formatProblem), `\nNothing was synced: fix ${SOURCES_FILE} and run npm run sync again.`], warnings: [] };
  }

  const work = mkdtempSync(join(tmpdir(), 'cert-sync-'));
  try {
    const prepared: Prepared[] = [];
    const problems: string[] = [];
    for (const source of read.sources) {
      log(`fetching ${source.name} (${redactUrl(source.repository)} at ${source.commit ? `commit ${source.commit.slice(0, 12)}` : `branch ${source.branch}`})`);
      let tree;
      try {
        tree = fetchSource(source, join(work, String(source.index)), env);
      } catch (error) {
        if (error instanceof SyncError) {
          return {
            status: 1,
            mode: 'split',
            lines: [error.message, `\nThe sync stopped and nothing under content/ was changed. The site is never built without one of its sources: fix the source and run npm run sync again.`],
            warnings: [],
          };
        }
        throw error;
      }
      const copies = source.folders.map((f) => {
        const plan = planCopies(tree, f);
        problems.push(...plan.problems);
        return { folder: f.folder, path: f.path, items: plan.copies };
      });
      prepared.push({ source, tree, commit: tree.commit, copies });
    }
    const previous = readLock(root);
    const previousFiles = new Set((previous?.sources ?? []).flatMap((s) => s.folders.flatMap((f) => f.files)));
    for (const p of prepared) for (const c of p.copies) problems.push(...targetProblems(root, c.folder, previousFiles, options.force === true));
    if (problems.length) {
      return {
        status: 1,
        mode: 'split',
        lines: [...problems, `\nThe sync stopped and nothing under content/ was changed: fix the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} above and run npm run sync again.`],
        warnings: [],
      };
    }

    // everything is fetched and checked: now replace the folders, and write the lock last
    removeLock(root);
    const locked: LockedSource[] = [];
    for (const p of prepared) {
      for (const c of p.copies) writeFolder(root, p.tree, c.folder, c.items);
      locked.push({
        name: p.source.name,
        repository: redactUrl(p.source.repository),
        web: repositoryWebUrl(redactUrl(p.source.repository)),
        branch: p.source.branch,
        commit: p.commit,
        pinned: p.source.commit !== undefined,
        folders: p.copies.map((c) => ({ folder: c.folder, path: c.path, files: c.items.map((i) => i.to).sort() })),
      });
    }
    const lock: SourcesLock = { version: 1, sourcesSha256: fingerprint(read.text), syncedAt: (options.now?.() ?? new Date()).toISOString(), sources: locked };
    writeLock(root, lock);

    const warnings: string[] = [];
    const portfolioMounts = new Set(read.sources.flatMap((s) => s.folders.map((f) => f.folder)).filter((f) => f.startsWith('portfolios/')));
    if (portfolioMounts.size > 0) {
      for (const id of participantIds(root)) {
        if (!portfolioMounts.has(`portfolios/${id}`)) {
          warnings.push(`participant ${id} has no portfolio repository in ${SOURCES_FILE} (folders: portfolios/${id}: .); their portfolio is empty in this build`);
        }
      }
    }
    const lines = locked.map(
      (s) => `${s.name}: ${s.commit.slice(0, 12)}${s.pinned ? ' (pinned)' : ` (${s.branch})`} → ${s.folders.map((f) => `content/${f.folder}/ (${f.files.length} file${f.files.length === 1 ? '' : 's'})`).join(', ')}`,
    );
    lines.push(`Synced ${locked.length} source${locked.length === 1 ? '' : 's'}; commits recorded in ${LOCK_FILE}.`);
    return { status: 0, mode: 'split', lines, warnings, lock };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Copy a folder on disk (a checkout of a portfolio repository in its pull-request check) into
 * `content/<folder>/` with the same rules as a sync. Used as data only: nothing in it is run.
 */
export function syncFromDirectory(root: string, dir: string, folder: string): SyncResult {
  const why = folderProblem(folder);
  if (why) return { status: 1, mode: 'split', lines: [`--folder: ${why}`], warnings: [] };
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return { status: 1, mode: 'split', lines: [`--from-dir: ${dir} is not a folder`], warnings: [] };
  const tree = directoryTree(dir, dir);
  const plan = planCopies(tree, { folder, path: '' });
  const problems = [...plan.problems, ...targetProblems(root, folder, new Set(), true)];
  if (problems.length) return { status: 1, mode: 'split', lines: [...problems, `\nNothing was copied: fix the ${problems.length === 1 ? 'problem' : 'problems'} above.`], warnings: [] };
  writeFolder(root, tree, folder, plan.copies);
  return { status: 0, mode: 'split', lines: [`Copied ${plan.copies.length} file${plan.copies.length === 1 ? '' : 's'} from ${dir} into content/${folder}/ (left out: ${plan.skipped.length ? plan.skipped.join(', ') : 'nothing'}).`], warnings: [] };
}
