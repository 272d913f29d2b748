/**
 * Credentials of a build: the derived records (the loader applied the audience rule), the issuer,
 * and everything signed with the build's key (credentials, the status list, the DID document,
 * badges). Signing happens here, at render time, once per credential per build; the key never
 * enters the data store or the content cache.
 */
import { getCollection } from 'astro:content';
import QRCode from 'qrcode';
import { bakeCredential, drawBadge } from '../lib/credentials/badge-png.ts';
import {
  ACHIEVEMENT_NAME,
  buildCredential,
  buildStatusListCredential,
  credentialJwtPath,
  credentialPath,
  signCredential,
  type Credential,
  type Issuer,
} from '../lib/credentials/credential.ts';
import { buildDateFromEnv } from '../lib/credentials/derive.ts';
import { didDocument, didDocumentPath, didWeb, publicSite, publicUrl, type DidDocument } from '../lib/credentials/issuer.ts';
import { buildSigningKey, type SigningKey } from '../lib/credentials/keys.ts';
import { linkedInAddToProfileUrl } from '../lib/credentials/linkedin.ts';
import type { CredentialRecord } from '../lib/credentials/record.ts';
import { encodeStatusList, STATUS_LIST_PATH } from '../lib/credentials/status-list.ts';
import { getCriteria } from './assessment.ts';
import { settings } from './build.ts';
import { getSites } from './portfolios.ts';
import { getCohorts } from './program.ts';

export type { CredentialRecord } from '../lib/credentials/record.ts';

export const buildDate = buildDateFromEnv(process.env);
export const site = publicSite(process.env, settings);

let records: Promise<CredentialRecord[]> | undefined;
export function getCredentialRecords(): Promise<CredentialRecord[]> {
  records ??= getCollection('credentials').then((entries) => entries.map((e) => e.data).sort((a, b) => a.certificateId.localeCompare(b.certificateId)));
  return records;
}

let signer: Promise<{ issuer: Issuer; key: SigningKey }> | undefined;
/** The issuer and the build's key (CREDENTIAL_SIGNING_KEY, or a throwaway key marked demo). */
export function getSigner(): Promise<{ issuer: Issuer; key: SigningKey }> {
  signer ??= buildSigningKey(process.env).then((key) => ({
    key,
    issuer: { did: didWeb(site), name: settings.title, site, kid: key.kid, demo: key.demo },
  }));
  return signer;
}

export interface SignedCredential {
  record: CredentialRecord;
  credential: Credential;
  jwt: string;
}

const signed = new Map<string, Promise<SignedCredential>>();
/** The credential of an issued record, signed (undefined for a pending one, or one without a recipient). */
export function getSignedCredential(record: CredentialRecord): Promise<SignedCredential> | undefined {
  if (record.status === 'pending' || !record.recipient) return undefined;
  let promise = signed.get(record.certificateId);
  if (!promise) {
    promise = (async () => {
      const [{ issuer, key }, criteria] = await Promise.all([getSigner(), getCriteria()]);
      const credential = buildCredential(record, issuer, criteria.map((c) => ({ title: c.data.title })));
      return { record, credential, jwt: await signCredential(credential, issuer, key.privateKey) };
    })();
    signed.set(record.certificateId, promise);
  }
  return promise;
}

/** The signed revocation list: every revoked credential of this build's records has its bit set. */
export async function getStatusListJwt(): Promise<string> {
  const [{ issuer, key }, all] = await Promise.all([getSigner(), getCredentialRecords()]);
  const encoded = encodeStatusList(all.filter((r) => r.status === 'revoked').map((r) => r.statusListIndex));
  return signCredential(buildStatusListCredential(encoded, issuer, buildDate), issuer, key.privateKey);
}

export async function getDidDocument(): Promise<DidDocument> {
  const { issuer, key } = await getSigner();
  return didDocument(issuer.did, key);
}

export interface CredentialLinks {
  /** The public verification page. */
  verify: string;
  /** The signed credential (JWT) on the public site. */
  jwt: string;
  didDocument: string;
  statusList: string;
  linkedIn: string;
}

export function credentialLinks(record: CredentialRecord): CredentialLinks {
  const verify = publicUrl(site, credentialPath(record.certificateId));
  return {
    verify,
    jwt: publicUrl(site, credentialJwtPath(record.certificateId)),
    didDocument: publicUrl(site, didDocumentPath(site)),
    statusList: publicUrl(site, STATUS_LIST_PATH),
    linkedIn: linkedInAddToProfileUrl({ name: ACHIEVEMENT_NAME, organizationName: settings.title, issued: record.issued, certUrl: verify, certId: record.certificateId }),
  };
}

/** The badge image without a credential (the achievement's image). */
export async function getBadgeImage(): Promise<Buffer> {
  const { key } = await getSigner();
  return drawBadge({ demo: key.demo });
}

/** The badge with the signed credential baked in, for the coordinator to send. */
export async function getBakedBadge(record: CredentialRecord): Promise<Buffer | undefined> {
  const credential = await getSignedCredential(record);
  if (!credential) return undefined;
  return bakeCredential(await getBadgeImage(), credential.jwt);
}

/** A QR code of an address, as SVG markup generated at build time. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
}

export const STATUS_LABELS: Record<CredentialRecord['status'], string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  pending: 'Not issued yet (decision not released)',
};

export interface RegistryGroup {
  cohort: string;
  cohortTitle: string;
  sites: { site: string; siteName: string; trainers: CredentialRecord[] }[];
}

/**
 * Certified trainers with a valid credential and a public profile, by cohort (newest first) and
 * site. In a cohort build these are the trainers of earlier cohorts who assist that cohort.
 */
export async function getRegistry(): Promise<RegistryGroup[]> {
  const [all, cohorts, sites] = await Promise.all([getCredentialRecords(), getCohorts(), getSites()]);
  const cohortTitles = new Map(cohorts.map((c) => [c.id, c.entry.data.title]));
  const siteNames = new Map(sites.map((s) => [s.id, s.data.name]));
  const groups = new Map<string, Map<string, CredentialRecord[]>>();
  for (const r of all) {
    if (r.status !== 'valid' || !r.holder) continue;
    const bySite = groups.get(r.holder.cohort) ?? new Map<string, CredentialRecord[]>();
    bySite.set(r.holder.site, [...(bySite.get(r.holder.site) ?? []), r]);
    groups.set(r.holder.cohort, bySite);
  }
  return [...groups]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([cohort, bySite]) => ({
      cohort,
      cohortTitle: cohortTitles.get(cohort) ?? cohort,
      sites: [...bySite]
        .map(([site, trainers]) => ({
          site,
          siteName: siteNames.get(site) ?? site,
          trainers: trainers.sort((a, b) => (a.holder?.name ?? '').localeCompare(b.holder?.name ?? '')),
        }))
        .sort((a, b) => a.siteName.localeCompare(b.siteName)),
    }));
}
