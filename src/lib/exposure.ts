/**
 * What the audience rule is told about each kind of content. Faculty-only collections, the
 * participant-owned ones and the fields that are narrower than their file (a call's meeting link)
 * are all decided here, next to each other.
 */
import { isVisibleTo, participantExposure, type Audience, type Exposure } from './audience.ts';
import type { Visibility } from '../schemas/common.ts';

export interface PolicyParticipant {
  cohort: string;
  publicProfile: boolean;
}

export interface PolicyContext {
  participants: ReadonlyMap<string, PolicyParticipant>;
  /** Changes whenever anything the rule reads changes; mixed into the content cache digests. */
  fingerprint: string;
}

/** Program information: public in every build (fields narrower than their file are redacted below). */
const PUBLIC_COLLECTIONS = new Set(['program', 'cohorts', 'modules', 'sessions', 'faculty', 'sites', 'framework']);

const FACULTY_ONLY = new Set(['attendance', 'assessments', 'decisions', 'approvals', 'recipients']);

/** The participant a piece of participant-owned content belongs to, from its id. */
export function ownerOf(collection: string, id: string): string | undefined {
  if (collection === 'participants') return id;
  if (collection === 'portfolios') return id.split('/')[0];
  return undefined;
}

/**
 * How a stored item is exposed; undefined means "show to nobody but faculty" (unknown owner).
 * `demo`: the file is under content/demo/.
 */
export function exposureOf(collection: string, id: string, data: Record<string, unknown>, policy: PolicyContext, demo = false): Exposure | undefined {
  if (FACULTY_ONLY.has(collection)) return { visibility: 'faculty' };
  // invented assessors exist only to sign the demo cohort's faculty records, which only the faculty site shows
  if (collection === 'faculty' && demo) return { visibility: 'faculty' };
  if (collection === 'participants') {
    return participantExposure({ cohort: String(data['cohort'] ?? ''), publicProfile: data['publicProfile'] === true });
  }
  if (collection === 'portfolios') {
    const owner = policy.participants.get(ownerOf(collection, id) ?? '');
    if (!owner) return { visibility: 'faculty' };
    return { visibility: (data['visibility'] as Visibility | undefined) ?? 'faculty', cohort: owner.cohort, ownerConsents: owner.publicProfile };
  }
  if (collection === 'resources') return { visibility: (data['visibility'] as Visibility | undefined) ?? 'cohort' };
  if (PUBLIC_COLLECTIONS.has(collection)) return { visibility: 'public' };
  // a collection nobody has classified is treated as private until someone does
  return { visibility: 'faculty' };
}

/** Remove fields narrower than their file before it is stored for an audience. */
export function redactFor(collection: string, id: string, data: Record<string, unknown>, audience: Audience): Record<string, unknown> {
  if (collection === 'sessions' && 'meetingUrl' in data) {
    const cohort = id.split('/')[0];
    if (!isVisibleTo(audience, { visibility: 'cohort', cohort })) {
      const { meetingUrl: _hidden, ...rest } = data;
      return rest;
    }
  }
  return data;
}
