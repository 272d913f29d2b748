/**
 * Which files of a source repository are copied into its content folder, and where. Only content
 * files (.yaml, .yml, .md, .mdx) and attachments are copied; repository plumbing (dotfiles and
 * dot-folders such as .github/, README, LICENSE, CONTRIBUTING, CODEOWNERS) is skipped; a symbolic
 * link, a submodule, a file of another kind or a path that would land outside the folder is
 * refused, with a message naming the source and the file.
 *
 * The same rules apply to a repository fetched with git (sync) and to a folder on disk (the
 * portfolio check in a portfolio repository's pull request).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ATTACHMENT_EXTENSIONS } from '../validate/attachments.ts';
import type { SourceFolder } from './sources.ts';

export type TreeEntryKind = 'file' | 'symlink' | 'submodule' | 'other';

export interface TreeEntry {
  /** Path inside the repository, forward slashes, no leading slash. */
  path: string;
  kind: TreeEntryKind;
}

export interface TreeSource {
  /** How messages name the source: `sources[2] (portfolio-maria-lopez)`. */
  label: string;
  entries: readonly TreeEntry[];
  read: (path: string) => Buffer;
}

export interface PlannedCopy {
  /** Path inside the repository. */
  from: string;
  /** Path relative to the project root: content/<folder>/<file>. */
  to: string;
}

export interface CopyPlan {
  copies: PlannedCopy[];
  /** Repository files that are not content and were left out (README, workflows, dotfiles). */
  skipped: string[];
  problems: string[];
}

export const CONTENT_EXTENSIONS = ['yaml', 'yml', 'md', 'mdx'] as const;
export const COPIED_EXTENSIONS: readonly string[] = [...CONTENT_EXTENSIONS, ...ATTACHMENT_EXTENSIONS];

/** Repository plumbing: never content, never copied, never an error. */
const PLUMBING = /^(?:readme|license|licence|copying|contributing|codeowners|security|changelog|notice)(?:\.[a-z]+)?$/i;

export function isPlumbing(path: string): boolean {
  const segments = path.split('/');
  return segments.some((s) => s.startsWith('.')) || PLUMBING.test(segments[segments.length - 1] ?? '');
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The destination of `rel` inside `content/<folder>/`, or undefined when it would land elsewhere. */
export function destinationOf(folder: string, rel: string): string | undefined {
  const base = `content/${folder}`;
  if (rel === '' || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/')) return undefined;
  if (rel.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined;
  const to = posix.normalize(`${base}/${rel}`);
  return to.startsWith(`${base}/`) ? to : undefined;
}

/** Plan the copies of one content folder from one source. */
export function planCopies(source: TreeSource, mount: SourceFolder): CopyPlan {
  const plan: CopyPlan = { copies: [], skipped: [], problems: [] };
  const prefix = mount.path === '' ? '' : `${mount.path}/`;
  const where = mount.path === '' ? 'the repository' : `${mount.path}/ in the repository`;
  // a link or submodule on the way to the folder would lead outside it
  const segments = mount.path === '' ? [] : mount.path.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const step = segments.slice(0, i).join('/');
    const entry = source.entries.find((e) => e.path === step);
    if (entry && entry.kind !== 'file') {
      plan.problems.push(`${source.label}: ${step} is a ${entry.kind === 'symlink' ? 'symbolic link' : entry.kind}, not a folder; ${mount.folder} must come from a real folder. Replace the link with the folder itself`);
      return plan;
    }
    if (entry) {
      plan.problems.push(`${source.label}: ${step} is a file, not a folder; point ${mount.folder} at the folder that holds the content`);
      return plan;
    }
  }
  const inside = source.entries.filter((e) => prefix === '' || e.path.startsWith(prefix));
  if (inside.length === 0) {
    plan.problems.push(
      `${source.label}: there is no folder ${mount.path} in the repository, so content/${mount.folder}/ would be empty. Fix the folder in content/sources.yaml (folders: ${mount.folder}: <folder in the repository>), or add the folder to the repository (with a .gitkeep file while it has no content)`,
    );
    return plan;
  }
  for (const entry of inside) {
    const rel = entry.path.slice(prefix.length);
    const shown = entry.path;
    const to = destinationOf(mount.folder, rel);
    if (to === undefined) {
      plan.problems.push(`${source.label}: ${shown} would be written outside content/${mount.folder}/; a source can only fill its own folder. Rename the file`);
      continue;
    }
    if (isPlumbing(rel)) {
      plan.skipped.push(shown);
      continue;
    }
    if (entry.kind === 'symlink') {
      plan.problems.push(`${source.label}: ${shown} is a symbolic link; links are refused because they can point outside the repository. Replace it with a copy of the file it points to`);
      continue;
    }
    if (entry.kind === 'submodule') {
      plan.problems.push(`${source.label}: ${shown} is a git submodule; content must be files in ${where}. Copy the files in instead`);
      continue;
    }
    if (entry.kind !== 'file') {
      plan.problems.push(`${source.label}: ${shown} is not a regular file; remove it from the repository`);
      continue;
    }
    const ext = extension(rel.slice(rel.lastIndexOf('/') + 1));
    if (!COPIED_EXTENSIONS.includes(ext)) {
      plan.problems.push(
        `${source.label}: ${shown} is ${ext ? `a .${ext} file` : 'a file without an extension'}; a content repository may hold only content (.yaml, .md, .mdx) and attachments (.${ATTACHMENT_EXTENSIONS.join(', .')}). ${
          ['doc', 'docx', 'odt', 'pages', 'rtf'].includes(ext) ? 'Save it as PDF and remove the original' : 'Remove it from the repository, or convert it'
        }`,
      );
      continue;
    }
    plan.copies.push({ from: entry.path, to });
  }
  return plan;
}

/** Entries of a folder on disk, without following links; `.git/` is left out. */
export function directoryTree(dir: string, label: string): TreeSource {
  const entries: TreeEntry[] = [];
  const walk = (rel: string) => {
    for (const item of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${item.name}` : item.name;
      if (path === '.git') continue;
      if (item.isSymbolicLink()) entries.push({ path, kind: 'symlink' });
      else if (item.isDirectory()) walk(path);
      else if (item.isFile()) entries.push({ path, kind: 'file' });
      else entries.push({ path, kind: 'other' });
    }
  };
  walk('');
  return {
    label,
    entries,
    read: (path) => {
      const full = join(dir, path);
      if (!lstatSync(full).isFile()) throw new Error(`${label}: ${path} is not a regular file`);
      return readFileSync(full);
    },
  };
}
