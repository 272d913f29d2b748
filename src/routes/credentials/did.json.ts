/**
 * The issuer's DID document (public build), where did:web resolves it: /.well-known/did.json on a
 * site at the root of its domain, /<sub-path>/did.json under a sub-path (src/lib/credentials/issuer.ts).
 */
import type { APIRoute } from 'astro';
import { getDidDocument } from '../../data/credentials.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await getDidDocument(), null, 2)}\n`, { headers: { 'Content-Type': 'application/did+json' } });
