/**
 * `validateContent`: everything `npm run validate` checks, as one call. Reads all of content/
 * (references need the whole picture), then reports the problems, optionally only those in
 * some files or folders.
 */
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { classifyPath } from '../content-model.ts';
import { problem, sortProblems, type Problem } from '../problems.ts';
import { SETTINGS_FILE } from '../settings.ts';
import { ISSUER_KEYS_FILE } from '../../schemas/issuer-keys.ts';
import { SOURCES_FILE } from '../sync/sources.ts';
import { LOCK_FILE } from '../sync/lock.ts';
import { checkAttachments } from './attachments.ts';
import { readContent, type ContentRecord, type EntryKind } from './read-content.ts';
import { checkReferences } from './references.ts';
import { checkAssessmentReferences } from './assessment-references.ts';
import { checkCredentialReferences } from './credential-references.ts';
import { checkParticipantFolders } from './participant-folders.ts';

export type { ContentRecord } from './read-content.ts';

export interface ValidateOptions {
  /** Files or folders (relative to `root`, or absolute): report only problems in them. */
  paths?: readonly string[] | undefined;
  /** false: skip the Markdown/MDX body checks (the build's quick pre-check). Default true. */
  gate?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ValidationResult {
  /** Sorted by file, line and column. */
  problems: Problem[];
  /** Files checked (all files under content/, or those under `paths`). */
  files: number;
  records: ContentRecord[];
}

/** A path given on the command line, as a project-relative path with forward slashes. */
export function toProjectPath(root: string, path: string): string {
  const abs = isAbsolute(path) ? path : resolve(root, path);
  const rel = relative(resolve(root), abs).split(sep).join('/');
  return posix.normalize(rel === '' ? '.' : rel).replace(/\/+$/, '').normalize('NFC');
}

function inside(file: string, scopes: readonly string[]): boolean {
  const f = file.normalize('NFC');
  return scopes.some((s) => s === '.' || f === s || f.startsWith(`${s}/`));
}

/** Files a Markdown body or a YAML value refers to by relative path, e.g. an image ./photo.jpg. */
function mentionedIndex(texts: ReadonlyMap<string, string>): (path: string) => boolean {
  const byDir = new Map<string, string[]>();
  for (const [file, text] of texts) {
    const dir = posix.dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), text]);
  }
  return (path: string) => {
    for (let dir = posix.dirname(path); dir.startsWith('content'); dir = posix.dirname(dir)) {
      const rel = path.slice(dir.length + 1);
      if (byDir.get(dir)?.some((text) => text.includes(rel))) return true;
      if (dir === 'content') break;
    }
    return false;
  };
}

/** Files outside participants' folders that nothing uses: the site ignores them, so a warning says so. */
function strayProblems(entries: ReadonlyMap<string, EntryKind>, referenced: ReadonlySet<string>, texts: ReadonlyMap<string, string>, judged: ReadonlySet<string>): Problem[] {
  const mentioned = mentionedIndex(texts);
  const problems: Problem[] = [];
  // a file listed with the wrong capitals is reported as a missing attachment already
  const listed = new Set([...referenced].map((r) => r.toLowerCase()));
  for (const [path, kind] of entries) {
    if (kind !== 'file' || judged.has(path) || path === SETTINGS_FILE || path === ISSUER_KEYS_FILE || path === SOURCES_FILE || path === LOCK_FILE || classifyPath(path) || listed.has(path.toLowerCase()) || mentioned(path)) continue;
    const message = 'this file is not content: no collection uses files like it here and no entry refers to it, so the site ignores it. Delete it, or move it out of content/';
    problems.push(problem(path, 1, 1, 'stray-file', message, 'warning'));
  }
  return problems;
}

export function validateContent(root: string, options: ValidateOptions = {}): ValidationResult {
  const read = readContent(root, { gate: options.gate, onProgress: options.onProgress });
  const attachments = checkAttachments(root, read.records, read.entries);
  const folders = checkParticipantFolders(root, read.entries, attachments.referenced, options.gate === false ? undefined : read.images);
  let problems: Problem[] = [
    ...read.problems,
    ...checkReferences(read.records),
    ...checkAssessmentReferences(read.records),
    ...checkCredentialReferences(read.records),
    ...attachments.problems,
    ...folders.problems,
    ...strayProblems(read.entries, attachments.referenced, read.texts, folders.judged),
  ];
  let files = read.entries.size;
  if (options.paths && options.paths.length > 0) {
    const scopes = options.paths.map((p) => toProjectPath(root, p));
    problems = problems.filter((p) => inside(p.file, scopes));
    files = [...read.entries.keys()].filter((f) => inside(f, scopes)).length;
  }
  return { problems: sortProblems(problems), files, records: read.records };
}
