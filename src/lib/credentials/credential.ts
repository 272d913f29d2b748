/**
 * The Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials Data Model 2.0) of one
 * credential record, and its signature as a JWT in the VC-JOSE-COSE way: the JWT's payload is the
 * credential itself, protected header { alg: EdDSA, kid: <did>#<thumbprint>, typ: vc+jwt, cty: vc }.
 *
 * One achievement, "Compassionate Systems Trainer"; its criteria point at the public page
 * describing the qualification framework (/qualification/). A credential signed with a throwaway
 * key says "demo, not verifiable" in its name and description.
 *
 * Pure apart from the signature: no Astro, no file system.
 */
import { CompactSign, compactVerify, type JWK, importJWK } from 'jose';
import type { KeyObject } from 'node:crypto';
import { OB_V3P0_CONTEXT_URL, VC_V2_CONTEXT_URL } from './contexts/index.ts';
import { publicUrl, type PublicSite } from './issuer.ts';
import type { CredentialRecord } from './record.ts';
import { STATUS_LIST_PATH } from './status-list.ts';

export const ACHIEVEMENT_NAME = 'Compassionate Systems Trainer';
export const ACHIEVEMENT_DESCRIPTION =
  'Certified as a Trainer of Compassionate Systems by the master practitioner certification program of the Compassionate Systems initiative at MIT J-WEL, after a year of workshops, monthly calls, an application project, coaching and a reflective portfolio, assessed jointly by the faculty.';
export const DEMO_MARK = 'demo, not verifiable';
export const OB_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Paths below the public site's root. */
export const QUALIFICATION_PATH = 'qualification/';
export const ACHIEVEMENT_IMAGE_PATH = 'credentials/badge.png';
export const credentialPath = (certificateId: string) => `credentials/${certificateId}/`;
export const credentialJwtPath = (certificateId: string) => `credentials/${certificateId}.jwt`;

export interface Issuer {
  did: string;
  name: string;
  site: PublicSite;
  /** The key's id, the fragment of the verification method. */
  kid: string;
  /** Signed with a throwaway key. */
  demo: boolean;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Credential = { [key: string]: Json };

const midnight = (date: string) => `${date}T00:00:00Z`;

/** The qualification criteria, named in the achievement's criteria narrative. */
export interface CriterionSummary {
  title: string;
}

export function buildCredential(record: CredentialRecord, issuer: Issuer, criteria: readonly CriterionSummary[]): Credential {
  if (!record.recipient) throw new Error(`${record.certificateId} has no recipient; a credential cannot be issued without one`);
  const url = (path: string) => publicUrl(issuer.site, path);
  const demoNote = issuer.demo ? ` This is a demonstration credential (${DEMO_MARK}): it was signed with a throwaway key, so no one can verify it.` : '';
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
    name: issuer.demo ? `${ACHIEVEMENT_NAME} (${DEMO_MARK})` : ACHIEVEMENT_NAME,
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

/** The status list credential: the bitstring of revoked indexes, valid from the build date. */
export function buildStatusListCredential(encodedList: string, issuer: Issuer, buildDate: string): Credential {
  const id = publicUrl(issuer.site, STATUS_LIST_PATH);
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    name: issuer.demo ? `Revocation list (${DEMO_MARK})` : 'Revocation list',
    issuer: issuer.did,
    validFrom: midnight(buildDate),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
}

export const JWT_TYPE = 'vc+jwt';

/** Sign a credential: a compact JWS whose payload is the credential's JSON. */
export async function signCredential(credential: Credential, issuer: Issuer, privateKey: KeyObject | CryptoKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', kid: `${issuer.did}#${issuer.kid}`, typ: JWT_TYPE, cty: 'vc' })
    .sign(privateKey);
}

/** Check a JWT against a public key (as a DID document gives it); returns the credential, or throws. */
export async function verifyCredentialJwt(jwt: string, publicJwk: JWK): Promise<{ credential: Credential; kid: string | undefined }> {
  const key = await importJWK(publicJwk, 'EdDSA');
  const { payload, protectedHeader } = await compactVerify(jwt, key, { algorithms: ['EdDSA'] });
  if (protectedHeader.typ !== JWT_TYPE) throw new Error(`typ must be ${JWT_TYPE}; got ${String(protectedHeader.typ)}`);
  return { credential: JSON.parse(new TextDecoder().decode(payload)) as Credential, kid: protectedHeader.kid };
}
