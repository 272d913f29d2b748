/**
 * Cache keys for the pages Astro may copy from the previous build instead of rendering them again
 * (`experimental.incrementalBuild`): a route returns one as `cacheKey` from getStaticPaths, and
 * Astro reuses the page only when the key and the code the route imports are both unchanged.
 *
 * A key must change whenever anything the page shows could change. An entry page shows its own
 * entry (the stored entry's digest covers its text, and through the loader's fingerprint the
 * audience, every participant's cohort and consent, and the content code), the images its text
 * points to, and facts from the other collections (its author, buddies' names, module, session
 * and criterion titles, the menu). So its key is the entry's digest, its images' bytes, and one
 * digest of every other collection, the settings, the audience and the build date: an edit to any
 * of those renders every entry page again, which is slow but never wrong. Only other portfolio
 * entries are left out: an entry page never shows another entry. A page that starts showing
 * other entries must put them in its key.
 */
import { getCollection, type CollectionKey } from 'astro:content';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digestOf } from '../lib/build-cache.ts';
import { buildDateFromEnv } from '../lib/build-date.ts';
import { audience, settings } from './build.ts';
import type { Entry } from './portfolios.ts';

/** Every collection of src/content.config.ts except portfolios (a unit test keeps the two lists equal). */
export const SHARED_COLLECTIONS = [
  'program',
  'cohorts',
  'modules',
  'sessions',
  'faculty',
  'sites',
  'participants',
  'framework',
  'attendance',
  'approvals',
  'assessments',
  'decisions',
  'resources',
  'credentials',
] as const satisfies readonly CollectionKey[];

let shared: Promise<string> | undefined;

/** One digest of everything but the portfolio entries that a page of this build can show. */
function sharedInputs(): Promise<string> {
  shared ??= (async () => {
    const parts: string[] = [JSON.stringify(audience), JSON.stringify(settings), buildDateFromEnv(process.env), import.meta.env.BASE_URL, String(import.meta.env.SITE)];
    for (const name of SHARED_COLLECTIONS) {
      const entries = (await getCollection(name)).map((e) => `${e.id}\n${String(e.digest)}`).sort();
      parts.push(name, ...entries);
    }
    return digestOf(...parts);
  })();
  return shared;
}

function fileBytes(path: string): Uint8Array | string {
  try {
    return readFileSync(path);
  } catch {
    return 'missing';
  }
}

/** The cacheKey of an entry's page (src/pages/portfolios/[participant]/[entry].astro). */
export async function entryPageKey(entry: Entry): Promise<string> {
  const stored = entry.entry;
  const folder = dirname(stored.filePath ?? '');
  const images = (stored.rendered?.metadata?.imagePaths ?? []).flatMap((image) => [image, fileBytes(join(process.cwd(), folder, image))]);
  return digestOf(await sharedInputs(), entry.id, String(stored.digest), ...images);
}
