/**
 * Reads every file under content/ (including content/demo/) the way the build will: each content
 * file through the per-file safety gate and its collection's schema. Returns one record per
 * content file, for the reference checks, and every problem found on the way.
 *
 * Nothing here throws for a content problem: an unreadable, binary, oversized, misnamed or
 * linked file becomes a problem with a file, a line and a message.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { classifyPath, CONTENT_DIR, type FileKind } from '../content-model.ts';
import { gateFile } from '../gate/node.ts';
import type { LocalImage } from '../gate/check-body.ts';
import { participantFolderOf } from '../participant-files.ts';
import { problem, type Problem } from '../problems.ts';
import { checkSchema } from '../schema-problems.ts';
import { SETTINGS_FILE } from '../settings.ts';
import { ISSUER_KEYS_FILE, issuerKeysSchema } from '../../schemas/issuer-keys.ts';
import { parseSources, rulesFromEnv, SOURCES_FILE } from '../sync/sources.ts';
import { MAX_TEXT_FILE_BYTES, parseSource } from '../source-file.ts';
import { settingsSchema } from '../../schemas/settings.ts';

import { checkCollectionFile, type ContentRecord } from './check-file.ts';

export type { ContentRecord } from './check-file.ts';

/** What the walk found at a path under content/. */
export type EntryKind = 'file' | 'symlink' | 'other';

export interface ReadOptions {
  /** false: parse the frontmatter only and skip the body checks (faster; the build's pre-check). Default true. */
  gate?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ContentRead {
  records: ContentRecord[];
  problems: Problem[];
  /** Every path found under content/ (files, links and others), relative to the root, sorted. */
  entries: Map<string, EntryKind>;
  /** The text of each content file that could be read (to find files a body refers to). */
  texts: Map<string, string>;
  /** The local images each content file shows, as written, with where (to check the files exist). */
  images: Map<string, LocalImage[]>;
}

/** Names operating systems and git leave behind; never content, never worth a warning. */
// README.md files explain a folder to people browsing the repository; they are not content
const IGNORED_NAMES = new Set(['.gitkeep', '.DS_Store', 'Thumbs.db', 'desktop.ini', 'README.md']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function walk(root: string, dir: string, entries: Map<string, EntryKind>, problems: Problem[]): void {
  let items: Dirent[];
  try {
    items = readdirSync(join(root, dir), { withFileTypes: true });
  } catch (error) {
    problems.push(problem(dir, 1, 1, 'file-kind', `this folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`));
    return;
  }
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const path = `${dir}/${item.name}`;
    if (IGNORED_NAMES.has(item.name) && !readByBuild(path)) continue;
    if (item.isSymbolicLink()) entries.set(path, 'symlink');
    else if (item.isDirectory()) walk(root, path, entries, problems);
    else if (item.isFile()) entries.set(path, 'file');
    else entries.set(path, 'other');
  }
}

/**
 * Is this a file the build reads although its name is in IGNORED_NAMES? A README.md in a folder
 * whose collection is Markdown is loaded like any entry, and anything in a participant's folder is
 * the participant's to answer for.
 */
function readByBuild(path: string): boolean {
  if (participantFolderOf(path) !== undefined) return true;
  const where = classifyPath(path);
  return where !== undefined && (where.spec.kinds as readonly FileKind[]).includes(where.kind);
}

/** Walk content/ without following links. */
export function listContent(root: string): { entries: Map<string, EntryKind>; problems: Problem[] } {
  const entries = new Map<string, EntryKind>();
  const problems: Problem[] = [];
  walk(root, CONTENT_DIR, entries, problems);
  return { entries, problems };
}

function symlinkProblem(root: string, path: string): Problem {
  let folder = false;
  try {
    // only to word the message: the link itself is never followed for reading
    folder = statSync(join(root, path)).isDirectory();
  } catch {
    folder = false; // a dangling link
  }
  return problem(
    path,
    1,
    1,
    'file-kind',
    `this is a symbolic link${folder ? ' to a folder' : ''}, not a real ${folder ? 'folder' : 'file'}; links are not allowed under content/ because they can point outside the repository. Replace it with a copy of the ${folder ? 'folder' : 'file'} it points to`,
  );
}

function readText(root: string, file: string): { text?: string; problem?: Problem } {
  let bytes: Buffer;
  try {
    const size = lstatSync(join(root, file)).size;
    if (size > MAX_TEXT_FILE_BYTES) {
      return {
        problem: problem(
          file,
          1,
          1,
          'file-size',
          `the file is ${Math.ceil(size / 1024)} KB; text files may be at most ${MAX_TEXT_FILE_BYTES / 1024} KB. Split it into several entries, or move large material into an attachment`,
        ),
      };
    }
    bytes = readFileSync(join(root, file));
  } catch (error) {
    return { problem: problem(file, 1, 1, 'file-kind', `this file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`) };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return {
      problem: problem(
        file,
        1,
        1,
        'file-kind',
        'the file is not saved as UTF-8 text (it may be a word-processor file or use an old encoding); save it as plain text with the encoding UTF-8',
      ),
    };
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}

/** Check one content file by itself: gate (or frontmatter only) and schema; the settings and sources files by their own rules. */
export function checkContentFile(
  file: string,
  text: string,
  options: { gate?: boolean | undefined } = {},
): { problems: Problem[]; record?: ContentRecord; images?: LocalImage[] | undefined } {
  if (file === SOURCES_FILE) return { problems: parseSources(text, rulesFromEnv(), file).problems };
  if (file === SETTINGS_FILE) {
    const source = parseSource(file, text);
    if (source.data === undefined && source.problems.length > 0) return { problems: source.problems };
    return { problems: [...source.problems, ...checkSchema(settingsSchema, source.data, file, source.locate, 'the settings').problems] };
  }
  if (file === ISSUER_KEYS_FILE) {
    const source = parseSource(file, text);
    if (source.data === undefined && source.problems.length > 0) return { problems: source.problems };
    return { problems: [...source.problems, ...checkSchema(issuerKeysSchema, source.data, file, source.locate, 'the issuer keys').problems] };
  }
  return checkCollectionFile(file, text, options.gate === false ? undefined : gateFile);
}

function describeDifference(a: string, b: string): string {
  const caseDiffers = a.normalize('NFC') !== b.normalize('NFC');
  const formDiffers = a.toLowerCase() !== b.toLowerCase();
  const forms = 'their accented letters are stored differently (as one character, NFC, or as a letter plus a separate accent mark, NFD), which editors and file managers do not show';
  if (formDiffers && caseDiffers) return `the names differ in capital letters, and ${forms}`;
  if (formDiffers) return `the names look the same, but ${forms}`;
  return 'the names differ only in capital letters';
}

/** "(NFD)" after a name whose accents are stored as separate marks, "(NFC)" after its twin. */
function formTag(path: string, others: readonly string[]): string {
  if (!others.some((o) => o.toLowerCase() !== path.toLowerCase())) return '';
  return path === path.normalize('NFC') ? ' (NFC)' : ' (NFD)';
}

/** Paths that differ only by letter case or Unicode normalisation clash on macOS and Windows. */
function collisionProblems(entries: ReadonlyMap<string, EntryKind>, records: readonly ContentRecord[]): Problem[] {
  const problems: Problem[] = [];
  const reportGroup = (files: string[], explain: (file: string, other: string) => string) => {
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      for (const other of others) problems.push(problem(file, 1, 1, 'duplicate-id', explain(file, other)));
    }
  };

  const byPath = new Map<string, string[]>();
  for (const path of entries.keys()) {
    const key = path.normalize('NFC').toLowerCase();
    byPath.set(key, [...(byPath.get(key) ?? []), path]);
  }
  const reported = new Set<string>();
  for (const files of byPath.values()) {
    if (files.length < 2) continue;
    files.forEach((f) => reported.add(f));
    reportGroup(
      files,
      (file, other) =>
        `${file}${formTag(file, [other])} and ${other}${formTag(other, [file])} clash: ${describeDifference(file, other)}. On Mac and Windows computers they are the same file, so one would overwrite the other; keep one of them and delete or rename the other (names use lowercase letters, digits and hyphens only)`,
    );
  }

  const byId = new Map<string, ContentRecord[]>();
  for (const r of records) {
    const key = `${r.collection}\u0000${r.id.normalize('NFC').toLowerCase()}`;
    byId.set(key, [...(byId.get(key) ?? []), r]);
  }
  for (const group of byId.values()) {
    if (group.length < 2 || group.every((r) => reported.has(r.file))) continue;
    const files = group.map((r) => r.file);
    const first = group[0] as ContentRecord;
    reportGroup(
      files,
      (file, other) =>
        `${file} and ${other} have the same id "${first.id}" in ${first.collection}, so the site cannot tell them apart${
          group.some((r) => r.demo) && group.some((r) => !r.demo) ? ' (demo content shares ids with the real content)' : ''
        }; rename or remove one of them`,
    );
  }
  return problems;
}

/** Read and check every file under content/. */
export function readContent(root: string, options: ReadOptions = {}): ContentRead {
  const { entries, problems } = listContent(root);
  const records: ContentRecord[] = [];
  const texts = new Map<string, string>();
  const images = new Map<string, LocalImage[]>();
  const total = entries.size;
  let done = 0;
  for (const [path, kind] of entries) {
    done++;
    if (kind === 'symlink') {
      problems.push(symlinkProblem(root, path));
    } else if (kind === 'other') {
      problems.push(problem(path, 1, 1, 'file-kind', 'this is not a regular file (a device, socket or pipe); remove it'));
    } else if (path === SETTINGS_FILE || path === ISSUER_KEYS_FILE || path === SOURCES_FILE || classifyPath(path)) {
      const read = readText(root, path);
      if (read.problem) {
        const where = classifyPath(path);
        if (where?.problem) problems.push(problem(path, 1, 1, 'file-name', where.problem));
        problems.push(read.problem);
      } else if (read.text !== undefined) {
        texts.set(path, read.text);
        try {
          const checked = checkContentFile(path, read.text, { gate: options.gate });
          problems.push(...checked.problems);
          if (checked.record) records.push(checked.record);
          if (checked.images?.length) images.set(path, checked.images);
        } catch (error) {
          problems.push(
            problem(
              path,
              1,
              1,
              'internal',
              `the validator could not check this file; this is a bug in the validator, not in your file (${firstLine(error)}). Please report it`,
            ),
          );
        }
      }
    }
    options.onProgress?.(done, total);
  }
  problems.push(...collisionProblems(entries, records));
  return { records, problems, entries, texts, images };
}
