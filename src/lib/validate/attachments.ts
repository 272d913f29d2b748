/**
 * Files that content lists next to itself: attachments of portfolio entries, and the audio and
 * handouts of resources. Each must be a real file next to the entry, inside its folder, within its
 * size limit (10 MB; 30 MB for recordings), and its bytes must be what its name says (a renamed
 * .docx is not a PDF; a Git LFS pointer is not the recording). Reads the disk, so it is kept apart
 * from the pure reference checks.
 */
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { join, posix } from 'node:path';
import { problem, type Problem } from '../problems.ts';
import { suggest } from '../schema-problems.ts';
import { attachmentSchema } from '../../schemas/portfolio-entry.ts';
import { MAX_AUDIO_BYTES } from '../../schemas/resource.ts';
import type { PathSegment } from '../source-file.ts';
import type { ContentRecord, EntryKind } from './read-content.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Extensions an attachment may have (the schema's list). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'gif', 'mp3', 'm4a', 'ogg'] as const;

type Detected = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'mp3' | 'ogg' | 'm4a' | 'zip' | 'doc' | 'html';

const DESCRIPTIONS: Record<Detected, string> = {
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  mp3: 'an MP3 recording',
  ogg: 'an Ogg recording',
  m4a: 'an M4A recording',
  zip: 'a Word, PowerPoint or zip file',
  doc: 'an old-style Word or PowerPoint file',
  html: 'a web page',
};

const EXPECTED: Record<string, { kind: Detected; label: string; advice: string }> = {
  pdf: { kind: 'pdf', label: 'a PDF document', advice: 'open it and export or print it again as PDF' },
  png: { kind: 'png', label: 'a PNG image', advice: 'open it in an image editor and export it again as PNG' },
  jpg: { kind: 'jpeg', label: 'a JPEG image', advice: 'open it in an image editor and export it again as JPEG' },
  jpeg: { kind: 'jpeg', label: 'a JPEG image', advice: 'open it in an image editor and export it again as JPEG' },
  gif: { kind: 'gif', label: 'a GIF image', advice: 'open it in an image editor and export it again as GIF' },
  webp: { kind: 'webp', label: 'a WebP image', advice: 'open it in an image editor and export it again as WebP' },
  mp3: { kind: 'mp3', label: 'an MP3 recording', advice: 'export the recording again as MP3' },
  m4a: { kind: 'm4a', label: 'an M4A recording', advice: 'export the recording again as M4A' },
  ogg: { kind: 'ogg', label: 'an Ogg recording', advice: 'export the recording again as Ogg' },
};

const EXTENSION_OF: Partial<Record<Detected, string>> = { pdf: 'pdf', png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', mp3: 'mp3', ogg: 'ogg', m4a: 'm4a' };

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** What the first bytes of a file say it is, by its signature ("magic bytes"). */
export function detectKind(head: Uint8Array): Detected | undefined {
  if (ascii(head, 0, '%PDF-')) return 'pdf';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, 'GIF8')) return 'gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 4, 'ftyp')) return 'm4a';
  if (ascii(head, 0, 'ID3')) return 'mp3';
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe0) === 0xe0) return 'mp3';
  if (ascii(head, 0, 'PK\u0003\u0004')) return 'zip';
  if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => head[i] === b)) return 'doc';
  if (/^\s*<(!doctype|html)/i.test(new TextDecoder('latin1').decode(head))) return 'html';
  return undefined;
}

/** The first bytes of a file (its magic number), without reading the rest. */
export function readHead(path: string, length = 16): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The attachments an entry lists, as written (entries with schema problems included). */
export function attachmentsOf(record: ContentRecord): { index: number; file: string }[] {
  const list = record.data['attachments'];
  if (!Array.isArray(list)) return [];
  const out: { index: number; file: string }[] = [];
  list.forEach((item: unknown, index) => {
    const file = item && typeof item === 'object' ? (item as Record<string, unknown>)['file'] : undefined;
    if (typeof file === 'string') out.push({ index, file });
  });
  return out;
}

interface ListedFile {
  path: PathSegment[];
  field: string;
  file: string;
  maxBytes: number;
}

/** Every file a record lists next to itself, with where it is written and its size limit. */
function listedFiles(record: ContentRecord): ListedFile[] {
  if (record.collection === 'portfolios') {
    return attachmentsOf(record).map(({ index, file }) => ({ path: ['attachments', index, 'file'], field: `attachments[${index}].file`, file, maxBytes: MAX_ATTACHMENT_BYTES }));
  }
  if (record.collection === 'resources') {
    const out: ListedFile[] = [];
    const audio = record.data['audio'];
    const audioFile = audio && typeof audio === 'object' ? (audio as Record<string, unknown>)['file'] : undefined;
    if (typeof audioFile === 'string') out.push({ path: ['audio', 'file'], field: 'audio.file', file: audioFile, maxBytes: MAX_AUDIO_BYTES });
    const file = record.data['file'];
    if (typeof file === 'string') out.push({ path: ['file'], field: 'file', file, maxBytes: MAX_ATTACHMENT_BYTES });
    return out;
  }
  return [];
}

const LFS_POINTER = 'version https://git-lfs';

/** Path of an attachment relative to the project root. */
export function attachmentPath(entryFile: string, file: string): string {
  return posix.normalize(posix.join(posix.dirname(entryFile), file));
}

export interface AttachmentCheck {
  problems: Problem[];
  /** Every file some entry lists as an attachment (paths relative to the root). */
  referenced: Set<string>;
}

/**
 * Check the attachments of every portfolio entry. `entries` is the walk of content/ (which paths
 * exist, and which of them are links): existence is decided from it, so the check is
 * case-exact on every operating system, as it is on the server that builds the site.
 */
export function checkAttachments(root: string, records: readonly ContentRecord[], entries: ReadonlyMap<string, EntryKind>): AttachmentCheck {
  const problems: Problem[] = [];
  const referenced = new Set<string>();
  const fileRule = attachmentSchema.shape.file;
  for (const record of records) {
    const folder = posix.dirname(record.file);
    for (const { path, field, file, maxBytes } of listedFiles(record)) {
      const at = record.locate(path);
      const report = (rule: string, message: string) => problems.push(problem(record.file, at.line, at.column, rule, `${field}: ${message}`));
      const target = attachmentPath(record.file, file);
      // listed, so not a stray file, even when the name is written wrongly
      if (target.startsWith(`${folder}/`)) referenced.add(target);
      // a file name the schema refuses has been reported already (the schema also refuses ../)
      if (record.collection === 'portfolios' && !fileRule.safeParse(file).success) continue;
      if (!/^\.\/[\w./-]+$/.test(file)) continue;
      // kept although the schema's pattern already prevents it: the rule must not depend on a regex
      if (!target.startsWith(`${folder}/`)) {
        report(
          'attachment-path',
          `${file} points outside the participant's folder ${folder}/ (to ${target}); an attachment must be a file in ${folder}/, written like ./lesson-plan.pdf`,
        );
        continue;
      }
      const kind = entries.get(target);
      if (kind === undefined) {
        const siblings = [...entries.keys()]
          .filter((p) => p.startsWith(`${folder}/`) && !/\.(md|mdx|ya?ml)$/i.test(p))
          .map((p) => `./${p.slice(folder.length + 1)}`);
        const close = suggest(file, siblings);
        report(
          'attachment-missing',
          `${file} does not exist: there is no file ${target}. Put the file next to the entry, or correct the name here (names are case-sensitive)${
            close ? `; did you mean ${close}?` : siblings.length ? `. Files in ${folder}/: ${siblings.slice(0, 10).join(', ')}${siblings.length > 10 ? ', …' : ''}` : ''
          }`,
        );
        continue;
      }
      if (kind === 'symlink') {
        report('attachment-kind', `${target} is a symbolic link, not a real file; replace the link with a copy of the file it points to`);
        continue;
      }
      if (kind !== 'file') {
        report('attachment-kind', `${target} is not a regular file; an attachment must be a file such as ./lesson-plan.pdf`);
        continue;
      }
      let size: number;
      let head: Uint8Array;
      try {
        size = lstatSync(join(root, target)).size;
        head = readHead(join(root, target));
      } catch (error) {
        report('attachment-kind', `${target} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
        continue;
      }
      if (new TextDecoder('latin1').decode(head).startsWith(LFS_POINTER.slice(0, 16))) {
        report(
          'lfs-pointer',
          `${target} is a Git LFS pointer, not the file itself: install Git LFS and run git lfs pull (in CI, check out with lfs: true), or keep the file in the program's storage and write its https address instead`,
        );
        continue;
      }
      if (size > maxBytes) {
        report(
          'attachment-size',
          `${target} is ${formatSize(size)}; ${field === 'audio.file' ? 'a recording' : 'an attachment'} may be at most ${formatSize(maxBytes)}. Make it smaller (export a PDF with reduced image quality, resize a photo, or record audio at a lower bit rate), or split it into several files`,
        );
      }
      const ext = (/\.([a-z0-9]+)$/i.exec(target)?.[1] ?? '').toLowerCase();
      const expected = EXPECTED[ext];
      if (!expected) continue;
      if (size === 0) {
        report('attachment-kind', `${target} is empty (0 bytes); add the real file`);
        continue;
      }
      const found = detectKind(head);
      if (found !== expected.kind) {
        const renameTo = found ? EXTENSION_OF[found] : undefined;
        const what = found ? `its contents are ${DESCRIPTIONS[found]}` : 'its contents are not of any kind an attachment may be';
        const fix =
          found === 'zip' || found === 'doc'
            ? `Open it in Word or PowerPoint, save it as PDF, and attach the PDF`
            : renameTo
              ? `Rename it to .${renameTo} (and change the name here), or ${expected.advice}`
              : `${expected.advice[0]?.toUpperCase()}${expected.advice.slice(1)}`;
        report('attachment-kind', `${target} is named .${ext} but is not ${expected.label}: ${what}. ${fix}`);
      }
    }
  }
  return { problems, referenced };
}
