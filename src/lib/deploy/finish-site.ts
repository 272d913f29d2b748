/**
 * What a built audience site gets after Astro and Pagefind are done: the `_headers` file for hosts
 * that read one, and precompressed gzip and Brotli copies of its text files. Run by
 * `npm run build` after each audience's build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile, type SiteKind } from './headers.ts';
import { precompressSite, type CompressOptions, type CompressStats } from './compress.ts';

export function finishSite(outDir: string, kind: SiteKind, options: CompressOptions = {}): CompressStats {
  writeFileSync(join(outDir, '_headers'), headersFile(kind));
  return precompressSite(outDir, options);
}
