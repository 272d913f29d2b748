/** One graduate's badge with the signed credential baked in (faculty build), for the coordinator to send. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBakedBadge, getCredentialRecords, getSignedCredential, type CredentialRecord } from '../../data/credentials.ts';

export const getStaticPaths = (async () =>
  (await getCredentialRecords()).filter((r) => getSignedCredential(r) !== undefined).map((record) => ({ params: { id: record.certificateId }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await getBakedBadge((props as { record: CredentialRecord }).record);
  if (!png) throw new Error('a badge was generated for a record that cannot be signed');
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
