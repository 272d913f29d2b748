/**
 * Who may open which private site, from content: a cohort's site is open to that cohort's
 * participants and to assessing or coordinating faculty; the faculty site to faculty with
 * `assessor: true` or `role: coordinator`. People are named by their git handle (the identity the
 * sign-in proxy gets from the git host, or the user name of the password mode).
 */
import { readContent } from '../validate/read-content.ts';
import { audienceLabel, type Audience } from '../audience.ts';
import { sameHandle } from '../scope/people.ts';
import type { FacultyRole } from '../../schemas/faculty.ts';

export interface Person {
  handle: string;
  kind: 'participant' | 'faculty';
  id: string;
  file: string;
  /** A participant's cohort. */
  cohort?: string | undefined;
  role?: FacultyRole | undefined;
  assessor?: boolean | undefined;
}

export interface SiteAccess {
  /** `public`, `cohort-<id>` or `faculty`: names files and nginx variables. */
  key: string;
  audience: Audience;
  /** Git handles allowed in, sorted, as written in content. Empty for the public site. */
  handles: string[];
}

export function siteKey(audience: Audience): string {
  return audience.kind === 'cohort' ? `cohort-${audience.cohort}` : audience.kind;
}

/** Participants (real, plus demo when the settings turn the demo on) and faculty, from content/. */
export function readPeople(root: string, demo: boolean): { people: Person[]; problems: string[] } {
  const read = readContent(root, { gate: false });
  const people: Person[] = [];
  const problems: string[] = [];
  for (const record of read.records) {
    if (record.collection !== 'participants' && record.collection !== 'faculty') continue;
    if (record.demo && !demo) continue;
    // demo faculty are invented people: nobody signs in as one
    if (record.demo && record.collection === 'faculty') continue;
    if (!record.valid) {
      problems.push(`${record.file} has problems, so who may sign in cannot be worked out; run npm run validate and fix them first`);
      continue;
    }
    const handle = record.data['gitHandle'];
    if (typeof handle !== 'string') continue;
    if (record.collection === 'participants') {
      people.push({ handle, kind: 'participant', id: record.id, file: record.file, cohort: String(record.data['cohort']) });
    } else {
      people.push({ handle, kind: 'faculty', id: record.id, file: record.file, role: record.data['role'] as FacultyRole, assessor: record.data['assessor'] === true });
    }
  }
  return { people: people.sort((a, b) => a.file.localeCompare(b.file)), problems };
}

/** Faculty who may open private sites: assessors and coordinators. Guest faculty may not. */
export function isPrivateFaculty(p: Person): boolean {
  return p.kind === 'faculty' && (p.assessor === true || p.role === 'coordinator');
}

export function mayOpen(person: Person, audience: Audience): boolean {
  switch (audience.kind) {
    case 'public':
      return true;
    case 'faculty':
      return isPrivateFaculty(person);
    case 'cohort':
      return isPrivateFaculty(person) || (person.kind === 'participant' && person.cohort === audience.cohort);
  }
}

function unique(handles: string[]): string[] {
  const out: string[] = [];
  for (const h of handles) if (!out.some((o) => sameHandle(o, h))) out.push(h);
  return out.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

export function accessLists(plan: readonly Audience[], people: readonly Person[]): SiteAccess[] {
  return plan.map((audience) => ({
    key: siteKey(audience),
    audience,
    handles: audience.kind === 'public' ? [] : unique(people.filter((p) => mayOpen(p, audience)).map((p) => p.handle)),
  }));
}

/** One line per site for the operator: who is in. */
export function describeAccess(lists: readonly SiteAccess[]): string[] {
  return lists.map((l) => (l.audience.kind === 'public' ? `${audienceLabel(l.audience)}: anyone` : `${audienceLabel(l.audience)}: ${l.handles.length ? l.handles.join(', ') : 'nobody (no handles in content)'}`));
}
