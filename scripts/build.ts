/**
 * npm run build [-- --audience public|cohort|faculty] [--cohort ID] [--sign-later]
 *
 * Checks content across files (references, names), then builds each audience's site with its own
 * content cache: dist/public, dist/cohort/<cohort>/, dist/faculty, each with its own search index.
 *
 * Each audience's build is Astro's build (in a process of its own), then search indexing (the
 * shards that changed, two at a time) while the pages are compressed, then the `_headers` file.
 * The cross-file check runs while the first Astro build starts, and stops it if content has
 * errors. Independent steps of different audiences run at the same time when their memory
 * estimates fit the budget (scripts/lib/build-pipeline.ts). Every cache lives in the audience's
 * cache folder (node_modules/.astro/<audience>/) and is keyed by content digest: see
 * src/lib/build-cache.ts.
 *
 * Credentials are signed after each public and faculty Astro build, in a process of their own
 * (scripts/lib/credential-signing.ts), while the site is indexed for search (signing writes no
 * page) and before it is compressed; with --sign-later the build has no key and signs nothing,
 * and `npm run sign -- --audience public` signs the built site later, where the build never ran.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { audienceLabel, audienceOutDir, type Audience } from '../src/lib/audience.ts';
import { buildPlan } from '../src/lib/build-plan.ts';
import { audienceCacheDir } from '../src/lib/build-cache.ts';
import { readSettings } from '../src/lib/settings.ts';
import { ContentError } from '../src/lib/problems.ts';
import { precheck } from './lib/precheck.ts';
import { syncState } from '../src/lib/sync/lock.ts';
import { compressIntoCache, pruneCache } from '../src/lib/deploy/compress.ts';
import type { RenderedPageMessage } from '../src/integrations/audience.ts';
import type { CompressJob, CompressResult } from './lib/compress-worker.ts';
import { balanceJobs, indexSite, type ShardJob } from '../src/lib/search-index.ts';
import { astroEstimateMb, countEntries, finishEstimateMb, MEMORY_BUDGET_MB, runTasks, type Task } from './lib/build-pipeline.ts';
import { credentialSigning } from './lib/credential-signing.ts';

const { values } = parseArgs({
  options: {
    audience: { type: 'string' },
    cohort: { type: 'string' },
    'skip-check': { type: 'boolean', default: false },
    // build without the signing key; npm run sign signs the built site in a job of its own
    'sign-later': { type: 'boolean', default: false },
  },
});

const root = process.cwd();
// the signing key leaves this process's environment here; only the signing step gets it
const signing = credentialSigning(process.env, { signLater: values['sign-later'] });
const started = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cores = Math.max(1, availableParallelism());
const children = new Set<ChildProcess>();

/** With CERT_TIMINGS=<file>, one JSON line per step (read by scripts/bench.ts). */
function recordTiming(step: string, audience: Audience | undefined, ms: number, extra: Record<string, unknown> = {}): void {
  const file = process.env['CERT_TIMINGS'];
  if (!file) return;
  const where = audience ? { audience: audience.kind, cohort: audience.kind === 'cohort' ? audience.cohort : undefined } : {};
  appendFileSync(file, `${JSON.stringify({ step, ...where, ms: Math.round(ms), ...extra })}\n`);
}

/**
 * Moves the audience's last site out of the way and deletes it in the background: Astro would
 * otherwise empty the folder file by file before it starts (tens of thousands of files at cohort
 * scale). Pages Astro reuses come from its cache folder, not from the old site.
 */
function clearOldSite(audience: Audience): Promise<void> {
  const siteDir = join(root, audienceOutDir(audience));
  if (!existsSync(siteDir)) return Promise.resolve();
  const old = join(root, 'dist', `.old-${audienceCacheDir(audience).split('/').pop() ?? audience.kind}-${process.pid}`);
  renameSync(siteDir, old);
  return rm(old, { recursive: true, force: true });
}

/**
 * Compresses the pages Astro sends while it renders (src/integrations/audience.ts) into the
 * audience's compression cache, two at a time in zlib's threads, so the other core is busy while
 * Astro renders on one. Pages that arrive while too many wait are left to the pass after the build.
 */
function pageCompressor(cacheDir: string): { take: (message: unknown) => void; done: () => Promise<void> } {
  const waiting: Uint8Array[] = [];
  let active = 0;
  let idle: (() => void) | undefined;
  const next = () => {
    while (active < 2 && waiting.length) {
      const bytes = waiting.shift() as Uint8Array;
      active++;
      compressIntoCache(bytes, cacheDir)
        .catch(() => {})
        .finally(() => {
          active--;
          next();
        });
    }
    if (active === 0 && waiting.length === 0) idle?.();
  };
  return {
    take: (message) => {
      const page = message as Partial<RenderedPageMessage>;
      if (page?.type !== 'page' || !(page.bytes instanceof Uint8Array) || waiting.length >= 256) return;
      waiting.push(page.bytes);
      next();
    },
    done: () => (active === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve))),
  };
}

/** Astro's build of one audience. Its log goes to a file (a full pipe would stall it while this process compresses). */
function runAstroBuild(audience: Audience): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...signing.astroEnv, CERT_AUDIENCE: audience.kind, ASTRO_TELEMETRY_DISABLED: '1', CERT_INDEX_SEPARATELY: '1', CERT_PAGE_STREAM: '1' };
  if (audience.kind === 'cohort') env['CERT_COHORT'] = audience.cohort;
  else delete env['CERT_COHORT'];
  const cacheDir = join(root, audienceCacheDir(audience));
  mkdirSync(cacheDir, { recursive: true });
  const logFile = join(cacheDir, 'build.log');
  const fd = openSync(logFile, 'w');
  const compressor = pageCompressor(join(cacheDir, 'compressed'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, env, stdio: ['ignore', fd, fd, 'ipc'], serialization: 'advanced' });
    children.add(child);
    closeSync(fd);
    child.on('message', compressor.take);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      const log = readFileSync(logFile, 'utf8');
      if (process.env['CERT_BUILD_VERBOSE']) process.stderr.write(log);
      if (code === 0) compressor.done().then(resolve, reject);
      else reject(new Error(signal ? `stopped (${signal})` : log.trim().split('\n').slice(-40).join('\n')));
    });
  });
}

/** Indexes search shards on `workers` threads, each with a Pagefind service of its own. */
function indexInWorkers(workers: number): (jobs: ShardJob[]) => Promise<void> {
  return async (jobs) => {
    await Promise.all(
      balanceJobs(jobs, workers).map(
        (list) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('./lib/search-worker.ts', import.meta.url), { workerData: list });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search indexing stopped (exit ${code})`))));
          }),
      ),
    );
  };
}

/** Precompresses part of a site on a thread of its own (scripts/lib/compress-worker.ts). */
function compressInWorker(job: CompressJob): Promise<CompressResult> {
  return new Promise((resolve, reject) => {
    let result: CompressResult | undefined;
    const worker = new Worker(new URL('./lib/compress-worker.ts', import.meta.url), { workerData: job });
    worker.on('message', (message: CompressResult) => (result = message));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`compression stopped (exit ${code})`))));
  });
}

/**
 * Search index and compressed copies of a built site, side by side, then its `_headers` file.
 * `signed` is the signing of the site's credentials, still running: it writes no page, so search
 * indexing starts at once, and compression (which must include the signed files) waits for it.
 */
async function finishAudience(audience: Audience, workers: number, signed: Promise<unknown>): Promise<string> {
  const siteDir = join(root, audienceOutDir(audience));
  const cacheDir = join(root, audienceCacheDir(audience));
  const compressCache = join(cacheDir, 'compressed');
  const t = performance.now();
  // the pages are compressed on one thread while this one plans the search shards and the
  // workers index them; Pagefind's own files once it is done
  const pages = signed.then(() => compressInWorker({ siteDir, kind: audience.kind, cacheDir: compressCache, part: 'pages' }));
  let stats;
  try {
    stats = await indexSite(siteDir, { cacheDir, audience, run: indexInWorkers(workers) });
  } finally {
    await pages.catch(() => undefined);
  }
  await signed;
  const searchMs = performance.now() - t;
  const done = [await pages, await compressInWorker({ siteDir, kind: audience.kind, cacheDir: compressCache, part: 'search' })];
  pruneCache(compressCache, new Set(done.flatMap((d) => d.used)));
  const files = done.reduce((n, d) => n + d.files, 0);
  const reused = done.reduce((n, d) => n + d.reused, 0);
  const compressMs = done.reduce((n, d) => n + d.ms, 0);
  recordTiming('compress', audience, compressMs, { files, reused });
  return `search ${seconds(searchMs)} (${stats.shards - stats.reused} of ${stats.shards} shards indexed, the rest reused), compression ${seconds(compressMs)} (${files - reused} of ${files} files compressed, the rest reused)`;
}

function stopChildren(): void {
  for (const child of children) child.kill('SIGTERM');
}

async function main(): Promise<number> {
  let settings;
  try {
    settings = readSettings(root);
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : String(error));
    return 1;
  }
  // with split repositories, never build content that was not synced from every listed source
  const sync = syncState(root);
  if (sync.mode === 'unsynced') {
    console.error(sync.message);
    return 1;
  }
  const requested = values.audience;
  if (requested !== undefined && requested !== 'public' && requested !== 'cohort' && requested !== 'faculty') {
    console.error(`--audience must be public, cohort or faculty; got ${requested}`);
    return 2;
  }
  const kind: Audience['kind'] | undefined = requested;
  const plan = buildPlan(root, settings.demo, kind ? { kind, cohort: values.cohort } : undefined);
  if (plan.length === 0) {
    console.error(values.cohort ? `There is no cohort ${values.cohort} (looked in content/cohorts${settings.demo ? ' and content/demo/cohorts' : ''}).` : 'Nothing to build.');
    return 1;
  }
  try {
    await signing.check();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (!kind) rmSync('dist', { recursive: true, force: true });
  // sites an interrupted build had moved out of the way
  const leftovers = existsSync('dist') ? readdirSync('dist').filter((name) => name.startsWith('.old-')).map((name) => rm(join('dist', name), { recursive: true, force: true })) : [];

  const entries = countEntries(root, settings.demo);
  const budgetMb = Number(process.env['CERT_BUILD_MEMORY_MB']) || MEMORY_BUDGET_MB;
  const workers = finishEstimateMb(entries, cores) <= budgetMb ? cores : 1;
  const timings: string[] = [];
  const tasks: Task[] = plan.flatMap((audience, i) => {
    const label = audienceLabel(audience);
    let astroMs = 0;
    let signed: Promise<unknown> = Promise.resolve();
    return [
      {
        name: `astro ${label}`,
        estimateMb: astroEstimateMb(entries),
        // Astro builds share the project's .astro/ folder (the list of content modules): one at a time
        after: i > 0 ? [`astro ${audienceLabel(plan[i - 1] as Audience)}`] : [],
        run: async () => {
          const t = performance.now();
          process.stderr.write(`[${i + 1}/${plan.length}] building the ${label} site into ${audienceOutDir(audience)}/ …\n`);
          const clearing = clearOldSite(audience);
          await runAstroBuild(audience);
          await clearing;
          // credentials and their badges, signed in a process of their own while the site is
          // indexed for search (signing writes no page), before it is compressed
          signed = signing.sign(audience);
          signed.catch(() => {});
          astroMs = performance.now() - t;
          recordTiming('astro', audience, astroMs);
        },
      },
      {
        name: `finish ${label}`,
        estimateMb: finishEstimateMb(entries, workers),
        after: [`astro ${label}`],
        run: async () => {
          const t = performance.now();
          const note = await finishAudience(audience, workers, signed);
          const line = `${label}: ${seconds(astroMs + performance.now() - t)} (Astro ${seconds(astroMs)}, ${note})`;
          process.stderr.write(`[${i + 1}/${plan.length}] ${line}\n`);
          timings.push(line);
        },
      },
    ];
  });

  // the cross-file check runs here while the first Astro build starts in its own process
  const stop = new AbortController();
  const pipeline = runTasks(tasks, { budgetMb, concurrency: cores, signal: stop.signal });
  pipeline.catch(() => {});
  if (!values['skip-check']) {
    const t = performance.now();
    const problems = await precheck(root);
    recordTiming('precheck', undefined, performance.now() - t);
    if (problems.errors > 0) {
      // no further step starts: no other audience is built or signed from content with errors
      stop.abort(new Error('content has errors'));
      stopChildren();
      console.error(problems.text);
      console.error(`\nThe build stopped: fix the ${problems.errors} error${problems.errors === 1 ? '' : 's'} above (npm run validate shows them too).`);
      await pipeline.catch(() => {});
      return 1;
    }
    process.stderr.write(`checking content across files… done in ${seconds(performance.now() - t)}\n`);
  }
  try {
    await pipeline;
  } catch (error) {
    stopChildren();
    console.error(`\n${(error as Error).message}`);
    console.error(`\nThe build failed (full log: CERT_BUILD_VERBOSE=1 npm run build, or ${audienceCacheDir(plan[0] as Audience)}/build.log and the other audiences' build.log).`);
    return 1;
  }
  await Promise.all(leftovers);
  console.log(`Built ${plan.length} site${plan.length === 1 ? '' : 's'} in ${seconds(performance.now() - started)}:\n  ${timings.join('\n  ')}`);
  return 0;
}

const status = await main();
// a failed build may leave search workers running: stop everything now
if (status !== 0) process.exit(status);
