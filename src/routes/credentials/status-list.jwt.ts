/** The signed revocation list (Bitstring Status List), public build: /credentials/status/1.jwt. */
import type { APIRoute } from 'astro';
import { getStatusListJwt } from '../../data/credentials.ts';

export const GET: APIRoute = async () => new Response(await getStatusListJwt(), { headers: { 'Content-Type': 'application/vc+jwt' } });
