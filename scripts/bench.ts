/**
 * npm run bench [-- --participants N] [--entries M] [--sizes 300,1000,3000] [--no-growth] [--runs K]
 *                  [--keep DIR] [--no-peers] [--search] [--faculty-only] [--cpu-prof DIR]
 *
 * Benchmarks the project at cohort scale. For each size, generates a synthetic cohort
 * (scripts/lib/synthetic-cohort.ts) in a throwaway copy of the project (code copied, node_modules
 * linked package by package so the copy has its own Astro cache, content/ replaced with the real
 * program content plus the generated cohort, demo: false), then times:
 *
 *   - validate: `node scripts/validate.ts` (the CLI, as `npm run validate` runs it);
 *   - each audience's build, cold (no dist/, no caches): `node scripts/build.ts --audience
 *     public|cohort|faculty [--cohort C]`, with --skip-check except for the faculty build, which
 *     includes the cross-file check as `npm run build:faculty` does;
 *   - the faculty build warm: one entry's text changed, every cache of the cold build in place;
 *   - inside each build (CERT_TIMINGS, written by scripts/build.ts and src/lib/search-index.ts):
 *     the cross-file check, Astro, search indexing (shards indexed and reused) and compression;
 *     from Astro's log its content sync and page rendering.
 *
 * Wall-clock time, CPU time and the peak RSS of each command's process tree
 * (scripts/lib/measure.ts). With Hugo installed, the same entries are also built by Hugo and
 * Eleventy (peers.sh) and Hugo's output indexed by Pagefind, and the faculty build is compared
 * with Hugo + Pagefind. Progress goes to stderr; a table and one `BENCH_JSON {...}` line to stdout.
 *
 *   --participants N   participants (default 100); --entries M: entries per participant (default 30)
 *   --sizes a,b,c      total entries per size (participants = size / M); reports growth between sizes;
 *                      default: a third of N × M, and N × M (growth from 1,000 to 3,000 entries)
 *   --no-growth        only the size N × M
 *   --runs K           timed runs per size (default 1); the median time and the largest peak are reported
 *   --keep DIR         leave the generated projects (and build logs) in DIR
 *   --no-peers         skip Hugo, Eleventy and Pagefind over Hugo's output (peers.sh, found in
 *                      ../shared/bench/ above the project or at PEERS_SH; needs hugo)
 *   --search           also measure the search budget in Chromium on the faculty site of the
 *                      largest size (scripts/lib/search-budget.ts)
 *   --faculty-only     build only the faculty site (cold and warm)
 *   --cpu-prof DIR     profile the cold faculty build's Node processes (node --cpu-prof) into DIR;
 *                      summarise with: node scripts/lib/cpu-profile.ts DIR
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPlan } from '../src/lib/build-plan.ts';
import { audienceLabel, audienceOutDir } from '../src/lib/audience.ts';
import { measure, GNU_TIME, type Measured } from './lib/measure.ts';
import { PROJECT_ROOT, writePeersCorpus, writeSyntheticProject, type SyntheticContent } from './lib/synthetic-cohort.ts';

const USAGE = `Usage: npm run bench -- [--participants N] [--entries M] [--sizes 300,1000,3000] [--no-growth] [--runs K] [--keep DIR] [--no-peers] [--search] [--faculty-only] [--cpu-prof DIR]`;

/** The goals of issue 17, checked on every run. */
const TARGETS = { validateEntries: 3000, validateS: 3, coldOverPeers: 2.5, warmOverPeers: 1.5, peakMb: 1536 };
const MARKER = '.cert-bench';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const opt = (v: number | undefined) => (v !== undefined ? seconds(v) : '–');
const mb = (kb: number) => Math.round(kb / 1024);
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface StepResult {
  ms: number;
  cpuMs?: number | undefined;
  peakMb: number;
}

interface BuildResult extends StepResult {
  audience: string;
  /** `cold`, or `warm` (one entry changed, caches in place). */
  kind: 'cold' | 'warm';
  pages: number;
  /** The cross-file check (faculty builds only), Astro's build, search indexing, compression: timed by the build itself. */
  precheckMs?: number | undefined;
  astroMs?: number | undefined;
  searchMs?: number | undefined;
  shards?: number | undefined;
  reusedShards?: number | undefined;
  compressMs?: number | undefined;
  /** From Astro's log: content sync ("[types] Generated") and page rendering ("generating static routes"). */
  syncMs?: number | undefined;
  routesMs?: number | undefined;
  /** Pages Astro copied from the previous build instead of rendering. */
  copiedPages?: number | undefined;
}

interface SizeResult {
  entries: number;
  participants: number;
  cohorts: number;
  files: number;
  averageWords: number;
  validate: StepResult;
  builds: BuildResult[];
  /** All audiences' cold builds, one after the other (the sum of their times). */
  allBuildsMs: number;
  project?: string | undefined;
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim();
  return { nproc: Number(nproc) || cpus().length, cpu: model, ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, os: `${process.platform} ${process.arch}` };
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.isDirectory()) n += countHtml(join(dir, item.name));
    else if (item.name.endsWith('.html')) n++;
  }
  return n;
}

/** Phase times from the Astro log (CERT_BUILD_VERBOSE=1). */
function phases(logText: string): { syncMs?: number; routesMs?: number; copiedPages: number } {
  // eslint-disable-next-line no-control-regex
  const plain = logText.replace(/\u001b\[[0-9;]*m/g, '');
  const toMs = (value: string, unit: string) => Math.round(Number(value) * (unit === 's' ? 1000 : 1));
  const out: { syncMs?: number; routesMs?: number; copiedPages: number } = { copiedPages: (plain.match(/\((?:cached|restored)\)/g) ?? []).length };
  const sync = /\[types\] Generated ([\d.]+)(m?s)/.exec(plain);
  if (sync?.[1] && sync[2]) out.syncMs = toMs(sync[1], sync[2]);
  const routes = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(m?s)/.exec(plain);
  if (routes?.[1] && routes[2]) out.routesMs = toMs(routes[1], routes[2]);
  return out;
}

/** The steps a build timed itself (CERT_TIMINGS). */
function stepTimings(file: string): Pick<BuildResult, 'precheckMs' | 'astroMs' | 'searchMs' | 'shards' | 'reusedShards' | 'compressMs'> {
  if (!existsSync(file)) return {};
  const lines = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { step: string; ms: number; shards?: number; reused?: number });
  const step = (name: string) => lines.find((l) => l.step === name);
  const search = step('pagefind');
  return { precheckMs: step('precheck')?.ms, astroMs: step('astro')?.ms, searchMs: search?.ms, shards: search?.shards, reusedShards: search?.reused, compressMs: step('compress')?.ms };
}

function cleanBuildState(root: string): void {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(root, p), { recursive: true, force: true });
}

function checkMeasured(what: string, m: Measured): void {
  if (m.code !== 0) {
    process.stderr.write(`${m.stdout.slice(-4000)}\n${m.stderr.slice(-4000)}\n`);
    throw new Error(`${what} failed (exit ${m.code})`);
  }
}

/** Changes the text of one portfolio entry (the same one each time), as a participant's edit would. */
function editOneEntry(root: string, content: SyntheticContent, run: number): string {
  const entries = content.files.filter((f) => /^portfolios\/[^/]+\/[^/]+\.md$/.test(f.path)).map((f) => f.path).sort();
  const path = entries[Math.floor(entries.length / 2)];
  if (!path) throw new Error('the synthetic cohort has no Markdown entry to edit');
  appendFileSync(join(root, 'content', path), `\nAn afterthought, written on a later day (edit ${run}): the iceberg was deeper than it looked.\n`);
  return path;
}

interface RunOptions {
  cpuProf?: string | undefined;
  facultyOnly: boolean;
}

async function runOnce(root: string, content: SyntheticContent, run: number, options: RunOptions): Promise<{ validate: StepResult; builds: BuildResult[] }> {
  cleanBuildState(root);
  const logs = join(root, 'bench-logs');
  mkdirSync(logs, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CERT_BUILD_DATE: content.asOf,
    CERT_BUILD_VERBOSE: '1',
  };
  // as `npm run build` from a clean shell: no inherited profiling flags, and Astro's own production mode
  delete env['NODE_OPTIONS'];
  delete env['NODE_ENV'];

  log(`  validate …`);
  const v = await measure(process.execPath, ['scripts/validate.ts'], { cwd: root, env });
  checkMeasured('npm run validate', v);
  const validate: StepResult = { ms: v.ms, cpuMs: v.cpuMs, peakMb: mb(v.peakTreeKb) };
  log(`  validate: ${seconds(v.ms)}, ${validate.peakMb} MB — ${v.stdout.trim().split('\n').pop() ?? ''}`);

  const plan = buildPlan(root, false).filter((a) => !options.facultyOnly || a.kind === 'faculty');
  const builds: BuildResult[] = [];
  const steps = [...plan.map((audience) => ({ audience, kind: 'cold' as const })), ...plan.filter((a) => a.kind === 'faculty').map((audience) => ({ audience, kind: 'warm' as const }))];
  for (const { audience, kind } of steps) {
    const label = audienceLabel(audience);
    const args = ['scripts/build.ts', '--audience', audience.kind];
    if (audience.kind === 'cohort') args.push('--cohort', audience.cohort);
    if (audience.kind !== 'faculty') args.push('--skip-check');
    const timings = join(logs, `timings-${run}-${kind}-${label.replace(/\s+/g, '-')}.jsonl`);
    rmSync(timings, { force: true });
    const buildEnv: NodeJS.ProcessEnv = { ...env, CERT_TIMINGS: timings };
    if (audience.kind === 'faculty' && kind === 'cold' && options.cpuProf) buildEnv['NODE_OPTIONS'] = `--cpu-prof --cpu-prof-dir=${resolve(options.cpuProf)}`;
    if (kind === 'warm') log(`  one entry changed: ${editOneEntry(root, content, run)}`);
    log(`  build ${label} (${kind}) …`);
    const m = await measure(process.execPath, args, { cwd: root, env: buildEnv });
    writeFileSync(join(logs, `${run}-${kind}-${label.replace(/\s+/g, '-')}.log`), m.stderr);
    checkMeasured(`the ${kind} ${label} build`, m);
    const result: BuildResult = {
      audience: label,
      kind,
      ms: m.ms,
      cpuMs: m.cpuMs,
      peakMb: mb(m.peakTreeKb),
      pages: countHtml(join(root, audienceOutDir(audience))),
      ...stepTimings(timings),
      ...phases(m.stderr),
    };
    builds.push(result);
    log(`  build ${label} (${kind}): ${seconds(m.ms)} (${result.pages} pages, ${result.peakMb} MB)`);
  }
  return { validate, builds };
}

function medianStep<T extends StepResult>(runs: readonly T[]): T {
  const ms = median(runs.map((r) => r.ms));
  // the run whose time is the median (or closest), with the largest peak memory of all runs
  const pick = [...runs].sort((a, b) => Math.abs(a.ms - ms) - Math.abs(b.ms - ms))[0] as T;
  return { ...pick, ms, peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

interface PeersResult {
  /** Hugo + Pagefind, each time it was measured. */
  measurements?: number[] | undefined;
  hugoS?: number | undefined;
  eleventyS?: number | undefined;
  hugoPagefindS?: number | undefined;
  hugoPlusPagefindS?: number | undefined;
  coldOverPeers?: number | undefined;
  warmOverPeers?: number | undefined;
  entries: number;
  note?: string | undefined;
}

/** peers.sh: PEERS_SH, or shared/bench/peers.sh in the project's parent folder or one above it. */
function findPeersScript(): string | undefined {
  if (process.env['PEERS_SH']) return process.env['PEERS_SH'];
  let dir = dirname(PROJECT_ROOT);
  for (let i = 0; i < 3; i++) {
    const candidate = join(dir, 'shared/bench/peers.sh');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

async function runPeers(dir: string, content: SyntheticContent, runs: number): Promise<PeersResult> {
  const script = findPeersScript();
  const entries = content.peers.length;
  if (!script || !existsSync(script)) return { entries, note: `peers.sh not found (looked for shared/bench/peers.sh above ${PROJECT_ROOT}; set PEERS_SH)` };
  if (spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).status !== 0) {
    return { entries, note: 'hugo is not installed (apt-get install -y hugo); peers skipped' };
  }
  const corpus = join(dir, 'peers');
  writePeersCorpus(corpus, content);
  log(`peers: Hugo and Eleventy over ${entries} entries (${script}) …`);
  const result = spawnSync('bash', [script, '-n', String(runs), '-w', '0', '-k', corpus], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stderr.write(result.stderr.split('\n').filter((l) => l.startsWith('[peers]')).join('\n') + '\n');
  const value = (name: string) => {
    const m = new RegExp(`^${name}=([\\d.]+)$`, 'm').exec(result.stdout);
    return m?.[1] ? Number(m[1]) : undefined;
  };
  const out: PeersResult = { entries, hugoS: value('hugo_s'), eleventyS: value('eleventy_s') };
  const work = /work dir kept: (\S+)/.exec(result.stderr)?.[1];
  if (work && existsSync(join(work, 'hugo/public'))) {
    log('peers: Pagefind over Hugo’s output …');
    const pagefind = await import('pagefind');
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: join(work, 'hugo/public') });
    await index.writeFiles({ outputPath: join(work, 'hugo/public/pagefind') });
    await index.deleteIndex();
    await pagefind.close();
    out.hugoPagefindS = (performance.now() - started) / 1000;
    log(`peers: Pagefind indexed ${added.page_count} Hugo pages in ${out.hugoPagefindS.toFixed(2)} s`);
    if (out.hugoS !== undefined) out.hugoPlusPagefindS = out.hugoS + out.hugoPagefindS;
  }
  if (work) rmSync(work, { recursive: true, force: true });
  return out;
}

/** The mean of the reference's measurements (before and after our builds). */
function combinePeers(runs: readonly PeersResult[]): PeersResult | undefined {
  const first = runs[0];
  if (!first || first.note) return first;
  const mean = (pick: (r: PeersResult) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
  };
  return {
    entries: first.entries,
    hugoS: mean((r) => r.hugoS),
    eleventyS: mean((r) => r.eleventyS),
    hugoPagefindS: mean((r) => r.hugoPagefindS),
    hugoPlusPagefindS: mean((r) => r.hugoPlusPagefindS),
    measurements: runs.map((r) => r.hugoPlusPagefindS).filter((v): v is number => v !== undefined),
  };
}

function prepareDir(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) throw new Error(`${dir} exists and was not made by the benchmark; give an empty or new folder to --keep`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'made by scripts/bench.ts; deleted and remade by the next run with the same --keep\n');
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      allowNegative: true,
      options: {
        participants: { type: 'string', default: '100' },
        entries: { type: 'string', default: '30' },
        sizes: { type: 'string' },
        growth: { type: 'boolean', default: true },
        runs: { type: 'string', default: '1' },
        keep: { type: 'string' },
        peers: { type: 'boolean', default: true },
        search: { type: 'boolean', default: false },
        'faculty-only': { type: 'boolean', default: false },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const perParticipant = Number(values.entries);
  const participants = Number(values.participants);
  const runs = Number(values.runs);
  if (![perParticipant, participants, runs].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write(`--participants, --entries and --runs must be whole numbers above 0\n${USAGE}\n`);
    return 2;
  }
  const total = participants * perParticipant;
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim()))
    : values.growth && total >= 3 * perParticipant
      ? [Math.round(total / 3), total]
      : [total];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write(`--sizes must be whole numbers above 0, separated by commas\n${USAGE}\n`);
    return 2;
  }
  sizes.sort((a, b) => a - b);
  if (!existsSync(GNU_TIME)) log(`${GNU_TIME} is missing (apt-get install -y time): CPU times are not reported; memory is sampled from /proc only`);

  // other work on the machine slows every figure: the load average is reported with them
  const loadAtStart = loadavg()[0] ?? 0;
  const keep = values.keep ? resolve(values.keep) : undefined;
  const work = keep ?? mkdtempSync(join(tmpdir(), 'cert-bench-'));
  if (keep) prepareDir(keep);
  const results: SizeResult[] = [];
  let largest: { root: string; content: SyntheticContent } | undefined;
  const needLargest = values.peers || values.search;
  const peerRuns: PeersResult[] = [];
  try {
    for (const size of sizes) {
      const people = size === total ? participants : Math.max(1, Math.round(size / perParticipant));
      const root = join(work, `size-${size}`);
      rmSync(root, { recursive: true, force: true });
      log(`size ${size}: generating ${people} participants × ~${Math.round(size / people)} entries in ${root} …`);
      const t = performance.now();
      const project = writeSyntheticProject(root, { participants: people, totalEntries: size });
      const s = project.content.stats;
      log(
        `size ${size}: ${project.content.files.length} files (${s.cohorts} cohorts, ${s.sessions} sessions, ${s.entries} entries averaging ${s.averageWords} words, ${s.mdx} .mdx, ${s.images} images, ${s.assessments} assessments, ${s.decisions} decisions) in ${seconds(performance.now() - t)}`,
      );
      // the reference is measured just before and just after our builds of the largest size, so a
      // change in the machine's load during the run weighs on both sides of the ratio alike
      const largestSize = size === sizes[sizes.length - 1];
      if (values.peers && largestSize) peerRuns.push(await runPeers(keep ?? work, project.content, runs));
      const perRun: { validate: StepResult; builds: BuildResult[] }[] = [];
      for (let run = 1; run <= runs; run++) {
        if (runs > 1) log(` run ${run}/${runs}`);
        perRun.push(await runOnce(root, project.content, run, { cpuProf: values['cpu-prof'], facultyOnly: values['faculty-only'] }));
      }
      const validate = medianStep(perRun.map((r) => r.validate));
      const builds = (perRun[0]?.builds ?? []).map((b) => {
        const all = perRun.map((r) => r.builds.find((x) => x.audience === b.audience && x.kind === b.kind)).filter((x): x is BuildResult => x !== undefined);
        return medianStep(all);
      });
      results.push({
        entries: s.entries,
        participants: s.participants,
        cohorts: s.cohorts,
        files: project.content.files.length,
        averageWords: s.averageWords,
        validate,
        builds,
        allBuildsMs: builds.filter((b) => b.kind === 'cold').reduce((n, b) => n + b.ms, 0),
        project: keep ? root : undefined,
      });
      if (needLargest && size === sizes[sizes.length - 1]) largest = { root, content: project.content };
      else if (!keep) rmSync(root, { recursive: true, force: true });
    }

    if (values.peers && largest) peerRuns.push(await runPeers(keep ?? work, largest.content, runs));
    const peers = combinePeers(peerRuns);

    // ------------------------------------------------------------ report
    const m = machine();
    const date = new Date().toISOString().slice(0, 10);
    const out: string[] = [];
    const load = { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    const faculty = (r: SizeResult | undefined, kind: 'cold' | 'warm') => r?.builds.find((b) => b.audience === 'faculty' && b.kind === kind);
    out.push(
      `Benchmark ${date}: ${m.nproc} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}; median of ${runs} run${runs === 1 ? '' : 's'}; load average ${load.start} at the start, ${load.end} at the end (other work on the machine slows every figure: compare ratios within one run)`,
    );
    out.push('');
    out.push('| entries | participants | cohorts | validate | public build | cohort builds (sum) | faculty cold, check and search included | faculty warm (one entry changed) | faculty pages | peak RSS (any build) | all cold builds |');
    out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const pub = r.builds.find((b) => b.audience === 'public');
      const cohorts = r.builds.filter((b) => b.audience.startsWith('cohort'));
      const cold = faculty(r, 'cold');
      const warm = faculty(r, 'warm');
      const peak = Math.max(r.validate.peakMb, ...r.builds.map((b) => b.peakMb));
      out.push(
        `| ${r.entries} | ${r.participants} | ${r.cohorts} | ${seconds(r.validate.ms)} | ${pub ? seconds(pub.ms) : '–'} | ${cohorts.length ? `${seconds(cohorts.reduce((n, b) => n + b.ms, 0))} (${cohorts.length})` : '–'} | ${cold ? seconds(cold.ms) : '–'} | ${warm ? seconds(warm.ms) : '–'} | ${cold?.pages ?? '–'} | ${peak} MB | ${seconds(r.allBuildsMs)} |`,
      );
    }
    out.push('');
    out.push('Where the time goes, per build (wall / CPU user+sys of the process tree / peak RSS of the tree; the steps as the build timed them; content sync and page rendering from Astro\'s log):');
    out.push('');
    out.push('| entries | build | wall | CPU | peak RSS | pages | cross-file check | Astro | of which content sync | of which rendering | pages copied | search | shards indexed / all | compression |');
    out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      out.push(`| ${r.entries} | validate | ${seconds(r.validate.ms)} | ${opt(r.validate.cpuMs)} | ${r.validate.peakMb} MB | | | | | | | | | |`);
      for (const b of r.builds) {
        const shards = b.shards !== undefined ? `${b.shards - (b.reusedShards ?? 0)} / ${b.shards}` : '–';
        out.push(
          `| ${r.entries} | ${b.audience}${b.kind === 'warm' ? ' (warm)' : ''} | ${seconds(b.ms)} | ${opt(b.cpuMs)} | ${b.peakMb} MB | ${b.pages} | ${opt(b.precheckMs)} | ${opt(b.astroMs)} | ${opt(b.syncMs)} | ${opt(b.routesMs)} | ${b.copiedPages ?? 0} | ${opt(b.searchMs)} | ${shards} | ${opt(b.compressMs)} |`,
        );
      }
    }

    const growth: { from: number; to: number; entriesRatio: number; validate: number; facultyCold: number; facultyWarm?: number | undefined; facultyCpu?: number | undefined; allBuilds: number }[] = [];
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1] as SizeResult;
      const b = results[i] as SizeResult;
      const ca = faculty(a, 'cold');
      const cb = faculty(b, 'cold');
      const wa = faculty(a, 'warm');
      const wb = faculty(b, 'warm');
      growth.push({
        from: a.entries,
        to: b.entries,
        entriesRatio: b.entries / a.entries,
        validate: b.validate.ms / a.validate.ms,
        facultyCold: ca && cb ? cb.ms / ca.ms : NaN,
        facultyWarm: wa && wb ? wb.ms / wa.ms : undefined,
        facultyCpu: ca?.cpuMs && cb?.cpuMs ? cb.cpuMs / ca.cpuMs : undefined,
        allBuilds: b.allBuildsMs / a.allBuildsMs,
      });
    }
    if (growth.length) {
      out.push('');
      out.push('Growth (time at the larger size / time at the smaller; linear growth is the entries ratio):');
      out.push('');
      out.push('| sizes | entries × | validate × | faculty cold × | faculty warm × | faculty cold CPU × | all cold builds × |');
      out.push('|---|---:|---:|---:|---:|---:|---:|');
      for (const g of growth) {
        out.push(`| ${g.to} / ${g.from} | ${g.entriesRatio.toFixed(2)} | ${g.validate.toFixed(2)} | ${g.facultyCold.toFixed(2)} | ${g.facultyWarm?.toFixed(2) ?? '–'} | ${g.facultyCpu?.toFixed(2) ?? '–'} | ${g.allBuilds.toFixed(2)} |`);
      }
    }

    const last = results[results.length - 1];
    if (peers) {
      const cold = faculty(last, 'cold');
      const warm = faculty(last, 'warm');
      if (peers.hugoPlusPagefindS && cold) peers.coldOverPeers = cold.ms / 1000 / peers.hugoPlusPagefindS;
      if (peers.hugoPlusPagefindS && warm) peers.warmOverPeers = warm.ms / 1000 / peers.hugoPlusPagefindS;
      out.push('');
      if (peers.note) out.push(`Peers: ${peers.note}`);
      else {
        out.push(
          `Peers at ${peers.entries} entries (same bodies; entry and participant pages only; peers.sh -n ${runs} -w 0), measured in this run before and after our builds (Hugo + Pagefind: ${(peers.measurements ?? []).map((v) => `${v.toFixed(2)} s`).join(', then ')}; the mean below):`,
        );
        out.push('');
        out.push('| tool | seconds |');
        out.push('|---|---:|');
        out.push(`| Hugo | ${peers.hugoS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Pagefind over Hugo's output | ${peers.hugoPagefindS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Hugo + Pagefind | ${peers.hugoPlusPagefindS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Eleventy 3 | ${peers.eleventyS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| our faculty build, cold | ${cold ? (cold.ms / 1000).toFixed(2) : 'NA'} |`);
        out.push(`| our faculty build, warm | ${warm ? (warm.ms / 1000).toFixed(2) : 'NA'} |`);
        if (peers.coldOverPeers) out.push(`\nOur faculty build takes ${peers.coldOverPeers.toFixed(2)}× the time of Hugo + Pagefind cold${peers.warmOverPeers ? `, and ${peers.warmOverPeers.toFixed(2)}× after one entry changed` : ''}.`);
      }
    }

    // targets: every run is checked against the goals it can show
    const targets: Record<string, { value: number; limit: number; met: boolean }> = {};
    const atValidateSize = results.find((r) => r.entries === TARGETS.validateEntries) ?? (last && last.entries >= TARGETS.validateEntries ? last : undefined);
    if (atValidateSize) targets['validateS'] = { value: atValidateSize.validate.ms / 1000, limit: TARGETS.validateS, met: atValidateSize.validate.ms / 1000 <= TARGETS.validateS };
    if (peers?.coldOverPeers !== undefined) targets['facultyColdOverHugoPagefind'] = { value: peers.coldOverPeers, limit: TARGETS.coldOverPeers, met: peers.coldOverPeers <= TARGETS.coldOverPeers };
    if (peers?.warmOverPeers !== undefined) targets['facultyWarmOverHugoPagefind'] = { value: peers.warmOverPeers, limit: TARGETS.warmOverPeers, met: peers.warmOverPeers <= TARGETS.warmOverPeers };
    const peak = Math.max(...results.flatMap((r) => [r.validate.peakMb, ...r.builds.map((b) => b.peakMb)]));
    targets['peakMb'] = { value: peak, limit: TARGETS.peakMb, met: peak <= TARGETS.peakMb };
    const g = growth.find((x) => x.to === results[results.length - 1]?.entries && x.from === results[0]?.entries) ?? growth[growth.length - 1];
    if (g) {
      targets['growthFacultyCold'] = { value: g.facultyCold, limit: g.entriesRatio, met: g.facultyCold <= g.entriesRatio };
      if (g.facultyWarm !== undefined) targets['growthFacultyWarm'] = { value: g.facultyWarm, limit: g.entriesRatio, met: g.facultyWarm <= g.entriesRatio };
    }
    out.push('');
    out.push(`Targets (issue 17; growth is ${g ? `${g.to} against ${g.from} entries, linear = ${g.entriesRatio.toFixed(2)}` : 'not measured: one size only'}):`);
    for (const [name, t] of Object.entries(targets)) out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${name}: ${t.value.toFixed(2)} (limit ${t.limit.toFixed(2)})`);

    let search: unknown;
    if (values.search && largest) {
      const site = join(largest.root, 'dist/faculty');
      if (!existsSync(join(site, 'browse/index.html'))) {
        out.push('', 'Search budget: no faculty site was built');
      } else {
        log(`search budget: Chromium on ${site} …`);
        const { runSearchBudget } = await import('./lib/search-budget.ts');
        const figures = await runSearchBudget(site, largest.content.queryWords);
        search = figures;
        out.push('');
        out.push(`Search budget on the faculty site of ${largest.content.stats.entries} entries (Chromium; bytes are encoded transfer sizes):`);
        out.push(`  index loaded (browse page and first listing): ${Math.round(figures.initialBytes / 1024)} KB in ${figures.initialRequests} requests`);
        out.push(`  first query "${figures.firstQueryWord}": ${Math.round(figures.firstQueryBytes / 1024)} KB in ${figures.firstQueryRequests} requests, results after ${Math.round(figures.firstQueryMs)} ms (budget 300 KB)`);
        out.push(`  later queries, keystroke to results: median ${Math.round(figures.medianQueryMs)} ms of ${figures.queryMs.map((x) => Math.round(x)).join(', ')} ms (budget 300 ms)`);
      }
    }

    process.stdout.write(`${out.join('\n')}\n`);
    const json = {
      date,
      machine: m,
      load,
      runs,
      results: results.map((r) => ({ ...r, validate: { ...r.validate, ms: Math.round(r.validate.ms) }, builds: r.builds.map((b) => ({ ...b, ms: Math.round(b.ms) })), allBuildsMs: Math.round(r.allBuildsMs) })),
      growth,
      targets,
      peers,
      search,
    };
    process.stdout.write(`BENCH_JSON ${JSON.stringify(json)}\n`);
    return 0;
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
    else log(`projects kept in ${keep}`);
  }
}

process.exitCode = await main();
