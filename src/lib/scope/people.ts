/**
 * Resolving git handles to people: participant files, faculty files and the maintainers list,
 * read as data. Used by the scope check and the CODEOWNERS generator; reading the files (from a
 * commit or from disk) is `repository.ts`'s job.
 */
import { classifyPath } from '../content-model.ts';
import { parseSource } from '../source-file.ts';
import { FACULTY_ROLES, type FacultyRole } from '../../schemas/faculty.ts';
import { gitHandle } from '../../schemas/common.ts';
import { MAINTAINERS_FILE, portfolioFolder, type Role } from './permissions.ts';

export interface ParticipantAccount {
  /** Participant id, from the file name. */
  id: string;
  handle: string;
  /** From content/demo/participants/? Then their folder is under content/demo/portfolios/. */
  demo: boolean;
  /** The participant file, e.g. `content/participants/maria-lopez.yaml`. */
  file: string;
}

export interface FacultyAccount {
  id: string;
  handle: string;
  role: FacultyRole;
  assessor: boolean;
  file: string;
}

export interface People {
  participants: readonly ParticipantAccount[];
  faculty: readonly FacultyAccount[];
  /** Handles from `.github/maintainers.txt`. */
  maintainers: readonly string[];
}

export interface SourceText {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
}

export const NO_PEOPLE: People = { participants: [], faculty: [], maintainers: [] };

export function sameHandle(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Handles from the maintainers file: one per line, `#` comments, an optional leading `@`. */
export function parseMaintainers(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim().replace(/^@/, ''))
    .filter((handle) => handle !== '' && gitHandle.safeParse(handle).success);
}

/**
 * Build the directory from the text of participant files, faculty files and the maintainers file.
 * A file that cannot be read or has no valid `gitHandle` gives nobody any rights (the validator
 * reports its problems); other paths are ignored.
 */
export function peopleFromSources(sources: readonly SourceText[]): People {
  const participants: ParticipantAccount[] = [];
  const faculty: FacultyAccount[] = [];
  const maintainers: string[] = [];
  for (const { path, text } of sources) {
    if (path === MAINTAINERS_FILE) {
      maintainers.push(...parseMaintainers(text));
      continue;
    }
    const where = classifyPath(path);
    if (!where || where.problem) continue;
    if (where.spec.name !== 'participants' && where.spec.name !== 'faculty') continue;
    // demo faculty are invented: no handle in their file may grant anyone a faculty role
    if (where.spec.name === 'faculty' && where.demo) continue;
    const parsed = parseSource(path, text);
    if (parsed.problems.length > 0 || typeof parsed.data !== 'object' || parsed.data === null) continue;
    const data = parsed.data as Record<string, unknown>;
    const handle = gitHandle.safeParse(data['gitHandle']);
    if (!handle.success) continue;
    if (where.spec.name === 'participants') {
      participants.push({ id: where.id, handle: handle.data, demo: where.demo, file: path });
    } else {
      const role = data['role'];
      if (typeof role !== 'string' || !(FACULTY_ROLES as readonly string[]).includes(role)) continue;
      faculty.push({ id: where.id, handle: handle.data, role: role as FacultyRole, assessor: data['assessor'] === true, file: path });
    }
  }
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { participants: participants.sort(byFile), faculty: faculty.sort(byFile), maintainers };
}

/** What one handle may do. */
export interface Grants {
  handle: string;
  /** Is the handle in any participant file, faculty file or the maintainers list? */
  known: boolean;
  roles: ReadonlySet<Exclude<Role, 'owner'>>;
  /** The participant records with this handle (usually one). */
  participants: readonly ParticipantAccount[];
  /** Their own portfolio folders, e.g. `content/portfolios/maria-lopez/`. */
  ownFolders: readonly string[];
  /** The faculty records with this handle. */
  faculty: readonly FacultyAccount[];
}

export function grantsOf(handle: string, people: People): Grants {
  const participants = people.participants.filter((p) => sameHandle(p.handle, handle));
  const faculty = people.faculty.filter((f) => sameHandle(f.handle, handle));
  const maintainer = people.maintainers.some((m) => sameHandle(m, handle));
  const roles = new Set<Exclude<Role, 'owner'>>();
  if (faculty.some((f) => f.role === 'coordinator')) roles.add('coordinator');
  if (faculty.some((f) => f.assessor)) roles.add('assessor');
  if (maintainer) roles.add('maintainer');
  return {
    handle,
    known: participants.length > 0 || faculty.length > 0 || maintainer,
    roles,
    participants,
    ownFolders: participants.map(portfolioFolder),
    faculty,
  };
}

/** The handles holding a role, de-duplicated without regard to case, sorted. */
export function handlesWithRole(role: Exclude<Role, 'owner'>, people: People): string[] {
  const handles =
    role === 'maintainer'
      ? people.maintainers
      : people.faculty.filter((f) => (role === 'coordinator' ? f.role === 'coordinator' : f.assessor)).map((f) => f.handle);
  return uniqueHandles(handles);
}

export function uniqueHandles(handles: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const h of handles) if (!seen.has(h.toLowerCase())) seen.set(h.toLowerCase(), h);
  return [...seen.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}
