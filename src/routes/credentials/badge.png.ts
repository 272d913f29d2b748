/** The badge image of the achievement (no credential baked in), public build: /credentials/badge.png. */
import type { APIRoute } from 'astro';
import { getBadgeImage } from '../../data/credentials.ts';

export const GET: APIRoute = () => new Response(new Uint8Array(getBadgeImage()), { headers: { 'Content-Type': 'image/png' } });
