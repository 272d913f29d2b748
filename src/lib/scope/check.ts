/**
 * The pull-request scope check: may this author make these changes? Pure: the changes come
 * from `git diff --raw -z -M` (diff.ts), the people from the base branch's participant and
 * faculty files (people.ts), the rules from permissions.ts. Messages are read by participants.
 */
import { SUBMODULE_MODE, SYMLINK_MODE, type Change } from './diff.ts';
import { grantsOf, handlesWithRole, sameHandle, type Grants, type People } from './people.ts';
import { CODE_AREA, foldersFor, matchArea } from './permissions.ts';

export interface ScopeInput {
  /** The git handle of the pull request's author. */
  author: string;
  changes: readonly Change[];
  people: People;
}

export interface Refusal {
  path: string;
  /** What is wrong and what to do instead; printed after the path. */
  reason: string;
}

/** Every change the author may not make, one refusal per path, in the order of `changes`. */
export function checkScope({ author, changes, people }: ScopeInput): Refusal[] {
  const grants = grantsOf(author, people);
  const refusals: Refusal[] = [];
  for (const change of changes) {
    const reason = refusalReason(change, grants);
    if (reason !== undefined) refusals.push({ path: change.path, reason });
  }
  return refusals;
}

/**
 * Who pushed the commits being judged, when it is not the pull request's author: refused unless a
 * maintainer. Otherwise anyone who can push a branch could add to another participant's pull
 * request, and the check, which judges by the author, would let them change that person's folder.
 */
export function checkSender({ author, sender, people }: { author: string; sender: string; people: People }): Refusal | undefined {
  if (sameHandle(author, sender)) return undefined;
  if (handlesWithRole('maintainer', people).some((h) => sameHandle(h, sender))) return undefined;
  return {
    path: '',
    reason:
      `the latest commits of this pull request were pushed by @${sender}, but it was opened by @${author}; only its author (or a maintainer of the site) may add to a pull request. ` +
      `@${author}: if you did not ask for them, remove those commits or close this pull request and start again from your own fork. @${sender}: open a pull request of your own`,
  };
}

/** Why a file of this kind, at this place, may not be added or changed in its area (or undefined when it may). */
function kindReason(path: string): string | undefined {
  const match = matchArea(path);
  const area = match.area;
  if (area.subFolders === false && path.slice(match.folder.length).includes('/')) {
    return `files go directly in ${match.folder}, not in a sub-folder: it holds ${area.holds ?? 'files'}. Move the file up (and write its name as ./${path.slice(path.lastIndexOf('/') + 1)}), or remove it`;
  }
  if (!area.kinds) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (area.kinds.includes(ext)) return undefined;
  return `${ext ? `.${ext} files` : 'files without an extension'} may not be added to ${match.folder}: it holds ${area.holds ?? `.${area.kinds.join(', .')} files`}. Remove this file from your pull request`;
}

/** May these grants add, change or delete this path? */
export function mayChange(path: string, grants: Grants): boolean {
  const match = matchArea(path);
  if (match.participant !== undefined) return grants.ownFolders.includes(match.folder);
  return match.area.editors.some((role) => role !== 'owner' && grants.roles.has(role));
}

function refusalReason(change: Change, grants: Grants): string | undefined {
  if (!grants.known) {
    return (
      `the git account "${grants.handle}" is not the gitHandle of any participant or faculty member, so this check cannot tell which folder is yours. ` +
      `Ask the program coordinator to add "gitHandle: ${grants.handle}" to your participant file (content/participants/<your-id>.yaml; for faculty, your file in content/faculty/); once that is merged, make any small change to your file in this pull request and the check runs again`
    );
  }
  if (change.status === 'T') {
    return `this file changed from ${kindOf(change.oldMode)} to ${kindOf(change.mode)}; a file may not change its type. Undo this change, and add an ordinary file under a new name if you need one`;
  }
  if (change.status !== 'D' && change.mode === SYMLINK_MODE) {
    return 'this is a symbolic link (a file that points at another file); links are not allowed anywhere in the repository, because they can point outside it. Replace it with an ordinary file';
  }
  if (change.status !== 'D' && change.mode === SUBMODULE_MODE) {
    return 'this is a submodule (a link to another repository); submodules are not allowed. Remove it, and add the files themselves instead';
  }

  const allowed = allowedText(grants);
  // a file of the wrong kind is refused wherever it goes, whoever adds it; deleting one is always fine
  if (change.status !== 'D' && mayChange(change.path, grants)) {
    const wrongKind = kindReason(change.path);
    if (wrongKind) return wrongKind;
  }
  if ((change.status === 'R' || change.status === 'C') && change.oldPath !== undefined) {
    const newOk = mayChange(change.path, grants);
    const oldOk = change.status === 'C' || mayChange(change.oldPath, grants);
    if (newOk && oldOk) return undefined;
    if (change.status === 'C') return `${whereText(change.path, grants, false)}; ${allowed}. Remove this file from your pull request`;
    const bad = [...(oldOk ? [] : [whereText(change.oldPath, grants, false)]), ...(newOk ? [] : [whereText(change.path, grants, false)])];
    return `this file was moved here from ${change.oldPath}, but ${bad.join(', and ')}; a file may be moved only within folders you may change. ${capitalise(allowed)}. Move the file back`;
  }
  if (mayChange(change.path, grants)) return undefined;
  const fix = change.status === 'A' ? 'Remove this file from your pull request' : change.status === 'D' ? 'Restore this file' : 'Undo the change to this file';
  if (grants.participants.some((p) => p.file === change.path)) {
    return `your participant file is kept by the program coordinator: ask them to make this change. ${fix}; ${allowed}`;
  }
  return `${whereText(change.path, grants, true)}; ${allowed}. ${fix}`;
}

/** "content/sites/ is kept by the program coordinator", from the author's point of view. */
function whereText(path: string, grants: Grants, inSentence: boolean): string {
  const match = matchArea(path);
  if (match.area === CODE_AREA) return `${inSentence ? 'this file' : path} is part of the site's code and settings, kept by ${CODE_AREA.keptBy}`;
  if (match.participant !== undefined) {
    return grants.participants.length > 0 && grants.faculty.length === 0
      ? `${match.folder} is not your portfolio folder`
      : `${match.folder} is the portfolio folder of participant ${match.participant}, which only they may change`;
  }
  if (grants.participants.some((p) => p.file === path)) return `${path} is your participant file, kept by ${match.area.keptBy}`;
  return `${match.folder} is kept by ${match.area.keptBy}`;
}

/** "you may change only content/portfolios/maria-lopez/", or what the author may not do. */
export function allowedText(grants: Grants): string {
  const folders = [...grants.ownFolders];
  for (const role of ['coordinator', 'assessor'] as const) if (grants.roles.has(role)) folders.push(...foldersFor(role));
  const parts = describeFolders(folders);
  if (grants.roles.has('maintainer')) parts.push('the code and settings (everything outside the content folders kept by participants, the coordinator and assessing faculty)');
  if (parts.length === 0) {
    return grants.faculty.length > 0
      ? 'faculty who are neither the coordinator nor an assessor (assessor: true) may not change files in this repository; ask the program coordinator'
      : 'you may not change files in this repository; ask the program coordinator';
  }
  return `you may change only ${joinList(parts)}`;
}

/** Real folders listed; a demo folder whose real twin is listed too is summed up in one phrase. */
function describeFolders(folders: readonly string[]): string[] {
  const unique = [...new Set(folders)];
  const demo = unique.filter((f) => f.startsWith('content/demo/'));
  const twinned = demo.filter((f) => unique.includes(f.replace('content/demo/', 'content/')));
  const listed = unique.filter((f) => !twinned.includes(f));
  const parts = [...listed];
  if (twinned.length > 0) parts.push('the matching folders under content/demo/');
  return parts;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kindOf(mode: string | undefined): string {
  switch (mode) {
    case SYMLINK_MODE:
      return 'a symbolic link';
    case SUBMODULE_MODE:
      return 'a submodule';
    case '100755':
      return 'an executable file';
    default:
      return 'an ordinary file';
  }
}
