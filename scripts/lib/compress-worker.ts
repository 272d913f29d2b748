/**
 * A worker thread of `npm run build` that writes a site's precompressed copies
 * (src/lib/deploy/finish-site.ts) while the build's own thread plans and indexes search shards.
 * `part` is `pages` (everything but the search index) or `search` (Pagefind's files).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { finishSite } from '../../src/lib/deploy/finish-site.ts';
import type { SiteKind } from '../../src/lib/deploy/headers.ts';

export interface CompressJob {
  siteDir: string;
  kind: SiteKind;
  cacheDir: string;
  part: 'pages' | 'search';
}

export interface CompressResult {
  files: number;
  reused: number;
  ms: number;
  /** The cache keys the run used (the caller prunes the cache once, with every part's keys). */
  used: string[];
}

const job = workerData as CompressJob;
const started = performance.now();
const used = new Set<string>();
const searchFolder = (path: string) => path === 'pagefind' || path === '.pagefind-staging';
const stats = finishSite(
  job.siteDir,
  job.kind,
  job.part === 'search'
    ? { cacheDir: job.cacheDir, used, include: (path) => path.startsWith('pagefind/') }
    : { cacheDir: job.cacheDir, used, skipFolder: searchFolder },
);
const result: CompressResult = { files: stats.files, reused: stats.reused, ms: performance.now() - started, used: [...used] };
parentPort?.postMessage(result);
