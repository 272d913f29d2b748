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
import { ATTACHMENT_EXTENSIONS, checkAttachments } from './attachments.ts';
import { readContent, type ContentRecord, type EntryKind } from './read-content.ts';
import { checkReferences } from './references.ts';
import { checkAssessmentReferences } from './assessment-references.ts';
import { checkCredentialReferences } from './credential-references.ts';

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

function strayProblems(entries: ReadonlyMap<string, EntryKind>, referenced: ReadonlySet<string>, texts: ReadonlyMap<string, string>): Problem[] {
  const mentioned = mentionedIndex(texts);
  const problems: Problem[] = [];
  const allowed = ATTACHMENT_EXTENSIONS as readonly string[];
  // a file listed with the wrong capitals is reported as a missing attachment already
  const listed = new Set([...referenced].map((r) => r.toLowerCase()));
  for (const [path, kind] of entries) {
    if (kind !== 'file' || path === SETTINGS_FILE || path === ISSUER_KEYS_FILE || path === SOURCES_FILE || path === LOCK_FILE || classifyPath(path) || listed.has(path.toLowerCase()) || mentioned(path)) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const ext = (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();
    const inPortfolio = /^content\/(demo\/)?portfolios\/[^/]+\//.test(path);
    let message: string;
    if (inPortfolio && allowed.includes(ext)) {
      message = `no entry lists this file as an attachment, so it will not be published. Add it to the entry it belongs to, for example attachments: [{ file: ./${name}, title: ${name.replace(/\.[^.]+$/, '')} }], or delete it`;
    } else if (inPortfolio) {
      message = `${ext ? `.${ext} files` : 'files without an extension'} cannot be part of a portfolio: an attachment must be .${allowed.join(', .')}. ${
        ['doc', 'docx', 'odt', 'pages', 'rtf', 'ppt', 'pptx', 'key', 'odp', 'xls', 'xlsx'].includes(ext)
          ? 'Save it as PDF, put the PDF next to its entry and list it under attachments:; then delete this file'
          : ext === 'txt'
            ? 'Paste the text into an entry instead, then delete this file'
            : 'Convert it, or delete it'
      }`;
    } else {
      message = 'this file is not content: no collection uses files like it here and no entry refers to it, so the site ignores it. Delete it, or move it out of content/';
    }
    problems.push(problem(path, 1, 1, 'stray-file', message, 'warning'));
  }
  return problems;
}

export function validateContent(root: string, options: ValidateOptions = {}): ValidationResult {
  const read = readContent(root, { gate: options.gate, onProgress: options.onProgress });
  const attachments = checkAttachments(root, read.records, read.entries);
  let problems: Problem[] = [...read.problems, ...checkReferences(read.records), ...checkAssessmentReferences(read.records), ...checkCredentialReferences(read.records), ...attachments.problems, ...strayProblems(read.entries, attachments.referenced, read.texts)];
  let files = read.entries.size;
  if (options.paths && options.paths.length > 0) {
    const scopes = options.paths.map((p) => toProjectPath(root, p));
    problems = problems.filter((p) => inside(p.file, scopes));
    files = [...read.entries.keys()].filter((f) => inside(f, scopes)).length;
  }
  return { problems: sortProblems(problems), files, records: read.records };
}
