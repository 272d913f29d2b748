/**
 * The Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials Data Model 2.0) of one
 * credential record, and the status list credential. Signing is elsewhere: the embedded Data
 * Integrity proof in data-integrity.ts, the JWT form in jwt.ts, both by the signing step only.
 *
 * One achievement, "MIT-JWEL Compassionate Systems Trainer" (the brochure's title); its criteria
 * point at the public page describing the qualification framework (/qualification/). A credential
 * from a demo build says so in its name and description, so a copy can never pass for a real one.
 *
 * Pure: no Astro, no file system, no keys.
 */
import { OB_V3P0_CONTEXT_URL, VC_V2_CONTEXT_URL } from './contexts/index.ts';
import { publicUrl, type PublicSite } from './issuer.ts';
import type { CredentialRecord } from './record.ts';
import { STATUS_LIST_PATH } from './status-list.ts';
import { QUALIFICATION_TITLE } from '../../schemas/framework.ts';

/** The brochure's title for a graduate, written once in the framework schema. */
export const ACHIEVEMENT_NAME = QUALIFICATION_TITLE;
export const ACHIEVEMENT_DESCRIPTION =
  'Certified as a Trainer of Compassionate Systems by the master practitioner certification program of the Compassionate Systems initiative at MIT J-WEL, after a year of workshops, monthly calls, an application project, coaching and a reflective portfolio, assessed jointly by the faculty.';
/** In the name of every credential of a demo build. */
export const DEMO_MARK = 'demo';
export const OB_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Paths below the public site's root. */
export const QUALIFICATION_PATH = 'qualification/';
export const ACHIEVEMENT_IMAGE_PATH = 'credentials/badge.png';
export const credentialPath = (certificateId: string) => `credentials/${certificateId}/`;
export const credentialJwtPath = (certificateId: string) => `credentials/${certificateId}.jwt`;
/** The credential as a JSON-LD document with its embedded proof: what wallets import. */
export const credentialJsonPath = (certificateId: string) => `credentials/${certificateId}.json`;

/** Why a build's credentials are demonstrations; none of these is set in a real build. */
export interface DemoMarks {
  /** Signed with a key made for this build and forgotten after it: nobody can verify it later. */
  throwawayKey: boolean;
  /** A demo site (demo: true in content/settings.yaml): fictional people, not a real certification. */
  demoSite: boolean;
}

export const isDemo = (marks: DemoMarks) => marks.throwawayKey || marks.demoSite;

/** The sentences that say why a demo credential is one. */
export function demoExplanation(marks: DemoMarks): string {
  const parts: string[] = [];
  if (marks.demoSite) parts.push('It was issued by a demonstration site of the program to show how certification works; it is not a real certification.');
  if (marks.throwawayKey) parts.push('It was signed with a throwaway key that existed only while the site was built, so it cannot be verified later.');
  return parts.join(' ');
}

export interface Issuer {
  did: string;
  name: string;
  site: PublicSite;
  demo: DemoMarks;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Credential = { [key: string]: Json };

/** The first instant of a day in UTC, as credentials write dates. */
export const midnight = (date: string) => `${date}T00:00:00Z`;

/** The qualification criteria, named in the achievement's criteria narrative. */
export interface CriterionSummary {
  title: string;
}

export function buildCredential(record: CredentialRecord, issuer: Issuer, criteria: readonly CriterionSummary[]): Credential {
  if (!record.recipient) throw new Error(`${record.certificateId} has no recipient; a credential cannot be issued without one`);
  const url = (path: string) => publicUrl(issuer.site, path);
  const demoNote = isDemo(issuer.demo) ? ` DEMO: ${demoExplanation(issuer.demo)}` : '';
  const identifier: Json[] = [
    { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: record.recipient.identityHash, salt: record.recipient.salt },
  ];
  if (record.holder) identifier.push({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: record.holder.name });
  const criteriaText =
    criteria.length > 0
      ? `Meets every criterion of the qualification framework: ${criteria.map((c) => c.title).join('; ')}. See ${url(QUALIFICATION_PATH)}.`
      : `Meets every criterion of the qualification framework at ${url(QUALIFICATION_PATH)}.`;
  const credential: Credential = {
    '@context': [VC_V2_CONTEXT_URL, OB_V3P0_CONTEXT_URL, { '1EdTechJsonSchemaValidator2019': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#1EdTechJsonSchemaValidator2019' }],
    id: url(credentialPath(record.certificateId)),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: isDemo(issuer.demo) ? `${ACHIEVEMENT_NAME} (${DEMO_MARK})` : ACHIEVEMENT_NAME,
    description: `Certificate ${record.certificateId}. ${ACHIEVEMENT_DESCRIPTION}${demoNote}`,
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name, url: issuer.site.root },
    validFrom: midnight(record.issued),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      achievement: {
        id: url(QUALIFICATION_PATH),
        type: ['Achievement'],
        achievementType: 'Certification',
        name: ACHIEVEMENT_NAME,
        description: ACHIEVEMENT_DESCRIPTION,
        criteria: { id: url(`${QUALIFICATION_PATH}#criteria`), narrative: criteriaText },
        image: { id: url(ACHIEVEMENT_IMAGE_PATH), type: 'Image' },
      },
    },
    credentialSchema: [{ id: OB_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: {
      id: `${url(STATUS_LIST_PATH)}#${record.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(record.statusListIndex),
      statusListCredential: url(STATUS_LIST_PATH),
    },
  };
  if (record.evidence.length > 0) {
    credential['evidence'] = record.evidence.map((e) => ({ id: url(e.path), type: ['Evidence'], name: e.title }));
  }
  return credential;
}

/**
 * The status list credential: the bitstring of revoked indexes, valid from `validFrom` (the build
 * day). It has no end date: a list that expired would make every credential unverifiable the day
 * the site stopped being rebuilt.
 */
export function buildStatusListCredential(encodedList: string, issuer: Issuer, validFrom: string): Credential {
  const id = publicUrl(issuer.site, STATUS_LIST_PATH);
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    name: isDemo(issuer.demo) ? `Revocation list (${DEMO_MARK})` : 'Revocation list',
    issuer: issuer.did,
    validFrom,
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
}
