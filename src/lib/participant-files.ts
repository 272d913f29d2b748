/**
 * What a participant's portfolio folder may hold, and how one of its files is proven to be what
 * its name says. Participants' folders are the one place untrusted files arrive by pull request, so
 * the validator, the scope check, the bundler wall and the attachment route all ask these
 * questions, and must get the same answers.
 *
 * A folder holds entries (`.md`, `.mdx`) and attachments (documents, images, recordings) directly
 * in it: no sub-folders, no links, no other kinds of file. A file is what its name says only when
 * it is a regular file (not a link, not under a linked folder), named exactly as written, within
 * its size limit, and its first bytes are the signature of its kind.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ATTACHMENT_EXTENSIONS, detectKind, MAX_ATTACHMENT_BYTES, readHead } from './validate/attachments.ts';

/** `content/portfolios/<id>/` and its demo twin: everything below is participants' territory. */
const TERRITORY = /^content\/(?:demo\/)?portfolios(?:\/|$)/i;
const FOLDER = /^(content\/(?:demo\/)?portfolios\/[^/]+\/)/i;

/** Images an entry may show (the gate's list; never SVG, which is code). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif'] as const;
/** Entries: the only text files in a portfolio folder. */
export const ENTRY_EXTENSIONS = ['md', 'mdx'] as const;

/** Is this project-relative path (forward slashes) inside the portfolios folders at all? */
export function inParticipantTerritory(path: string): boolean {
  return TERRITORY.test(path);
}

/** `content/portfolios/maria-lopez/` for any path below that folder; undefined elsewhere (and for files directly in portfolios/). */
export function participantFolderOf(path: string): string | undefined {
  return FOLDER.exec(path)?.[1];
}

/** The extension of a file name, lowercase, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** What a portfolio folder may hold: an entry, an attachment, or neither. */
export function participantFileKind(name: string): 'entry' | 'attachment' | undefined {
  const ext = extensionOf(name);
  if ((ENTRY_EXTENSIONS as readonly string[]).includes(ext)) return 'entry';
  if ((ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return 'attachment';
  return undefined;
}

/** Names a participant's file may have: letters, digits, spaces, `-`, `_`, `.`, `(` and `)`, starting with a letter or digit. */
const FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.()-]*$/u;

export interface FileInspection {
  /** Absolute path of the file, when it is what its name says. */
  path?: string;
  /** Why it cannot be used, in words for the participant (completes "the file … cannot be used: "). */
  problem?: string;
}

const KIND_OF_EXTENSION: Record<string, string> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', pdf: 'pdf', mp3: 'mp3', m4a: 'm4a', ogg: 'ogg' };

/**
 * Is `name`, in the project-relative `folder` (ending in `/`), a real file of one of the `allowed`
 * extensions? Checks the name as written (one path segment, no `..`, no query), that a file of
 * exactly that name exists (no extension added, no folder index, no other letter case or Unicode
 * form), that neither it nor its folder is a link, its size, and its first bytes.
 */
export function inspectParticipantFile(
  root: string,
  folder: string,
  name: string,
  allowed: readonly string[],
  { maxBytes = MAX_ATTACHMENT_BYTES, signature = true }: { maxBytes?: number; signature?: boolean } = {},
): FileInspection {
  const where = `${folder}${name}`;
  if (name.includes('/') || name.includes('\\')) return { problem: `it must be a file directly in ${folder}, not in a sub-folder or elsewhere; write ./photo.jpg` };
  if (name === '' || name === '.' || name === '..') return { problem: 'it names a folder, not a file; write the file name, such as ./photo.jpg' };
  if (/[?#%:]/.test(name) || !FILE_NAME.test(name)) {
    return { problem: 'file names may contain letters, digits, spaces, -, _ and . only (no ?, #, % or :); rename the file and write its name here' };
  }
  const ext = extensionOf(name);
  if (!allowed.includes(ext)) return { problem: `it must be a file ending in .${allowed.join(', .')}` };
  const abs = join(root, folder, name);
  let folderReal: string;
  try {
    const folderStat = lstatSync(join(root, folder));
    if (!folderStat.isDirectory()) return { problem: `${folder} is a link or a file, not a folder` };
    folderReal = realpathSync(join(root, folder));
  } catch {
    return { problem: `there is no folder ${folder}` };
  }
  let siblings: string[];
  try {
    siblings = readdirSync(join(root, folder));
  } catch {
    return { problem: `the folder ${folder} cannot be read` };
  }
  if (!siblings.includes(name)) {
    const lookalike = siblings.find((s) => s.normalize('NFC').toLowerCase() === name.normalize('NFC').toLowerCase());
    // what a bundler would have loaded instead: diagram.png.js by extension, or diagram.png/index.js
    const longer = siblings.filter((s) => s.startsWith(`${name}.`));
    if (lookalike) return { problem: `there is no file ${where}, only ${folder}${lookalike}, whose name differs in capital letters or in how its accents are stored; write the name exactly as the file is named` };
    if (longer.length) return { problem: `there is no file ${where} (there is ${longer.map((s) => `${folder}${s}`).join(', ')}, which is not an image or attachment and may not be in a portfolio folder; delete it and add the real ${ext} file)` };
    return { problem: `there is no file ${where}; put the file next to the entry, or correct the name here (names are case-sensitive)` };
  }
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return { problem: `${where} cannot be read` };
  }
  if (stat.isSymbolicLink()) return { problem: `${where} is a symbolic link, not a real file; replace the link with a copy of the file` };
  if (stat.isDirectory()) return { problem: `${where} is a folder, not a file; a portfolio folder may not hold sub-folders` };
  if (!stat.isFile()) return { problem: `${where} is not a regular file` };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return { problem: `${where} cannot be read` };
  }
  if (real !== join(folderReal, name)) return { problem: `${where} is reached through a link; replace the link with a copy of the file` };
  if (!signature) return { path: real };
  if (stat.size === 0) return { problem: `${where} is empty (0 bytes); add the real file` };
  if (stat.size > maxBytes) return { problem: `${where} is ${(stat.size / (1024 * 1024)).toFixed(1)} MB; it may be at most ${(maxBytes / (1024 * 1024)).toFixed(1)} MB` };
  let found: string | undefined;
  try {
    found = detectKind(readHead(abs));
  } catch {
    return { problem: `${where} cannot be read` };
  }
  if (found !== KIND_OF_EXTENSION[ext]) {
    return { problem: `${where} is named .${ext} but its contents are ${found ? `of another kind (${found})` : 'not of any kind a portfolio may hold'}; export the file again as ${ext.toUpperCase()}` };
  }
  return { path: real };
}

/**
 * A local image address as written in an entry (`./photo.png`, `photo.png`), reduced to the file
 * name it names; undefined when it is not one plain name in the entry's own folder.
 */
export function imageFileName(url: string): string | undefined {
  const path = url.startsWith('./') ? url.slice(2) : url;
  if (path === '' || path.includes('/') || path.includes('\\')) return undefined;
  return posix.basename(path) === path ? path : undefined;
}

/**
 * Read a file of a participant's folder for publishing (an attachment), only when it is what its
 * name says: never through a link, never a file elsewhere. Throws with the reason otherwise.
 */
export function readParticipantFile(root: string, path: string, allowed: readonly string[] = ATTACHMENT_EXTENSIONS): Uint8Array<ArrayBuffer> {
  const folder = participantFolderOf(path) ?? path.slice(0, path.lastIndexOf('/') + 1);
  const inspected = inspectParticipantFile(root, folder, path.slice(folder.length), allowed);
  if (!inspected.path) throw new Error(`${path} cannot be published: ${inspected.problem} (npm run validate reports it too)`);
  return new Uint8Array(readFileSync(inspected.path));
}
