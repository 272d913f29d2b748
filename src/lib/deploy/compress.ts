/**
 * Precompressed copies of a built site's text files (`page.html.gz`, `page.html.br`), written once
 * after the build with node:zlib so the server sends them as they are (nginx `gzip_static` and
 * `brotli_static`) instead of compressing on every request. Pagefind's index files are already
 * compressed and are left alone.
 *
 * With a cache folder, the compressed copies of a file are kept under the SHA-256 of its bytes
 * (and of the settings below), so a file that did not change since the last build is not
 * compressed again: the copies are a function of those bytes alone.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';

export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|svg|txt|ics|webmanifest|jwt)$/i;
/** Below this size compression saves less than the extra request headers cost. */
export const MIN_BYTES = 512;
/** Bump when the compression settings change, so cached copies made with the old ones are not used. */
const SETTINGS = 'gzip6-br5-br11hashed/1';

export interface CompressStats {
  files: number;
  gzip: number;
  brotli: number;
  /** Files whose copies came from the cache. */
  reused: number;
}

export interface CompressOptions {
  /** Keep compressed copies here between builds, by content digest. */
  cacheDir?: string | undefined;
  /** Only files for which this returns true (a path relative to the site, with `/`). */
  include?: ((path: string) => boolean) | undefined;
  /** Folders not to look into at all (relative paths, with `/`): another thread may be writing them. */
  skipFolder?: ((path: string) => boolean) | undefined;
  /**
   * Collects the cache keys this run used, and leaves pruning to the caller (who compresses a site
   * in several runs and prunes once with pruneCache). Without it, each run prunes what it did not use.
   */
  used?: Set<string> | undefined;
}

function walk(dir: string, skip: (path: string) => boolean, rel = '', out: string[] = []): string[] {
  for (const item of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${item.name}` : item.name;
    if (item.isDirectory()) {
      if (!skip(path)) walk(dir, skip, path, out);
    } else if (item.isFile()) out.push(path);
  }
  return out;
}

// level 6 makes files within 0.1% of level 9's size in two thirds of the time
const GZIP: ZlibOptions = { level: 6 };
/**
 * The few hashed assets are cached for a year: squeeze them; pages are many and change with
 * every build: quality 5 is 1 s instead of 40 s for 3,000 pages, for 13% larger files.
 */
function brotliOptions(raw: Uint8Array, hashed: boolean): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: hashed ? constants.BROTLI_MAX_QUALITY : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  };
}

interface Copies {
  gz?: Buffer | undefined;
  br?: Buffer | undefined;
}

/** A copy is kept only where it saves at least 5%. */
function worthIt(raw: Uint8Array, gz: Buffer, br: Buffer): Copies {
  return { gz: gz.length < raw.length * 0.95 ? gz : undefined, br: br.length < raw.length * 0.95 ? br : undefined };
}

function compress(raw: Buffer, hashed: boolean): Copies {
  return worthIt(raw, gzipSync(raw, GZIP), brotliCompressSync(raw, brotliOptions(raw, hashed)));
}

/** Where a file's compressed copies are kept: by the digest of its bytes and of the settings above. */
function cacheBase(cacheDir: string, raw: Uint8Array, hashed: boolean): { key: string; base: string } {
  const key = createHash('sha256').update(SETTINGS).update(hashed ? 'hashed' : 'page').update(raw).digest('hex');
  return { key, base: join(cacheDir, key.slice(0, 2), key) };
}

function store(cacheDir: string, key: string, base: string, copies: Copies): void {
  mkdirSync(join(cacheDir, key.slice(0, 2)), { recursive: true });
  if (copies.gz) writeFileSync(`${base}.gz`, copies.gz);
  if (copies.br) writeFileSync(`${base}.br`, copies.br);
  writeFileSync(`${base}.done`, '');
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Compresses one page into the cache while the build is still rendering (off this thread, in
 * zlib's thread pool), so that precompressSite finds its copies ready. For pages, not hashed assets.
 */
export async function compressIntoCache(raw: Uint8Array, cacheDir: string): Promise<void> {
  if (raw.length < MIN_BYTES) return;
  const { key, base } = cacheBase(cacheDir, raw, false);
  if (existsSync(`${base}.done`)) return;
  const [gz, br] = await Promise.all([gzipAsync(raw, GZIP), brotliAsync(raw, brotliOptions(raw, false))]);
  store(cacheDir, key, base, worthIt(raw, gz, br));
}

/**
 * What the cache holds, read once: for each key, which copies are there (a key is complete once
 * its `.done` marker is written, after its copies). One listing instead of several existence
 * checks per file: a warm build finds almost every file here.
 */
function cacheListing(cacheDir: string): Map<string, Set<string>> {
  const listing = new Map<string, Set<string>>();
  if (!existsSync(cacheDir)) return listing;
  for (const sub of readdirSync(cacheDir)) {
    for (const name of readdirSync(join(cacheDir, sub))) {
      const dot = name.lastIndexOf('.');
      const key = name.slice(0, dot);
      const parts = listing.get(key) ?? new Set<string>();
      parts.add(name.slice(dot + 1));
      listing.set(key, parts);
    }
  }
  return listing;
}

export function precompressSite(dir: string, options: CompressOptions = {}): CompressStats {
  const stats: CompressStats = { files: 0, gzip: 0, brotli: 0, reused: 0 };
  const used = options.used ?? new Set<string>();
  const cached = options.cacheDir ? cacheListing(options.cacheDir) : new Map<string, Set<string>>();
  for (const rel of walk(dir, options.skipFolder ?? (() => false))) {
    const file = join(dir, rel);
    if (!COMPRESSIBLE.test(file) || (options.include && !options.include(rel))) continue;
    const raw = readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    stats.files++;
    const hashed = /(?:^|\/)_astro\//.test(rel);
    let copies: { gz?: Buffer | undefined; br?: Buffer | undefined } | undefined;
    if (options.cacheDir) {
      const { key, base } = cacheBase(options.cacheDir, raw, hashed);
      used.add(key);
      const parts = cached.get(key);
      if (parts?.has('done')) {
        if (parts.has('gz')) copyFileSync(`${base}.gz`, `${file}.gz`);
        if (parts.has('br')) copyFileSync(`${base}.br`, `${file}.br`);
        stats.gzip += parts.has('gz') ? 1 : 0;
        stats.brotli += parts.has('br') ? 1 : 0;
        stats.reused++;
        continue;
      }
      copies = compress(raw, hashed);
      store(options.cacheDir, key, base, copies);
      cached.set(key, new Set(['done', ...(copies.gz ? ['gz'] : []), ...(copies.br ? ['br'] : [])]));
    }
    copies ??= compress(raw, hashed);
    if (copies.gz) {
      writeFileSync(`${file}.gz`, copies.gz);
      stats.gzip++;
    }
    if (copies.br) {
      writeFileSync(`${file}.br`, copies.br);
      stats.brotli++;
    }
  }
  if (options.cacheDir && !options.used) pruneCache(options.cacheDir, used);
  return stats;
}

/** Removes cached copies of files no longer in the site, so the cache stays the size of one build. */
export function pruneCache(cacheDir: string, used: ReadonlySet<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const sub of readdirSync(cacheDir)) {
    for (const name of readdirSync(join(cacheDir, sub))) {
      if (!used.has(name.replace(/\.(?:gz|br|done)$/, ''))) rmSync(join(cacheDir, sub, name), { force: true });
    }
  }
}
