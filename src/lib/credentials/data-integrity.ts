/**
 * Data Integrity proofs (W3C VC Data Integrity, cryptosuite eddsa-rdfc-2022) with the Digital
 * Bazaar libraries: the credential is canonicalized as RDF (RDFC-1.0) with the contexts from the
 * installed packages and signed with the issuer's Ed25519 key as a Multikey. Used by the signing
 * step only.
 *
 * The proof's `created` is given, never "now", so the same credential and key give the same bytes
 * in every build (Ed25519 signatures are deterministic).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import type { Credential } from './credential.ts';
import { createDocumentLoader } from './document-loader.ts';
import { dataIntegritySigner, type SigningKey } from './keys.ts';

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

/** The credential with an embedded DataIntegrityProof made by `key` for the issuer `did`. */
export async function addDataIntegrityProof(credential: Credential, key: SigningKey, did: string, created: string): Promise<Credential> {
  const suite = new DataIntegrityProof({ signer: await dataIntegritySigner(key, did), cryptosuite, date: created });
  // the library adds the proof to the object it is given: give it a copy, so the caller's credential stays unsigned (the JWT form secures that)
  return (await issue({ credential: structuredClone(credential), suite, documentLoader: createDocumentLoader({ did }) })) as Credential;
}
