/**
 * The signing step: after Astro has built a site, and in a process of its own, sign what the
 * program issues and write it into the built site. It is the only code that ever holds the private
 * key; the Astro build that ran participant content never had it.
 *
 * What it signs comes from trusted inputs only: the faculty records (decisions, recipients), the
 * coordinator's participant and cohort files, the framework, and, as data, the frontmatter of
 * entries a graduate made public. The built site is where it writes; nothing it signs is read from
 * there, so code that ran during the build cannot get anything signed.
 *
 * Public site: `credentials/<id>.json` (Data Integrity proof, eddsa-rdfc-2022), `credentials/<id>.jwt`
 * (VC-JWT), `credentials/status/1.json` (the signed revocation list), the DID document.
 * Faculty site: `certificates/<id>/badge.png`, the badge with the signed JSON credential baked in.
 *
 * Before it returns, every credential it wrote is verified in both forms against the DID document
 * and status list it wrote (verify.ts); a credential that does not verify, or whose revocation
 * does not read back as the faculty records say, stops the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Audience } from '../audience.ts';
import { buildClock, endOfProgramDay } from '../build-date.ts';
import { ContentError } from '../problems.ts';
import { readSettings } from '../settings.ts';
import { bakeCredential, drawBadge } from './badge-png.ts';
import { buildCredential, buildStatusListCredential, credentialJsonPath, credentialJwtPath, isDemo, midnight, type Credential, type Issuer } from './credential.ts';
import { addDataIntegrityProof } from './data-integrity.ts';
import { buildDateFromEnv, deriveCredentials } from './derive.ts';
import { didDocument, didDocumentPath, didWeb, publicSite, publicUrl } from './issuer.ts';
import { signCredentialJwt } from './jwt.ts';
import { programKeys, throwawayKeys, type IssuerKey } from './key-registry.ts';
import { newSigningKey, SIGNING_KEY_VARIABLE, signingKeyFromJwk, SigningKeyError, signingModeFromEnv, type SigningKey } from './keys.ts';
import { readCredentialSources } from './read-sources.ts';
import type { CredentialRecord } from './record.ts';
import { encodeStatusList, STATUS_LIST_PATH } from './status-list.ts';
import { verifyDataIntegrity, verifyJwt, type VerificationReport } from './verify.ts';

export interface SignSiteOptions {
  /** The project root (content/ is read from it). */
  root: string;
  audience: Audience;
  /** The built site to write into. */
  outDir: string;
  env: Record<string, string | undefined>;
  now?: Date;
}

export interface SignSummary {
  credentials: number;
  revoked: number;
  /** The key that signed (its JWK thumbprint). */
  kid: string;
  throwaway: boolean;
  files: string[];
}

/** The key that signs and every key the DID document lists, from the environment and content/issuer-keys.yaml. */
export async function signingKeys(root: string, env: Record<string, string | undefined>, buildDate: string): Promise<{ key: SigningKey; keys: IssuerKey[]; throwaway: boolean }> {
  const text = env[SIGNING_KEY_VARIABLE]?.trim();
  if (signingModeFromEnv(env) === 'throwaway') {
    const key = text ? await signingKeyFromJwk(text) : (await newSigningKey()).key;
    return { key, keys: throwawayKeys(key, buildDate), throwaway: true };
  }
  if (!text) throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} is empty, but this build was to be signed with the program's key`);
  const key = await signingKeyFromJwk(text);
  return { key, keys: await programKeys(root, key), throwaway: false };
}

/** A proof's creation time: the later of the credential's start and the signing key's first day, never after now. */
export function proofCreated(issued: string, keyFrom: string, now: Date): string {
  const created = midnight(issued > keyFrom ? issued : keyFrom);
  return Date.parse(created) > now.getTime() ? `${now.toISOString().slice(0, 19)}Z` : created;
}

const issuable = (r: CredentialRecord) => r.status !== 'pending' && r.recipient !== undefined;

export async function signSite(options: SignSiteOptions): Promise<SignSummary> {
  const { root, audience, outDir, env } = options;
  // the build's clock: SOURCE_DATE_EPOCH when set, so two builds of the same sources sign the same bytes
  const now = options.now ?? buildClock(env);
  const summary: SignSummary = { credentials: 0, revoked: 0, kid: '', throwaway: false, files: [] };
  if (audience.kind === 'cohort') return summary;

  const settings = readSettings(root);
  const site = publicSite(env, settings);
  const did = didWeb(site);
  const buildDate = buildDateFromEnv(env);
  const { key, keys, throwaway } = await signingKeys(root, env, buildDate);
  Object.assign(summary, { kid: key.kid, throwaway });
  const current = keys[0];
  if (!current) throw new SigningKeyError('no signing key');

  const sources = readCredentialSources(root, { demo: settings.demo });
  const derived = deriveCredentials(sources.records, { audience, buildDate });
  const problems = [...sources.problems.filter((p) => p.severity === 'error'), ...derived.problems];
  if (problems.length) throw new ContentError(problems, 'Credentials cannot be issued');
  const criteria = sources.records
    .filter((r) => r.collection === 'framework' && r.valid)
    .sort((a, b) => Number(a.data['order'] ?? 0) - Number(b.data['order'] ?? 0) || a.id.localeCompare(b.id))
    .map((r) => ({ title: String(r.data['title'] ?? r.id) }));

  const issuer: Issuer = { did, name: settings.title, site, demo: { throwawayKey: throwaway, demoSite: settings.demo } };
  const write = (path: string, data: string | Buffer) => {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    summary.files.push(path);
  };

  const records = derived.records.filter(issuable);
  const signed: { record: CredentialRecord; json: Credential; jwt: string }[] = [];
  for (const record of records) {
    const credential = buildCredential(record, issuer, criteria);
    const json = await addDataIntegrityProof(credential, key, did, proofCreated(record.issued, current.from, now));
    const jwt = await signCredentialJwt(credential, `${did}#${key.kid}`, key.privateKey);
    signed.push({ record, json, jwt });
  }

  const statusValidFrom = proofCreated(buildDate, buildDate, now);
  const revokedIndexes = derived.records.filter((r) => r.status === 'revoked').map((r) => r.statusListIndex);
  const statusList = await addDataIntegrityProof(buildStatusListCredential(encodeStatusList(revokedIndexes), issuer, statusValidFrom), key, did, statusValidFrom);
  const didDoc = didDocument(did, keys);
  const published = new Map<string, unknown>([
    [publicUrl(site, didDocumentPath(site)), didDoc],
    [publicUrl(site, STATUS_LIST_PATH), statusList],
  ]);

  if (audience.kind === 'public') {
    write(didDocumentPath(site), `${JSON.stringify(didDoc, null, 2)}\n`);
    write(STATUS_LIST_PATH, `${JSON.stringify(statusList, null, 2)}\n`);
    for (const s of signed) {
      write(credentialJsonPath(s.record.certificateId), `${JSON.stringify(s.json, null, 2)}\n`);
      write(credentialJwtPath(s.record.certificateId), s.jwt);
    }
  } else {
    const badge = drawBadge({ demo: isDemo(issuer.demo) });
    for (const s of signed) write(`certificates/${s.record.certificateId}/badge.png`, bakeCredential(badge, JSON.stringify(s.json)));
  }

  // read back as a verifier would, judged at the end of the build day
  const at = new Date(Math.max(now.getTime(), endOfProgramDay(buildDate).getTime()));
  const read = async (url: string) => published.get(url);
  for (const s of signed) {
    const reports = [await verifyDataIntegrity(s.json, { did, read, now: at }), await verifyJwt(s.jwt, { did, read, now: at })];
    for (const report of reports) assertMatches(report, s.record);
  }
  summary.credentials = signed.length;
  summary.revoked = signed.filter((s) => s.record.status === 'revoked').length;
  return summary;
}

function assertMatches(report: VerificationReport, record: CredentialRecord): void {
  const failed = report.checks.filter((c) => !c.ok && c.id !== 'status');
  const expectRevoked = record.status === 'revoked';
  if (failed.length || report.revoked !== expectRevoked) {
    throw new Error(
      `credential ${record.certificateId} (${report.form}) did not verify after signing: ${report.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'}: ${c.text}`).join(' ')}` +
        (report.revoked !== expectRevoked ? ` The faculty records say it is ${record.status}.` : ''),
    );
  }
}
