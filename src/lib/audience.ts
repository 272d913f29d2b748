/**
 * The one inclusion rule. Every piece of content has a visibility (public < cohort < faculty); a
 * build is made for one audience and includes a piece of content if and only if this function
 * says so. It is applied inside the content loaders, so nothing a build may not show ever enters
 * that build's data store.
 */
import type { Visibility } from '../schemas/common.ts';

export type Audience = { kind: 'public' } | { kind: 'cohort'; cohort: string } | { kind: 'faculty' };

/** What the rule needs to know about a piece of content. */
export interface Exposure {
  visibility: Visibility;
  /** The cohort a participant's content belongs to. Unset for program content. */
  cohort?: string | undefined;
  /** For a participant's content: have they agreed to a public profile? */
  ownerConsents?: boolean | undefined;
}

export function isVisibleTo(audience: Audience, item: Exposure): boolean {
  switch (audience.kind) {
    case 'faculty':
      return true;
    case 'cohort':
      return item.visibility !== 'faculty' && (item.cohort === undefined || item.cohort === audience.cohort);
    case 'public':
      return item.visibility === 'public' && item.ownerConsents !== false;
  }
}

/** How a participant's profile itself is exposed: public only with consent, else to their cohort. */
export function participantExposure(p: { cohort: string; publicProfile: boolean }): Exposure {
  return { visibility: p.publicProfile ? 'public' : 'cohort', cohort: p.cohort, ownerConsents: p.publicProfile };
}

export function audienceLabel(audience: Audience): string {
  switch (audience.kind) {
    case 'public':
      return 'public';
    case 'cohort':
      return `cohort ${audience.cohort}`;
    case 'faculty':
      return 'faculty';
  }
}

/** Folder under dist/ for an audience's build. */
export function audienceOutDir(audience: Audience): string {
  return audience.kind === 'cohort' ? `dist/cohort/${audience.cohort}` : `dist/${audience.kind}`;
}

/** Read the audience a build is for from the environment (set by scripts/build.ts). */
export function audienceFromEnv(env: Record<string, string | undefined>): Audience {
  const kind = env['CERT_AUDIENCE'] ?? 'public';
  if (kind === 'faculty') return { kind: 'faculty' };
  if (kind === 'cohort') {
    const cohort = env['CERT_COHORT'];
    if (!cohort) throw new Error('CERT_AUDIENCE=cohort needs CERT_COHORT=<cohort id>');
    return { kind: 'cohort', cohort };
  }
  if (kind !== 'public') throw new Error(`CERT_AUDIENCE must be public, cohort or faculty; got ${kind}`);
  return { kind: 'public' };
}
