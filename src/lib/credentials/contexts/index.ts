/** The vendored contexts by the URL they stand for (see README.md). For offline JSON-LD processing in tests and tools. */
import credentialsV2 from './credentials-v2.json' with { type: 'json' };
import openBadges303 from './ob-v3p0-context-3.0.3.json' with { type: 'json' };

export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3P0_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const CONTEXTS: Readonly<Record<string, unknown>> = {
  [VC_V2_CONTEXT_URL]: credentialsV2,
  [OB_V3P0_CONTEXT_URL]: openBadges303,
};
