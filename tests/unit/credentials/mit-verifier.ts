/**
 * The MIT Digital Credentials Consortium's verifier (`@digitalcredentials/verifier-core`, the
 * library behind VerifierPlus and the Learner Credential Wallet), run offline.
 *
 * It takes no document loader: it resolves did:web and loads status lists and the OB 3.0 JSON
 * schema over HTTP through the global `fetch`. So `fetch` is replaced, for the length of one call,
 * by a loader that answers the public site's addresses from its built files, the schema with the
 * test fixture's copy, and refuses everything else (the refusals are returned, so a test can prove
 * nothing else was asked for). Contexts come from the packages verifier-core bundles.
 *
 * verifier-core caches a resolved DID document for 5 seconds; a test that changes did.json under
 * the same DID waits that long (`DID_CACHE_MS`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import { OB_SCHEMA_URL } from '../../../src/lib/credentials/credential.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

export const DID_CACHE_MS = 5_200;

const SCHEMA = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/ob3/ob_v3p0_achievementcredential_schema.json'), 'utf8');

export interface BuiltSite {
  /** The public site's root address, https://…/ */
  root: string;
  /** The folder its files are in. */
  dir: string;
}

export interface MitResult {
  /** Each step of verifier-core's log: valid_signature, expiration, revocation_status, registered_issuer. */
  steps: Record<string, boolean | string>;
  /** Fatal errors (an invalid signature is one), by name. */
  errors: string[];
  schemaValid: boolean | undefined;
  /** Addresses the verifier asked for. */
  asked: string[];
  /** Addresses it asked for that are neither the site's nor the schema (always refused). */
  refused: string[];
}

export async function verifyWithMitVerifier(credential: unknown, site: BuiltSite): Promise<MitResult> {
  const asked: string[] = [];
  const refused: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    if (url === OB_SCHEMA_URL) return new Response(SCHEMA, { headers: { 'content-type': 'application/json' } });
    if (url.startsWith(site.root)) {
      const file = join(site.dir, url.slice(site.root.length));
      if (existsSync(file)) return new Response(readFileSync(file), { headers: { 'content-type': 'application/json' } });
      return new Response('not found', { status: 404 });
    }
    refused.push(url);
    throw new TypeError(`offline: ${url} is not one of the built site's files`);
  };
  try {
    const result = (await verifyCredential({ credential: credential as Parameters<typeof verifyCredential>[0]['credential'], knownDIDRegistries: [] })) as {
      log?: { id: string; valid?: boolean; error?: { name: string } }[];
      errors?: { name: string }[];
      additionalInformation?: { id: string; results?: unknown }[];
    };
    const steps: Record<string, boolean | string> = {};
    for (const step of result.log ?? []) steps[step.id] = step.error ? step.error.name : Boolean(step.valid);
    const schema = result.additionalInformation?.find((i) => i.id === 'schema_check')?.results;
    const schemaValid = Array.isArray(schema) ? schema.every((r: { result?: { valid?: boolean } }) => r.result?.valid === true) : undefined;
    return { steps, errors: (result.errors ?? []).map((e) => e.name), schemaValid, asked, refused };
  } finally {
    globalThis.fetch = realFetch;
  }
}
