/**
 * Attachments of the entries this build may show, copied into the site. An attachment is emitted
 * only because an entry in this build lists it, so a private entry's files never reach a public build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAttachments } from '../../../data/portfolios.ts';
import { readParticipantFile } from '../../../lib/participant-files.ts';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
};

export const getStaticPaths = (async () =>
  (await getAttachments()).map((a) => ({ params: { participant: a.participant, file: a.file }, props: { source: a.source } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { source } = props as { source: string };
  // a regular file of its kind in the entry's own folder, never a link to something else
  const bytes = readParticipantFile(process.cwd(), source);
  const ext = source.split('.').pop()?.toLowerCase() ?? '';
  return new Response(bytes, { headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' } });
};
