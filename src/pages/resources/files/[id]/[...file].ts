/**
 * Audio and handouts of the resources this build may show. Recordings are never public (the
 * schema refuses it), so the public build emits none. A Git LFS pointer stops the build with the fix.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getResourceFiles } from '../../../../data/resources.ts';

const TYPES: Record<string, string> = { mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

export const getStaticPaths = (async () =>
  (await getResourceFiles()).map((f) => ({ params: { id: f.id, file: f.file }, props: { source: f.source } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { source } = props as { source: string };
  const bytes = await readFile(source);
  if (bytes.subarray(0, 24).toString('latin1').startsWith('version https://git-lfs')) {
    throw new Error(`${source} is a Git LFS pointer, not the recording: run git lfs pull (in CI, check out with lfs: true), or store the recording elsewhere and write audio: { url: https://... }`);
  }
  const ext = source.split('.').pop()?.toLowerCase() ?? '';
  return new Response(bytes, { headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' } });
};
