/**
 * Program content for a build: pages, cohorts, modules, sessions and faculty, loaded once and
 * shaped for the pages. The audience rule has already been applied by the loaders.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { FACULTY_ROLES, type FacultyRole } from '../schemas/faculty.ts';
import { endOfDayInZone, sessionInterval } from '../lib/time.ts';

export type ProgramPageEntry = CollectionEntry<'program'>;
export type CohortEntry = CollectionEntry<'cohorts'>;
export type ModuleEntry = CollectionEntry<'modules'>;
export type SessionEntry = CollectionEntry<'sessions'>;
export type FacultyEntry = CollectionEntry<'faculty'>;

/** Is this file part of the fictional demo content? */
export function isDemo(entry: { filePath?: string | undefined }): boolean {
  return (entry.filePath ?? '').startsWith('content/demo/');
}

let programPages: ProgramPageEntry[] | undefined;
export async function getProgramPages(): Promise<ProgramPageEntry[]> {
  programPages ??= (await getCollection('program')).sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
  return programPages;
}

export interface Cohort {
  id: string;
  entry: CohortEntry;
  demo: boolean;
  /** The instant applications close (end of the deadline day in its zone). */
  closes: Date;
}

let cohorts: Cohort[] | undefined;
export async function getCohorts(): Promise<Cohort[]> {
  cohorts ??= (await getCollection('cohorts'))
    .map((entry) => ({ id: entry.id, entry, demo: isDemo(entry), closes: endOfDayInZone(entry.data.applicationDeadline, entry.data.deadlineTimeZone) }))
    .sort((a, b) => Number(a.demo) - Number(b.demo) || b.entry.data.applicationDeadline.localeCompare(a.entry.data.applicationDeadline));
  return cohorts;
}

/** The cycle the public site talks about: the newest real (non-demo) cohort, else the newest demo one. */
export async function getCurrentCohort(): Promise<Cohort | undefined> {
  const all = await getCohorts();
  return all.find((c) => !c.demo) ?? all[0];
}

export interface Session {
  id: string;
  /** Cohort id, from the folder the file is in. */
  cohort: string;
  /** Session id within its cohort (the file name). */
  slug: string;
  entry: SessionEntry;
  demo: boolean;
  /** Start and end instants; undefined while the date is to be announced. */
  interval: { start: Date; end: Date } | undefined;
}

let sessions: Session[] | undefined;
export async function getSessions(): Promise<Session[]> {
  sessions ??= (await getCollection('sessions'))
    .map((entry) => {
      const [cohort = '', slug = ''] = entry.id.split('/');
      return { id: entry.id, cohort, slug, entry, demo: isDemo(entry), interval: sessionInterval(entry.data) };
    })
    .sort((a, b) => {
      if (a.interval && b.interval) return a.interval.start.getTime() - b.interval.start.getTime();
      if (a.interval) return -1;
      if (b.interval) return 1;
      return a.id.localeCompare(b.id);
    });
  return sessions;
}

export async function getSessionsOfCohort(cohort: string): Promise<Session[]> {
  return (await getSessions()).filter((s) => s.cohort === cohort);
}

export interface Module {
  id: string;
  entry: ModuleEntry;
  /** Each cohort's face-to-face workshop for this module. */
  workshops: Session[];
}

let modules: Module[] | undefined;
export async function getModules(): Promise<Module[]> {
  if (!modules) {
    const allSessions = await getSessions();
    modules = (await getCollection('modules'))
      .sort((a, b) => a.data.number - b.data.number)
      .map((entry) => ({
        id: entry.id,
        entry,
        workshops: allSessions.filter((s) => s.entry.data.kind === 'workshop' && s.entry.data.module === entry.id),
      }));
  }
  return modules;
}

export const FACULTY_GROUP_TITLES: Record<FacultyRole, string> = {
  facilitator: 'Facilitators',
  contemplative: 'Contemplative faculty',
  coordinator: 'Project coordinator',
  guest: 'Guest faculty',
};

export interface FacultyGroup {
  role: FacultyRole;
  title: string;
  members: FacultyEntry[];
}

let faculty: FacultyEntry[] | undefined;
export async function getFaculty(): Promise<FacultyEntry[]> {
  faculty ??= (await getCollection('faculty')).sort(
    (a, b) => FACULTY_ROLES.indexOf(a.data.role) - FACULTY_ROLES.indexOf(b.data.role) || a.data.order - b.data.order || a.data.name.localeCompare(b.data.name),
  );
  return faculty;
}

/** The program's faculty by role; the invented demo faculty are not the program's (see getDemoFaculty). */
export async function getFacultyGroups(): Promise<FacultyGroup[]> {
  const all = (await getFaculty()).filter((f) => !isDemo(f));
  return FACULTY_ROLES.map((role) => ({ role, title: FACULTY_GROUP_TITLES[role], members: all.filter((f) => f.data.role === role) })).filter(
    (g) => g.members.length > 0,
  );
}

/** The invented faculty who sign the demo cohort's records (only the faculty build has them). */
export async function getDemoFaculty(): Promise<FacultyEntry[]> {
  return (await getFaculty()).filter((f) => isDemo(f));
}

/** The virtual calls that belong to a module, in date order. */
export async function getCallsOfModule(moduleId: string): Promise<Session[]> {
  return (await getSessions()).filter((s) => s.entry.data.kind === 'call' && s.entry.data.module === moduleId);
}

/** The dated calls of a cohort, in date order. */
export async function getDatedCallsOfCohort(cohort: string): Promise<(Session & { interval: { start: Date; end: Date } })[]> {
  return (await getSessionsOfCohort(cohort)).filter((s): s is Session & { interval: { start: Date; end: Date } } => s.entry.data.kind === 'call' && s.interval !== undefined);
}

/** The sessions a faculty member leads or speaks at. */
export async function getSessionsWithSpeaker(facultyId: string): Promise<Session[]> {
  return (await getSessions()).filter((s) => s.entry.data.speakers.includes(facultyId));
}
