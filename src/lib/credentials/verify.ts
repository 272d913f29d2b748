/**
 * Verifying a credential of this program in either proof form, with every check named in words:
 * the build runs it over every credential it signed (and stops if one fails), and the verification
 * page runs it in the visitor's browser.
 *
 * - Data Integrity (credentials/<id>.json): the embedded eddsa-rdfc-2022 proof, checked by the
 *   Digital Bazaar VC library against the key the proof names in the issuer's DID document, which
 *   must be allowed to sign (assertionMethod).
 * - JWT (credentials/<id>.jwt): the EdDSA signature with the JWK the header's kid names in the
 *   same DID document, the registered claims against the credential in the token, and the dates.
 * - Both: the issuer is the program's did:web; the revocation bit is read from the status list
 *   after its own Data Integrity proof is checked (an unsigned or tampered list is refused).
 *
 * Pure apart from the documents the loader reads; no node: imports (the browser bundles it).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { JWK } from 'jose';
import { createDocumentLoader, type SiteReader } from './document-loader.ts';
import { decodeJwt, verifyCredentialJwt } from './jwt.ts';

export type CheckId = 'issuer' | 'signature' | 'dates' | 'status';

export interface Check {
  id: CheckId;
  ok: boolean;
  /** One sentence a graduate or an employer can read. */
  text: string;
}

export interface VerificationReport {
  form: 'data-integrity' | 'jwt';
  /** Signature, issuer and dates hold, and the credential is not revoked. */
  verified: boolean;
  /** True when the status list says revoked; undefined when the status could not be read. */
  revoked: boolean | undefined;
  checks: Check[];
  /** The credential (for a JWT, its payload without the registered claims' duplicates). */
  credential?: Record<string, unknown>;
}

export interface VerifyOptions {
  /** The program's issuer DID. */
  did: string;
  /** Reads documents of the public site: the DID document and the status list. */
  read: SiteReader;
  /** The moment to judge dates at; now by default. */
  now?: Date;
}

export const FORM_NAMES: Record<VerificationReport['form'], string> = {
  'data-integrity': 'Data Integrity proof (eddsa-rdfc-2022)',
  jwt: 'JSON Web Token (VC-JWT, EdDSA)',
};

const suite = () => new DataIntegrityProof({ cryptosuite });

const reason = (error: unknown): string => {
  if (!error || typeof error !== 'object') return String(error);
  const e = error as Error & { errors?: unknown[]; cause?: unknown };
  if (Array.isArray(e.errors) && e.errors.length) return e.errors.map(reason).join('; ');
  return e.message || String(error);
};

const issuerId = (credential: Record<string, unknown>) => {
  const issuer = credential['issuer'];
  return typeof issuer === 'string' ? issuer : issuer && typeof issuer === 'object' ? (issuer as Record<string, unknown>)['id'] : undefined;
};

const dayOf = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 10) : 'an unknown date');

function issuerCheck(credential: Record<string, unknown>, did: string): Check {
  const id = issuerId(credential);
  return id === did
    ? { id: 'issuer', ok: true, text: `Issued by this program (${did}).` }
    : { id: 'issuer', ok: false, text: `Not issued by this program: its issuer is ${JSON.stringify(id)}, the program is ${did}.` };
}

function datesCheck(credential: Record<string, unknown>, now: Date): Check {
  const from = credential['validFrom'];
  const until = credential['validUntil'];
  if (typeof from !== 'string' || Number.isNaN(Date.parse(from))) return { id: 'dates', ok: false, text: 'It has no valid start date (validFrom).' };
  if (Date.parse(from) > now.getTime()) return { id: 'dates', ok: false, text: `It is not valid yet: it starts on ${dayOf(from)}.` };
  if (typeof until === 'string' && Date.parse(until) < now.getTime()) return { id: 'dates', ok: false, text: `It expired on ${dayOf(until)}.` };
  return { id: 'dates', ok: true, text: `Valid since ${dayOf(from)}${typeof until === 'string' ? `, until ${dayOf(until)}` : ', with no end date'}.` };
}

function statusIndex(credential: Record<string, unknown>): string {
  const status = credential['credentialStatus'];
  return status && typeof status === 'object' ? String((status as Record<string, unknown>)['statusListIndex'] ?? '?') : '?';
}

function statusCheck(credential: Record<string, unknown>, result: DiStatusResult | undefined): { check: Check; revoked: boolean | undefined } {
  if (!credential['credentialStatus']) return { check: { id: 'status', ok: false, text: 'It names no revocation list, so whether it was revoked cannot be checked.' }, revoked: undefined };
  if (!result) return { check: { id: 'status', ok: false, text: 'The revocation list was not checked, because the signature did not hold.' }, revoked: undefined };
  if (result.error || !result.verified || !result.results?.length) {
    return { check: { id: 'status', ok: false, text: `The revocation list could not be checked: ${reason(result.error ?? 'it was not read')}.` }, revoked: undefined };
  }
  const index = statusIndex(credential);
  return result.results.every((r) => r.status === false)
    ? { check: { id: 'status', ok: true, text: `Not revoked: the issuer's signed revocation list was checked, and entry ${index} is not set.` }, revoked: false }
    : { check: { id: 'status', ok: false, text: `Revoked: entry ${index} of the issuer's signed revocation list is set.` }, revoked: true };
}

function report(form: VerificationReport['form'], checks: Check[], revoked: boolean | undefined, credential?: Record<string, unknown>): VerificationReport {
  const out: VerificationReport = { form, verified: checks.every((c) => c.ok) && revoked === false, revoked, checks };
  if (credential) out.credential = credential;
  return out;
}

/** Verify a credential with an embedded Data Integrity proof. */
export async function verifyDataIntegrity(credential: Record<string, unknown>, options: VerifyOptions): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const documentLoader = createDocumentLoader({ did: options.did, read: options.read });
  const checks: Check[] = [issuerCheck(credential, options.did)];
  if (!checks[0]?.ok) return report('data-integrity', checks, undefined, credential);
  const proof = credential['proof'] as Record<string, unknown> | undefined;
  if (!proof) return report('data-integrity', [...checks, { id: 'signature', ok: false, text: 'It has no Data Integrity proof (no digital signature).' }], undefined, credential);
  let status: DiStatusResult | undefined;
  const result = await verifyCredential({
    credential,
    suite: suite(),
    documentLoader,
    now,
    checkStatus: async (opts: unknown) => {
      status = await checkStatus({ ...(opts as Parameters<typeof checkStatus>[0]), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true });
      return status;
    },
  });
  const signatureOk = result.verified || status !== undefined;
  const method = String(proof['verificationMethod'] ?? '');
  checks.push(
    signatureOk
      ? { id: 'signature', ok: true, text: `The digital signature (${FORM_NAMES['data-integrity']}) is intact, made with the key ${method.split('#')[1] ?? method} that the issuer's DID document allows to sign.` }
      : { id: 'signature', ok: false, text: `The digital signature does not hold: ${reason(result.error)}.` },
  );
  checks.push(datesCheck(credential, now));
  const s = statusCheck(credential, signatureOk ? status : undefined);
  checks.push(s.check);
  return report('data-integrity', checks, s.revoked, credential);
}

interface DidDoc {
  verificationMethod?: { id?: string; type?: string; publicKeyJwk?: JWK }[];
  assertionMethod?: (string | { id?: string })[];
}

/** Verify a credential in the JWT form. */
export async function verifyJwt(jwt: string, options: VerifyOptions): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const documentLoader = createDocumentLoader({ did: options.did, read: options.read });
  let decoded;
  try {
    decoded = decodeJwt(jwt);
  } catch (error) {
    return report('jwt', [{ id: 'signature', ok: false, text: `${reason(error)}.` }], undefined);
  }
  const credential = Object.fromEntries(Object.entries(decoded.payload).filter(([k]) => !['iss', 'jti', 'nbf', 'exp', 'sub'].includes(k)));
  const checks: Check[] = [issuerCheck(credential, options.did)];
  if (!checks[0]?.ok) return report('jwt', checks, undefined, credential);
  const kid = decoded.header.kid ?? '';
  let signatureOk = false;
  try {
    if (!kid.startsWith(`${options.did}#`)) throw new Error(`its header names the key ${JSON.stringify(kid)}, which is not one of the issuer's keys`);
    const doc = (await documentLoader(options.did)).document as DidDoc;
    const method = doc.verificationMethod?.find((m) => m.id === kid);
    if (!method?.publicKeyJwk) throw new Error(`the issuer's DID document has no key ${kid}`);
    const allowed = (doc.assertionMethod ?? []).some((m) => (typeof m === 'string' ? m : m.id) === kid);
    if (!allowed) throw new Error(`the key ${kid.split('#')[1]} is no longer allowed to sign (the issuer withdrew it)`);
    await verifyCredentialJwt(jwt, method.publicKeyJwk);
    signatureOk = true;
    checks.push({ id: 'signature', ok: true, text: `The digital signature (${FORM_NAMES.jwt}) is intact, made with the key ${kid.split('#')[1]} that the issuer's DID document allows to sign; its registered claims match the credential.` });
  } catch (error) {
    checks.push({ id: 'signature', ok: false, text: `The digital signature does not hold: ${reason(error)}.` });
  }
  checks.push(datesCheck(credential, now));
  let status: DiStatusResult | undefined;
  if (signatureOk && credential['credentialStatus']) {
    status = await checkStatus({ credential, documentLoader, suite: suite(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true });
  }
  const s = statusCheck(credential, signatureOk ? status : undefined);
  checks.push(s.check);
  return report('jwt', checks, s.revoked, credential);
}

/** Verify what a person pasted or a file holds: a JWT, or a JSON credential with a proof. */
export async function verifyText(text: string, options: VerifyOptions): Promise<VerificationReport> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (error) {
      return report('data-integrity', [{ id: 'signature', ok: false, text: `This is not valid JSON: ${reason(error)}.` }], undefined);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return report('data-integrity', [{ id: 'signature', ok: false, text: 'This JSON is not a credential.' }], undefined);
    return verifyDataIntegrity(doc as Record<string, unknown>, options);
  }
  return verifyJwt(trimmed, options);
}
