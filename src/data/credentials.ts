/**
 * Credentials of a build: the derived records (the loader applied the audience rule), the issuer,
 * and the addresses of everything the signing step writes after the build. Nothing here signs:
 * the Astro build never sees the signing key (see scripts/sign-credentials.ts). Pages only know
 * which kind of key will sign, to say "demo" where the credentials are demonstrations.
 */
import { getCollection } from 'astro:content';
import QRCode from 'qrcode';
import { drawBadge } from '../lib/credentials/badge-png.ts';
import {
  ACHIEVEMENT_NAME,
  credentialJsonPath,
  credentialJwtPath,
  credentialPath,
  isDemo,
  type Issuer,
} from '../lib/credentials/credential.ts';
import { buildDateFromEnv } from '../lib/credentials/derive.ts';
import { didDocumentPath, didWeb, publicSite, publicUrl } from '../lib/credentials/issuer.ts';
import { signingModeFromEnv } from '../lib/credentials/keys.ts';
import { describeKeys, readIssuerKeys, toReissue } from '../lib/credentials/key-registry.ts';
import { linkedInAddToProfileUrl } from '../lib/credentials/linkedin.ts';
import type { CredentialRecord } from '../lib/credentials/record.ts';
import { STATUS_LIST_PATH } from '../lib/credentials/status-list.ts';
import { settings } from './build.ts';
import { getSites } from './portfolios.ts';
import { getCohorts } from './program.ts';

export type { CredentialRecord } from '../lib/credentials/record.ts';

export const buildDate = buildDateFromEnv(process.env);
export const site = publicSite(process.env, settings);

/** The issuer of this build's credentials; `demo` says why they are demonstrations, if they are. */
export const issuer: Issuer = {
  did: didWeb(site),
  name: settings.title,
  site,
  demo: { throwawayKey: signingModeFromEnv(process.env) === 'throwaway', demoSite: settings.demo },
};
export const demoCredentials = isDemo(issuer.demo);

let records: Promise<CredentialRecord[]> | undefined;
export function getCredentialRecords(): Promise<CredentialRecord[]> {
  records ??= getCollection('credentials').then((entries) => entries.map((e) => e.data).sort((a, b) => a.certificateId.localeCompare(b.certificateId)));
  return records;
}

/** Issued: released and with a recipient, so the signing step signs it. */
export const isIssued = (record: CredentialRecord) => record.status !== 'pending' && record.recipient !== undefined;

/** A signing key marked compromised, and the valid credentials whose holders may hold a copy it signed. */
export interface Reissue {
  kid: string;
  compromised: { date: string; reason: string };
  certificates: CredentialRecord[];
}

/**
 * What to re-issue after a key was marked compromised (npm run credential-key -- compromised, or
 * rotate --compromised): verifiers refuse what that key signed, and this build signs every credential
 * again with the current key, so each graduate listed needs their new badge. The same list as
 * `npm run credential-key -- list`, from content/issuer-keys.yaml and the faculty records.
 */
export async function getReissue(): Promise<Reissue[]> {
  const file = readIssuerKeys(process.cwd());
  if (!file) return [];
  const valid = (await getCredentialRecords()).filter((r) => r.status === 'valid' && isIssued(r));
  return toReissue(await describeKeys(file), valid).map((r) => ({ kid: r.key.kid, compromised: r.compromised, certificates: r.credentials }));
}

export interface CredentialLinks {
  /** The public verification page. */
  verify: string;
  /** The credential with its Data Integrity proof (what wallets import), on the public site. */
  json: string;
  /** The credential as a JWT, on the public site. */
  jwt: string;
  didDocument: string;
  statusList: string;
  linkedIn: string;
}

export function credentialLinks(record: CredentialRecord): CredentialLinks {
  const verify = publicUrl(site, credentialPath(record.certificateId));
  return {
    verify,
    json: publicUrl(site, credentialJsonPath(record.certificateId)),
    jwt: publicUrl(site, credentialJwtPath(record.certificateId)),
    didDocument: publicUrl(site, didDocumentPath(site)),
    statusList: publicUrl(site, STATUS_LIST_PATH),
    linkedIn: linkedInAddToProfileUrl({ name: ACHIEVEMENT_NAME, organizationName: settings.title, issued: record.issued, certUrl: verify, certId: record.certificateId }),
  };
}

/** The badge image without a credential (the achievement's image). */
export function getBadgeImage(): Buffer {
  return drawBadge({ demo: demoCredentials });
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
