/**
 * Precompressed copies of a built site's text files (`page.html.gz`, `page.html.br`), written once
 * after the build with node:zlib so the server sends them as they are (nginx `gzip_static` and
 * `brotli_static`) instead of compressing on every request. Pagefind's index files are already
 * compressed and are left alone.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|svg|txt|ics|webmanifest|jwt)$/i;
/** Below this size compression saves less than the extra request headers cost. */
export const MIN_BYTES = 512;

export interface CompressStats {
  files: number;
  gzip: number;
  brotli: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) walk(full, out);
    else if (item.isFile()) out.push(full);
  }
  return out;
}

export function precompressSite(dir: string): CompressStats {
  const stats: CompressStats = { files: 0, gzip: 0, brotli: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const raw = readFileSync(file);
    stats.files++;
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length < raw.length * 0.95) {
      writeFileSync(`${file}.gz`, gz);
      stats.gzip++;
    }
    // the few hashed assets are cached for a year: squeeze them; pages are many and change with
    // every build: quality 5 is 1 s instead of 40 s for 3,000 pages, for 13% larger files
    const hashed = /[\\/]_astro[\\/]/.test(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: hashed ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    if (br.length < raw.length * 0.95) {
      writeFileSync(`${file}.br`, br);
      stats.brotli++;
    }
  }
  return stats;
}
