/**
 * Precompressed copies kept between builds by content digest (src/lib/deploy/compress.ts): a file
 * that did not change gets the same copies without being compressed again, a changed file gets
 * new ones, and copies of files that are gone leave the cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { precompressSite } from '../../../src/lib/deploy/compress.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = (word: string) => `<html><body>${`<p>${word} listening to the iceberg of the system</p>`.repeat(60)}</body></html>`;

function cached(cache: string): string[] {
  return existsSync(cache) ? readdirSync(cache).flatMap((sub) => readdirSync(join(cache, sub))) : [];
}

describe('compressed copies reused by content digest', () => {
  it('reuses unchanged files, compresses changed ones, and forgets removed ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'cert-compress-'));
    const site = join(dir, 'site');
    const cache = join(dir, 'cache');
    mkdirSync(join(site, 'a'), { recursive: true });
    writeFileSync(join(site, 'a/index.html'), page('first'));
    writeFileSync(join(site, 'b.html'), page('second'));
    expect(precompressSite(site, { cacheDir: cache })).toEqual({ files: 2, gzip: 2, brotli: 2, reused: 0 });
    const firstGz = readFileSync(join(site, 'a/index.html.gz'));

    // a fresh site with the same first page and an edited second one
    rmSync(site, { recursive: true });
    mkdirSync(join(site, 'a'), { recursive: true });
    writeFileSync(join(site, 'a/index.html'), page('first'));
    writeFileSync(join(site, 'b.html'), page('EDITED'));
    expect(precompressSite(site, { cacheDir: cache })).toEqual({ files: 2, gzip: 2, brotli: 2, reused: 1 });
    expect(readFileSync(join(site, 'a/index.html.gz')).equals(firstGz)).toBe(true);
    expect(gunzipSync(readFileSync(join(site, 'b.html.gz'))).toString()).toBe(page('EDITED'));
    expect(brotliDecompressSync(readFileSync(join(site, 'b.html.br'))).toString()).toBe(page('EDITED'));
    // the copies of the old second page are gone from the cache
    expect(cached(cache).filter((f) => f.endsWith('.done'))).toHaveLength(2);

    rmSync(join(site, 'b.html'));
    rmSync(join(site, 'b.html.gz'));
    rmSync(join(site, 'b.html.br'));
    precompressSite(site, { cacheDir: cache });
    expect(cached(cache).filter((f) => f.endsWith('.done'))).toHaveLength(1);
    const left = cached(cache).filter((f) => f.endsWith('.gz'));
    expect(left.map((f) => gunzipSync(readFileSync(join(cache, f.slice(0, 2), f))).toString())).toEqual([page('first')]);
  });
});
