/**
 * The key credentials are signed with.
 *
 * - `CREDENTIAL_SIGNING_KEY` set: an Ed25519 private key as a JSON Web Key
 *   ({"kty":"OKP","crv":"Ed25519","x":"…","d":"…"}), kept as a secret of the deployment, never in
 *   a file of the repository. `node scripts/credential-key.ts` makes one.
 * - not set (or empty): a throwaway key, generated once per build process and forgotten after it.
 *   Everything signed with it is marked "demo, not verifiable": the DID document of the next
 *   build will hold another key, so nothing signed now can be checked later.
 *
 * The key id is the key's JWK thumbprint (RFC 7638), so a rotated key gets a new id and a
 * credential names exactly the key that signed it.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const SIGNING_KEY_VARIABLE = 'CREDENTIAL_SIGNING_KEY';

export interface SigningKey {
  privateKey: KeyObject | CryptoKey;
  /** Public part only: kty, crv, x. */
  publicJwk: JWK;
  /** JWK thumbprint; the fragment of the verification method in the DID document. */
  kid: string;
  /** True for a throwaway key: nothing it signs can be verified after the build. */
  demo: boolean;
}

export class SigningKeyError extends Error {}

const HOW = `Write an Ed25519 private key as one line of JSON, {"kty":"OKP","crv":"Ed25519","x":"…","d":"…"}; make one with: node scripts/credential-key.ts. Or leave ${SIGNING_KEY_VARIABLE} unset to sign with a throwaway key (every credential is then marked demo, not verifiable)`;

const B64URL = /^[A-Za-z0-9_-]{43}$/;

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
  const publicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: derived.x };
  return { privateKey, publicJwk, kid: await calculateJwkThumbprint(publicJwk), demo: false };
}

/** A new throwaway key. */
export async function throwawaySigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { kty, crv, x } = await exportJWK(publicKey);
  const publicJwk: JWK = { kty, crv, x } as JWK;
  return { privateKey, publicJwk, kid: await calculateJwkThumbprint(publicJwk), demo: true };
}

const THROWAWAY = Symbol.for('certification.credentials.throwawayKey');
type Registry = { [THROWAWAY]?: Promise<SigningKey> };

/**
 * The build's signing key. The throwaway key is kept on globalThis, so every page of one build
 * (even from two copies of this module in two bundle chunks) signs with the same key that the
 * build's DID document publishes.
 */
export function buildSigningKey(env: Record<string, string | undefined>): Promise<SigningKey> {
  const text = env[SIGNING_KEY_VARIABLE]?.trim();
  if (text) return signingKeyFromJwk(text);
  const g = globalThis as Registry;
  g[THROWAWAY] ??= throwawaySigningKey();
  return g[THROWAWAY];
}
