/**
 * The certificate lookup of the registry page: certificate id → verification page, and certificate
 * id → the signed credential (JSON with its Data Integrity proof), for every credential of the
 * public build. Ids and addresses only: no names, so it says nothing about a graduate without a
 * public profile that their verification page does not.
 */
import type { APIRoute } from 'astro';
import { getCredentialRecords } from '../../data/credentials.ts';
import { href } from '../../data/build.ts';
import { credentialJsonPath } from '../../lib/credentials/credential.ts';

export const GET: APIRoute = async () => {
  const credentials: Record<string, string> = {};
  const documents: Record<string, string> = {};
  for (const r of await getCredentialRecords()) {
    credentials[r.certificateId] = href(`/credentials/${r.certificateId}/`);
    documents[r.certificateId] = href(`/${credentialJsonPath(r.certificateId)}`);
  }
  return new Response(JSON.stringify({ credentials, documents }), { headers: { 'Content-Type': 'application/json' } });
};
