/**
 * Builds the Pagefind index of one built site, over the main content of each page only.
 *
 * Every page is indexed as English, whatever its language. Pagefind otherwise writes one index per
 * page language and searches only the current page's, so a Danish entry would be missing from the
 * English browse page, and this version of Pagefind refuses to merge a bundle's own language
 * indexes. Measured on the demo: Danish words with diacritics (nærvær, fællesskab), Spanish, and
 * Japanese words (氷山, a prefix of 氷山モデル) are all found in the one index; only English
 * stemming applies to every language.
 */
import { appendFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
}

/**
 * With CERT_TIMINGS=<file>, each indexing run appends one JSON line to that file:
 * { "step": "pagefind", "audience", "cohort", "pages", "ms" } (read by scripts/bench.ts).
 */
function recordTiming(pages: number, ms: number, audience: { kind: string; cohort?: string | undefined }): void {
  const file = process.env['CERT_TIMINGS'];
  if (!file) return;
  const line = { step: 'pagefind', audience: audience.kind, cohort: audience.cohort, pages, ms: Math.round(ms) };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export async function indexSite(
  siteDir: string,
  log: (message: string) => void = () => {},
  audience: { kind: string; cohort?: string | undefined } = { kind: process.env['CERT_AUDIENCE'] ?? 'public', cohort: process.env['CERT_COHORT'] },
): Promise<IndexStats> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  try {
    log('indexing for search…');
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    pages = added.page_count;
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
    recordTiming(pages, performance.now() - started, audience);
  }
}
