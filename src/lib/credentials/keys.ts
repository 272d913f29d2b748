/**
 * The key credentials are signed with, in the signing step only (never in the Astro build).
 *
 * - `CREDENTIAL_SIGNING_KEY` set: an Ed25519 private key as a JSON Web Key
 *   ({"kty":"OKP","crv":"Ed25519","x":"…","d":"…"}), kept as a secret of the deployment, never in
 *   a file of the repository. `npm run credential-key -- new` makes one. Its public half must be the
 *   current key of content/issuer-keys.yaml (key-registry.ts).
 * - not set (or empty): a throwaway key, made for one build and forgotten after it. Everything
 *   signed with it is marked demo: the DID document of the next build holds another key, so
 *   nothing signed now can be checked later.
 *
 * A key has two names in the DID document, one per proof form: the JWT form names it by its JWK
 * thumbprint (RFC 7638), the Data Integrity form by its multibase public key (`z6Mk…`).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

export const SIGNING_KEY_VARIABLE = 'CREDENTIAL_SIGNING_KEY';
/** Set by npm run build for the Astro build and the signing step: whether the program's key signs (program) or a throwaway key (throwaway). */
export const SIGNING_MODE_VARIABLE = 'CERT_CREDENTIAL_KEY';
export type SigningMode = 'program' | 'throwaway';

export interface PublicKey {
  /** The Ed25519 public key, base64url: the JWK's "x". */
  x: string;
  publicJwk: JWK;
  /** JWK thumbprint: the fragment of the key's JsonWebKey2020 method (the JWT form's kid). */
  kid: string;
  /** Multibase public key (z6Mk…): the fragment of the key's Multikey method (Data Integrity proofs). */
  publicKeyMultibase: string;
}

export interface SigningKey extends PublicKey {
  privateKey: KeyObject;
  /** The private JWK (for the Data Integrity signer). */
  privateJwk: JWK;
}

export class SigningKeyError extends Error {}

const HOW = `Write an Ed25519 private key as one line of JSON, {"kty":"OKP","crv":"Ed25519","x":"…","d":"…"}; make one with: npm run credential-key -- new. Or leave ${SIGNING_KEY_VARIABLE} unset to sign with a throwaway key (every credential is then marked demo)`;

const B64URL = /^[A-Za-z0-9_-]{43}$/;

/** The public side of a key from its "x". */
export async function publicKeyFromX(x: string): Promise<PublicKey> {
  const publicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x };
  try {
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  } catch {
    throw new SigningKeyError(`${x} is not an Ed25519 public key`);
  }
  const multikey = await Ed25519Multikey.fromJwk({ jwk: { ...publicJwk } });
  return { x, publicJwk, kid: await calculateJwkThumbprint(publicJwk), publicKeyMultibase: multikey.publicKeyMultibase };
}

/** Read and check the key in the environment variable's text. */
export async function signingKeyFromJwk(text: string): Promise<SigningKey> {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} is not JSON. ${HOW}`);
  }
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} is not a JSON object. ${HOW}`);
  const k = jwk as Record<string, unknown>;
  if (k['kty'] !== 'OKP' || k['crv'] !== 'Ed25519') {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} must be an Ed25519 key ("kty":"OKP","crv":"Ed25519"); got kty ${JSON.stringify(k['kty'])}, crv ${JSON.stringify(k['crv'])}. ${HOW}`);
  }
  if (typeof k['d'] !== 'string' || !B64URL.test(k['d'])) {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} has no private part: "d" must be the 32-byte private key in base64url (43 characters). ${HOW}`);
  }
  if (typeof k['x'] !== 'string' || !B64URL.test(k['x'])) {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} has no public part: "x" must be the 32-byte public key in base64url (43 characters). ${HOW}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: k['d'], x: k['x'] }, format: 'jwk' });
  } catch (error) {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE} cannot be read as an Ed25519 key (${(error as Error).message}). ${HOW}`);
  }
  const derived = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  if (derived.x !== k['x']) {
    throw new SigningKeyError(`${SIGNING_KEY_VARIABLE}: "x" is not the public key of "d" (the two halves come from different keys). ${HOW}`);
  }
  const x = derived.x;
  return { ...(await publicKeyFromX(x)), privateKey, privateJwk: { kty: 'OKP', crv: 'Ed25519', x, d: k['d'] } };
}

/** A new key, and the one line of JSON that CREDENTIAL_SIGNING_KEY takes for it. */
export async function newSigningKey(): Promise<{ key: SigningKey; secret: string }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { kty, crv, x, d } = await exportJWK(privateKey);
  const secret = JSON.stringify({ kty, crv, x, d });
  return { key: await signingKeyFromJwk(secret), secret };
}

/** The Data Integrity signer of a key, as the verification method `id` of the issuer's DID document. */
export async function dataIntegritySigner(key: SigningKey, controller: string) {
  const id = `${controller}#${key.publicKeyMultibase}`;
  const pair = await Ed25519Multikey.fromJwk({ jwk: { ...key.privateJwk }, secretKey: true, id, controller });
  return pair.signer();
}

/** Which key signs in this process: from SIGNING_MODE_VARIABLE, or from whether a key is set. */
export function signingModeFromEnv(env: Record<string, string | undefined>): SigningMode {
  const mode = env[SIGNING_MODE_VARIABLE];
  if (mode === 'program' || mode === 'throwaway') return mode;
  return env[SIGNING_KEY_VARIABLE]?.trim() ? 'program' : 'throwaway';
}
