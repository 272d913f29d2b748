/** Shared by the credential tests: the OB 3.0 schema validator, offline JSON-LD expansion, a sample issuer and record. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { CONTEXTS } from '../../../src/lib/credentials/contexts/index.ts';
import type { Issuer } from '../../../src/lib/credentials/credential.ts';
import type { CredentialRecord } from '../../../src/lib/credentials/record.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/ob3/ob_v3p0_achievementcredential_schema.json'), 'utf8')) as object;

/** Ajv with the vendored OB 3.0 AchievementCredential schema; returns the errors ([] when valid). */
export function ob3Errors(credential: unknown): string[] {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return validate(credential) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * Expand as JSON-LD in safe mode with the vendored contexts and no network: fails on any term the
 * contexts do not define (a property a verifier would silently drop).
 */
export async function expandSafely(doc: unknown): Promise<unknown[]> {
  return jsonld.expand(doc, {
    safe: true,
    documentLoader: async (url: string) => {
      const document = CONTEXTS[url];
      if (!document) throw new Error(`no vendored context for ${url}; the tests never fetch`);
      return { contextUrl: null, documentUrl: url, document };
    },
  });
}

export const SITE = { root: 'https://example.org/', base: '/' };

export function issuer(demo: Issuer['demo'] = { throwawayKey: false, demoSite: false }): Issuer {
  return { did: 'did:web:example.org', name: 'Compassionate Systems Certification', site: SITE, demo };
}

export function record(overrides: Partial<CredentialRecord> = {}): CredentialRecord {
  return {
    certificateId: 'CST-2027-0001',
    issued: '2027-06-25',
    status: 'valid',
    statusListIndex: 270001,
    recipient: { identityHash: 'sha256$0f3d5e0a8e2b3d1c4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a', salt: 'saltsaltsaltsalt' },
    holder: { name: 'Maria López', participant: 'maria-lopez', cohort: '2026-2027', site: 'riverside-hub' },
    evidence: [{ path: 'portfolios/maria-lopez/reflection/', title: 'A reflection' }],
    demo: false,
    ...overrides,
  };
}
