/** The signed credential of one certificate (public build), as a compact JWS (VC-JOSE-COSE). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCredentialRecords, getSignedCredential, type CredentialRecord } from '../../data/credentials.ts';

export const getStaticPaths = (async () =>
  (await getCredentialRecords()).filter((r) => getSignedCredential(r) !== undefined).map((record) => ({ params: { id: record.certificateId }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const signed = await getSignedCredential((props as { record: CredentialRecord }).record);
  if (!signed) throw new Error('a credential page was generated for a record that cannot be signed');
  return new Response(signed.jwt, { headers: { 'Content-Type': 'application/vc+jwt' } });
};
