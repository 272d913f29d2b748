/**
 * The JWT form of a credential, as Open Badges 3.0 defines its JSON Web Token proof format
 * (VC-JWT): the payload is the credential itself plus the registered claims mapped from it, and
 * the header names the key by a `kid` that resolves in the issuer's DID document.
 *
 * | claim | from the credential |
 * |---|---|
 * | `iss` | `issuer.id` (the did:web of the public site) |
 * | `jti` | `id` |
 * | `nbf` | `validFrom`, as seconds since 1970 |
 * | `exp` | `validUntil`, when there is one |
 * | `sub` | `credentialSubject.id`, when the subject has one (ours are identified by a hashed email, so usually none) |
 *
 * Header: `alg` EdDSA (Ed25519), `kid` did:web:…#<JWK thumbprint> (the JsonWebKey2020 method of
 * that key in did.json), `typ` JWT.
 *
 * Used by the signing step (node) and the browser verifier: jose only, no node: imports.
 */
import { CompactSign, compactVerify, importJWK, type JWK } from 'jose';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const JWT_TYP = 'JWT';
export const JWT_ALG = 'EdDSA';

const CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub'] as const;

export interface RegisteredClaims {
  iss: string;
  jti: string;
  nbf: number;
  exp?: number;
  sub?: string;
}

const seconds = (iso: string, what: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`${what} is not a date-time: ${JSON.stringify(iso)}`);
  return Math.floor(t / 1000);
};

/** The registered claims of a credential (see the table above); throws when a required source is missing. */
export function registeredClaims(credential: JsonObject): RegisteredClaims {
  const issuer = credential['issuer'];
  const iss = typeof issuer === 'string' ? issuer : issuer && typeof issuer === 'object' && !Array.isArray(issuer) ? issuer['id'] : undefined;
  if (typeof iss !== 'string') throw new Error('the credential has no issuer id, so the JWT cannot have iss');
  const jti = credential['id'];
  if (typeof jti !== 'string') throw new Error('the credential has no id, so the JWT cannot have jti');
  const validFrom = credential['validFrom'];
  if (typeof validFrom !== 'string') throw new Error('the credential has no validFrom, so the JWT cannot have nbf');
  const claims: RegisteredClaims = { iss, jti, nbf: seconds(validFrom, 'validFrom') };
  const validUntil = credential['validUntil'];
  if (typeof validUntil === 'string') claims.exp = seconds(validUntil, 'validUntil');
  const subjects = credential['credentialSubject'];
  const subject = Array.isArray(subjects) ? subjects[0] : subjects;
  if (subject && typeof subject === 'object' && !Array.isArray(subject) && typeof subject['id'] === 'string') claims.sub = subject['id'];
  return claims;
}

/** The compact JWS of a credential, signed with the key whose verification method is `kid`. */
export async function signCredentialJwt(credential: JsonObject, kid: string, privateKey: CryptoKey | Uint8Array | { type: string }): Promise<string> {
  const payload = { ...credential, ...registeredClaims(credential) };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: JWT_ALG, kid, typ: JWT_TYP })
    .sign(privateKey as CryptoKey);
}

export interface DecodedJwt {
  header: { alg?: string; kid?: string; typ?: string };
  /** The payload: the credential with the registered claims. */
  payload: JsonObject;
}

/** Read a JWT without checking it (to find the key it names). */
export function decodeJwt(jwt: string): DecodedJwt {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) throw new Error('this is not a JSON Web Token: it must have three parts separated by dots');
  const decode = (part: string) => JSON.parse(new TextDecoder().decode(base64UrlBytes(part))) as unknown;
  const header = decode(parts[0] ?? '');
  const payload = decode(parts[1] ?? '');
  if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('the token’s header or payload is not a JSON object');
  return { header: header as DecodedJwt['header'], payload: payload as JsonObject };
}

function base64UrlBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/**
 * Check a JWT's signature with a public JWK, its header and that its registered claims say what
 * the credential in it says. Returns the payload; throws with the reason.
 */
export async function verifyCredentialJwt(jwt: string, publicJwk: JWK): Promise<DecodedJwt> {
  const key = await importJWK(publicJwk, JWT_ALG);
  const { payload, protectedHeader } = await compactVerify(jwt.trim(), key, { algorithms: [JWT_ALG] });
  if (protectedHeader.typ !== undefined && protectedHeader.typ !== JWT_TYP) throw new Error(`the token’s typ must be ${JWT_TYP}; got ${String(protectedHeader.typ)}`);
  const claims = JSON.parse(new TextDecoder().decode(payload)) as JsonObject;
  const credential = Object.fromEntries(Object.entries(claims).filter(([name]) => !(CLAIMS as readonly string[]).includes(name)));
  const expected = registeredClaims(credential);
  const mismatch = CLAIMS.find((name) => claims[name] !== expected[name]);
  if (mismatch) throw new Error(`the token’s ${mismatch} (${JSON.stringify(claims[mismatch])}) does not match the credential in it (${JSON.stringify(expected[mismatch])})`);
  return { header: protectedHeader as DecodedJwt['header'], payload: claims };
}
