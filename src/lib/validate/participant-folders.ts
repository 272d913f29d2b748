/**
 * A participant's folder holds only their entries and the files those entries use, directly in the
 * folder: anything else is an error, because the build and the bundler would otherwise have a file
 * of the participant's own choosing within reach (`diagram.png.js` next to `![](./diagram.png)`).
 * And every image an entry shows must be a real file of an image kind next to it. Reads the disk
 * (through `participant-files.ts`, the bundler wall's own checks), so it is kept apart from the
 * pure checks.
 */
import { posix } from 'node:path';
import { classifyPath } from '../content-model.ts';
import type { LocalImage } from '../gate/check-body.ts';
import { IMAGE_RULE } from '../gate/module-wall.ts';
import { IMAGE_EXTENSIONS, imageFileName, inParticipantTerritory, inspectParticipantFile, participantFileKind, participantFolderOf } from '../participant-files.ts';
import { problem, type Problem } from '../problems.ts';
import { ATTACHMENT_EXTENSIONS } from './attachments.ts';
import type { EntryKind } from './read-content.ts';

export const FOLDER_RULE = 'portfolio-file';

const OFFICE = ['doc', 'docx', 'odt', 'pages', 'rtf', 'ppt', 'pptx', 'key', 'odp', 'xls', 'xlsx'];

/** Why a file cannot be in a participant's folder and what to do instead, or undefined when it may be there. */
function folderProblem(path: string, kind: EntryKind, used: ReadonlySet<string>): string | undefined {
  const folder = participantFolderOf(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (folder === undefined) {
    return `files in content/portfolios/ go in a participant's folder, content/portfolios/<participant>/; move it there, or delete it`;
  }
  if (kind === 'symlink' || kind === 'other') return undefined; // reported by the walk already
  const inside = path.slice(folder.length);
  if (inside.includes('/')) {
    // an entry in a sub-folder is reported by its file name rule already
    if (classifyPath(path)?.problem) return undefined;
    return `a portfolio folder may not hold sub-folders (${folder}${inside.slice(0, inside.indexOf('/') + 1)}); move the file up into ${folder} and write its name as ./${name}, or delete it`;
  }
  const allowed = participantFileKind(name);
  if (allowed === 'entry') {
    // the build reads entries by their lowercase extension only: entry.MD would be silently left out
    const written = name.slice(name.lastIndexOf('.') + 1);
    return written === written.toLowerCase() ? undefined : `an entry's name must end in lowercase .${written.toLowerCase()}, or the site leaves it out; rename it to ${name.slice(0, name.lastIndexOf('.'))}.${written.toLowerCase()}`;
  }
  const ext = posix.extname(name).slice(1).toLowerCase();
  if (allowed === 'attachment') {
    // listed with other capitals: reported as a missing attachment, with this name suggested
    if (used.has(path.toLowerCase())) return undefined;
    const listIt = `attachments: [{ file: ./${name}, title: ${name.replace(/\.[^.]+$/, '')} }]`;
    const how = (IMAGE_EXTENSIONS as readonly string[]).includes(ext) ? `${listIt}, or show it with ![description](./${name})` : listIt;
    return `no entry lists or shows this file, so it would not be published. Add it to the entry it belongs to (${how}) in this same change, or delete it`;
  }
  const what = name.startsWith('.') || ext === '' ? 'files without an extension' : `.${ext} files`;
  const fix = OFFICE.includes(ext)
    ? 'Save it as PDF, put the PDF next to its entry and list it under attachments:; then delete this file'
    : ext === 'txt'
      ? 'Paste the text into an entry instead, then delete this file'
      : 'Delete it';
  return `${what} cannot be part of a portfolio: a portfolio folder may hold only entries (.md, .mdx) and attachments (.${ATTACHMENT_EXTENSIONS.join(', .')}). ${fix}`;
}

export interface FolderCheck {
  problems: Problem[];
  /** Paths this check judged (so the stray-file warning leaves them alone). */
  judged: Set<string>;
}

/**
 * Check every file in participants' folders, and every local image any content file shows.
 * `attachments` are the files entries list (project-relative paths).
 */
export function checkParticipantFolders(
  root: string,
  entries: ReadonlyMap<string, EntryKind>,
  attachments: ReadonlySet<string>,
  /** The images each file shows; undefined when bodies were not read (the build's quick pre-check), so no image counts as unused. */
  images: ReadonlyMap<string, readonly LocalImage[]> | undefined,
): FolderCheck {
  const problems: Problem[] = [];
  const used = new Set(attachments);
  for (const [file, shown] of images ?? []) {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    for (const image of shown) {
      let name = imageFileName(image.url);
      if (name !== undefined && name.includes('%')) {
        try {
          name = decodeURIComponent(name);
        } catch {
          name = undefined;
        }
      }
      // addresses the gate refused are reported by it; this checks the files the gate let through
      if (name === undefined) continue;
      used.add(`${folder}${name}`);
      const inspected = inspectParticipantFile(root, folder, name, IMAGE_EXTENSIONS);
      if (inspected.problem) {
        problems.push(problem(file, image.line, image.column, IMAGE_RULE, `the image ${JSON.stringify(image.url)} cannot be used: ${inspected.problem}`));
      }
    }
  }
  const judged = new Set<string>();
  const usedLower = new Set([...used].map((p) => p.toLowerCase()));
  for (const [path, kind] of entries) {
    if (!inParticipantTerritory(path)) continue;
    judged.add(path);
    const imageUnknown = images === undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(posix.extname(path).slice(1).toLowerCase());
    const message = folderProblem(path, kind, imageUnknown ? new Set([...usedLower, path.toLowerCase()]) : usedLower);
    if (message) problems.push(problem(path, 1, 1, FOLDER_RULE, message));
  }
  return { problems, judged };
}
