/**
 * The Pagefind index of one built site, split into shards that the browser merges
 * (src/islands/pagefind-client.ts), so that a build reuses the index of every shard whose pages
 * did not change.
 *
 * - Pages with a date (the `date` sort key entries carry) are grouped by the year of that date
 *   (a year of more than MAX_SHARD_PAGES pages by quarter): `pagefind/shards/<year>-<digest>/`.
 *   Every other page (program pages, participants, evidence, dashboards) is in the main index,
 *   `pagefind/`, which also holds Pagefind's script and WebAssembly. Shards cover date ranges
 *   that do not overlap, which is what lets the browser list results of several shards newest
 *   first (Pagefind's own merge orders by score only).
 * - `pagefind/shards.json` lists the shards and their date ranges. A shard's folder name carries
 *   its digest, so every file under `pagefind/shards/` can be cached for good.
 * - A shard's digest covers its pages' paths and bytes, Pagefind's version and this module's
 *   index settings. The index is a function of exactly those, so a shard whose digest is in the
 *   cache is copied from it, and any other is indexed again: an edited, deleted or withdrawn
 *   page changes its shard's digest, and the cache can never bring back what a page no longer
 *   says. Pagefind's output is the same bytes for the same pages in any order of adding them.
 * - Only pages with a `data-pagefind-body` element are indexed (every page shows its main
 *   content that way; as in one index over the whole site, the others are left out).
 *
 * Every page is indexed as English, whatever its language. Pagefind otherwise writes one index per
 * page language and searches only the current page's, so a Danish entry would be missing from the
 * English browse page, and this version of Pagefind refuses to merge a bundle's own language
 * indexes. Measured on the demo: Danish words with diacritics (nærvær, fællesskab), Spanish, and
 * Japanese words (氷山, a prefix of 氷山モデル) are all found in the one index; only English
 * stemming applies to every language.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { packageVersion } from './build-cache.ts';

/** Bump when what this module writes changes for the same pages (so cached shards are not reused). */
const INDEX_FORMAT = 'search-index/4';
const PAGEFIND_OPTIONS = { forceLanguage: 'en' } as const;
/** A year with more pages than this is split by quarter, so a change re-indexes fewer pages. */
export const MAX_SHARD_PAGES = 1000;
export const SHARD_MANIFEST = 'pagefind/shards.json';
/** What the main index (Pagefind's whole bundle) is called in the manifest and the shard filter. */
export const MAIN_SHARD = 'main';
/** The files of a shard's bundle the browser reads when it merges the shard; the rest is Pagefind's script, UI and WebAssembly, which only the main index needs. */
const SHARD_FILES = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|fragment|index|filter)$/;
/** Pagefind's ready-made search interfaces, which the site does not use (its islands call pagefind.js). */
const UNUSED_UI = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface IndexStats {
  pages: number;
  shards: number;
  /** Shards copied from the cache. */
  reused: number;
}

export interface ShardEntry {
  id: string;
  /** Folder below `pagefind/`, with a trailing slash. */
  path: string;
  /** The range of the `date` sort values of its pages, YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface ShardManifest {
  version: 1;
  shards: ShardEntry[];
}

export interface SearchShard {
  id: string;
  /** HTML files, relative to the site folder, sorted. */
  pages: string[];
  digest: string;
  /** Output folder relative to the site. */
  outDir: string;
  from?: string | undefined;
  to?: string | undefined;
}

/** One shard to index: where its pages are and where its bundle goes. */
export interface ShardJob {
  siteDir: string;
  pages: string[];
  /** Absolute folder to write the bundle to. */
  outDir: string;
  /** Keep only what a merged shard needs (not Pagefind's script and WebAssembly); the main index keeps those. */
  trim: boolean;
}

const SORT_DATE = /<[^>]*\sdata-pagefind-sort="date:(\d{4})-(\d{2})-(\d{2})"/;
const HAS_BODY = /<[^>]*\sdata-pagefind-body[\s>=/]/;

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((item) => {
    const path = rel ? `${rel}/${item.name}` : item.name;
    if (item.isDirectory()) return path === 'pagefind' ? [] : htmlFiles(dir, path);
    return item.isFile() && item.name.endsWith('.html') ? [path] : [];
  });
}

/** The shard a page belongs to, from its HTML: undefined when it is not indexed at all. */
export function shardKeyOf(html: string): { key: string; date?: string } | undefined {
  if (!HAS_BODY.test(html)) return undefined;
  const date = SORT_DATE.exec(html);
  if (!date) return { key: MAIN_SHARD };
  return { key: date[1] as string, date: `${date[1]}-${date[2]}-${date[3]}` };
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Reads every page of a built site once and groups the indexed ones into shards with their digests. */
export function planShards(siteDir: string, version = packageVersion(process.cwd(), 'pagefind')): SearchShard[] {
  // each page is kept as its path, date and the digest of its bytes, not the bytes themselves
  const groups = new Map<string, { path: string; date?: string | undefined; digest: string }[]>();
  const add = (key: string, page: { path: string; date?: string | undefined; digest: string }) => {
    const list = groups.get(key);
    if (list) list.push(page);
    else groups.set(key, [page]);
  };
  for (const path of htmlFiles(siteDir).sort()) {
    const bytes = readFileSync(join(siteDir, path));
    const where = shardKeyOf(bytes.toString('utf8'));
    if (where) add(where.key, { path, date: where.date, digest: createHash('sha256').update(bytes).digest('hex') });
  }
  // a large year is split by quarter; the ranges still do not overlap
  for (const [key, pages] of [...groups]) {
    if (key === MAIN_SHARD || pages.length <= MAX_SHARD_PAGES) continue;
    groups.delete(key);
    for (const page of pages) add(quarterOf(page.date as string), page);
  }
  if (!groups.has(MAIN_SHARD)) groups.set(MAIN_SHARD, []);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === MAIN_SHARD ? -1 : b === MAIN_SHARD ? 1 : a.localeCompare(b)))
    .map(([id, pages]) => {
      const hash = createHash('sha256');
      for (const part of [INDEX_FORMAT, version, JSON.stringify(PAGEFIND_OPTIONS), id, ...pages.flatMap((p) => [p.path, p.digest])]) hash.update(`${part.length}:${part}`);
      const digest = hash.digest('hex');
      const dates = pages.map((p) => p.date).filter((d): d is string => d !== undefined).sort();
      return {
        id,
        pages: pages.map((p) => p.path),
        digest,
        outDir: id === MAIN_SHARD ? 'pagefind' : `pagefind/shards/${id}-${digest.slice(0, 16)}`,
        from: dates[0],
        to: dates[dates.length - 1],
      };
    });
}

/** Indexes shards one after the other with this process's Pagefind service. */
export async function indexShards(jobs: readonly ShardJob[]): Promise<void> {
  try {
    for (const job of jobs) {
      const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      try {
        for (const page of job.pages) {
          const added = await index.addHTMLFile({ sourcePath: page, content: readFileSync(join(job.siteDir, page), 'utf8') });
          if (added.errors.length) throw new Error(`Pagefind could not index ${page}: ${added.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: job.outDir });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        for (const name of readdirSync(job.outDir)) {
          if (job.trim ? !SHARD_FILES.test(name) : UNUSED_UI.test(name)) rmSync(join(job.outDir, name), { recursive: true, force: true });
        }
      } finally {
        await index.deleteIndex();
      }
    }
  } finally {
    await pagefind.close();
  }
}

/** Splits jobs into `n` lists of about the same number of pages (largest first, onto the lightest list). */
export function balanceJobs<T extends { pages: readonly unknown[] }>(jobs: readonly T[], n: number): T[][] {
  const lists: { pages: number; jobs: T[] }[] = Array.from({ length: Math.max(1, n) }, () => ({ pages: 0, jobs: [] }));
  for (const job of [...jobs].sort((a, b) => b.pages.length - a.pages.length)) {
    const lightest = lists.reduce((a, b) => (b.pages < a.pages ? b : a));
    lightest.jobs.push(job);
    lightest.pages += job.pages.length + 1;
  }
  return lists.map((l) => l.jobs).filter((l) => l.length > 0);
}

export interface IndexSiteOptions {
  /** Where indexed shards are kept between builds (the audience's cache folder); none: no reuse. */
  cacheDir?: string | undefined;
  log?: (message: string) => void;
  /** Runs the shards to index (default: one after the other, here); scripts/build.ts runs them in parallel. */
  run?: (jobs: ShardJob[]) => Promise<void>;
  audience?: { kind: string; cohort?: string | undefined };
}

/**
 * With CERT_TIMINGS=<file>, each indexing run appends one JSON line to that file:
 * { "step": "pagefind", "audience", "cohort", "pages", "shards", "reused", "ms" } (read by scripts/bench.ts).
 */
function recordTiming(stats: IndexStats, ms: number, audience: { kind: string; cohort?: string | undefined }): void {
  const file = process.env['CERT_TIMINGS'];
  if (!file) return;
  const line = { step: 'pagefind', audience: audience.kind, cohort: audience.cohort, ...stats, ms: Math.round(ms) };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export async function indexSite(siteDir: string, options: IndexSiteOptions = {}): Promise<IndexStats> {
  const started = performance.now();
  const audience = options.audience ?? { kind: process.env['CERT_AUDIENCE'] ?? 'public', cohort: process.env['CERT_COHORT'] };
  const log = options.log ?? (() => {});
  // every shard is written (or copied from the cache) to a folder of its own, then moved into place
  const staging = join(siteDir, '.pagefind-staging');
  rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  const shards = planShards(siteDir);
  const cache = options.cacheDir ? join(options.cacheDir, 'search') : undefined;
  const todo: ShardJob[] = [];
  let reused = 0;
  for (const shard of shards) {
    const cached = cache ? join(cache, shard.digest) : undefined;
    const out = join(staging, shard.digest);
    if (cached && existsSync(join(cached, 'pagefind-entry.json'))) {
      cpSync(cached, out, { recursive: true });
      reused++;
    } else {
      todo.push({ siteDir, pages: shard.pages, outDir: out, trim: shard.id !== MAIN_SHARD });
    }
  }
  log(`indexing for search: ${todo.length} of ${shards.length} shard${shards.length === 1 ? '' : 's'} changed…`);
  if (todo.length) await (options.run ?? indexShards)(todo);

  if (cache) {
    mkdirSync(cache, { recursive: true });
    for (const job of todo) cpSync(job.outDir, join(cache, job.outDir.slice(staging.length + 1)), { recursive: true });
    // keep only what this build uses: the cache never holds more than one copy of the index
    const used = new Set(shards.map((s) => s.digest));
    for (const name of readdirSync(cache)) if (!used.has(name)) rmSync(join(cache, name), { recursive: true, force: true });
  }
  for (const shard of shards) {
    const target = join(siteDir, shard.outDir);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(join(staging, shard.digest), target);
  }
  rmSync(staging, { recursive: true, force: true });
  const manifest: ShardManifest = {
    version: 1,
    shards: shards
      .filter((s) => s.id !== MAIN_SHARD)
      .map((s) => ({ id: s.id, path: `${s.outDir.slice('pagefind/'.length)}/`, from: s.from ?? '', to: s.to ?? '' })),
  };
  writeFileSync(join(siteDir, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);

  const stats = { pages: shards.reduce((n, s) => n + s.pages.length, 0), shards: shards.length, reused };
  recordTiming(stats, performance.now() - started, audience);
  return stats;
}
