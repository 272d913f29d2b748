/**
 * npm run bench [-- --participants N] [--entries M] [--sizes 300,1000,3000] [--runs K] [--keep DIR]
 *                  [--peers] [--search] [--faculty-only] [--cpu-prof DIR]
 *
 * Benchmarks the project at cohort scale. For each size, generates a synthetic cohort
 * (scripts/lib/synthetic-cohort.ts) in a throwaway copy of the project (code copied, node_modules
 * linked package by package so the copy has its own Astro cache, content/ replaced with the real
 * program content plus the generated cohort, demo: false), then times, cold (no dist/, no Astro
 * cache), each of:
 *
 *   - validate: `node scripts/validate.ts` (the CLI, as `npm run validate` runs it);
 *   - each audience's build: `node scripts/build.ts --audience public|cohort|faculty [--cohort C]`,
 *     with --skip-check except for the faculty build, which includes the cross-file check (the
 *     gate) as `npm run build:faculty` does; each build indexes its site with Pagefind;
 *   - Pagefind indexing, timed inside the build (CERT_TIMINGS, see src/lib/search-index.ts).
 *
 * Wall-clock time, CPU time and the peak RSS of each command's process tree
 * (scripts/lib/measure.ts). Progress goes to stderr; a table and one `BENCH_JSON {...}` line to
 * stdout.
 *
 *   --participants N   participants (default 100); --entries M: entries per participant (default 30)
 *   --sizes a,b,c      total entries per size (participants = size / M); reports growth between sizes
 *   --runs K           timed runs per size (default 1); the median is reported
 *   --keep DIR         leave the generated projects (and build logs) in DIR
 *   --peers            also build the same entries with Hugo and Eleventy (../shared/bench/peers.sh,
 *                      or PEERS_SH), index Hugo's output with Pagefind, and report the ratio
 *   --search           also measure the search budget in Chromium on the faculty site of the
 *                      largest size (scripts/lib/search-budget.ts)
 *   --faculty-only     build only the faculty site
 *   --cpu-prof DIR     profile the faculty build's Node processes (node --cpu-prof) into DIR;
 *                      summarise with: node scripts/lib/cpu-profile.ts DIR
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPlan } from '../src/lib/build-plan.ts';
import { audienceLabel, audienceOutDir, type Audience } from '../src/lib/audience.ts';
import { measure, GNU_TIME, type Measured } from './lib/measure.ts';
import { PROJECT_ROOT, writePeersCorpus, writeSyntheticProject, type SyntheticContent } from './lib/synthetic-cohort.ts';

const USAGE = `Usage: npm run bench -- [--participants N] [--entries M] [--sizes 300,1000,3000] [--runs K] [--keep DIR] [--peers] [--search] [--faculty-only] [--cpu-prof DIR]`;

const TARGETS = { entries: 3000, validateS: 3, facultyS: 16, peakMb: 1536, growth: 3.3 };
const MARKER = '.cert-bench';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
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
  pages: number;
  /** The cross-file check inside the faculty build (ms), from build.ts's own report. */
  gateMs?: number | undefined;
  pagefindMs?: number | undefined;
  /** Astro's content sync ("[types] Generated") and page rendering ("generating static routes"). */
  syncMs?: number | undefined;
  routesMs?: number | undefined;
  /** Astro's own report of its build ("N page(s) built in"), Pagefind included; the rest of the wall time is process start-up, the gate and what build.ts does after Astro. */
  astroMs?: number | undefined;
}

interface SizeResult {
  entries: number;
  participants: number;
  cohorts: number;
  files: number;
  averageWords: number;
  validate: StepResult;
  builds: BuildResult[];
  /** All audiences, one after the other (the sum of the build times). */
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
function phases(logText: string): { syncMs?: number; routesMs?: number; astroMs?: number } {
  // eslint-disable-next-line no-control-regex
  const plain = logText.replace(/\u001b\[[0-9;]*m/g, '');
  const toMs = (value: string, unit: string) => Math.round(Number(value) * (unit === 's' ? 1000 : 1));
  const out: { syncMs?: number; routesMs?: number; astroMs?: number } = {};
  const sync = /\[types\] Generated ([\d.]+)(m?s)/.exec(plain);
  if (sync?.[1] && sync[2]) out.syncMs = toMs(sync[1], sync[2]);
  const routes = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(m?s)/.exec(plain);
  if (routes?.[1] && routes[2]) out.routesMs = toMs(routes[1], routes[2]);
  const built = /page\(s\) built in ([\d.]+)(m?s)/.exec(plain);
  if (built?.[1] && built[2]) out.astroMs = toMs(built[1], built[2]);
  return out;
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

interface RunOptions {
  cpuProf?: string | undefined;
  facultyOnly: boolean;
}

async function runOnce(root: string, content: SyntheticContent, run: number, options: RunOptions): Promise<{ validate: StepResult; builds: BuildResult[] }> {
  cleanBuildState(root);
  const logs = join(root, 'bench-logs');
  mkdirSync(logs, { recursive: true });
  const timings = join(logs, `timings-${run}.jsonl`);
  rmSync(timings, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CERT_AS_OF: content.asOf,
    CERT_TIMINGS: timings,
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
  for (const audience of plan) {
    const label = audienceLabel(audience);
    const args = ['scripts/build.ts', '--audience', audience.kind];
    if (audience.kind === 'cohort') args.push('--cohort', audience.cohort);
    if (audience.kind !== 'faculty') args.push('--skip-check');
    const buildEnv = { ...env };
    if (audience.kind === 'faculty' && options.cpuProf) buildEnv['NODE_OPTIONS'] = `--cpu-prof --cpu-prof-dir=${resolve(options.cpuProf)}`;
    log(`  build ${label} …`);
    const m = await measure(process.execPath, args, { cwd: root, env: buildEnv });
    writeFileSync(join(logs, `${run}-${label.replace(/\s+/g, '-')}.log`), m.stderr);
    checkMeasured(`the ${label} build`, m);
    const gate = /checking content across files… done in ([\d.]+) s/.exec(m.stderr);
    const result: BuildResult = {
      audience: label,
      ms: m.ms,
      cpuMs: m.cpuMs,
      peakMb: mb(m.peakTreeKb),
      pages: countHtml(join(root, audienceOutDir(audience))),
      gateMs: gate?.[1] ? Math.round(Number(gate[1]) * 1000) : undefined,
      ...phases(m.stderr),
    };
    builds.push(result);
    log(`  build ${label}: ${seconds(m.ms)} (${result.pages} pages, ${result.peakMb} MB)`);
  }
  // Pagefind, timed inside each build
  if (existsSync(timings)) {
    for (const line of readFileSync(timings, 'utf8').trim().split('\n')) {
      const t = JSON.parse(line) as { audience: string; cohort?: string; ms: number };
      const label = audienceLabel(t.audience === 'cohort' ? { kind: 'cohort', cohort: t.cohort ?? '' } : ({ kind: t.audience } as Audience));
      const b = builds.find((x) => x.audience === label);
      if (b) b.pagefindMs = t.ms;
    }
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
  hugoS?: number | undefined;
  eleventyS?: number | undefined;
  hugoPagefindS?: number | undefined;
  hugoPlusPagefindS?: number | undefined;
  facultyOverHugoPagefind?: number | undefined;
  entries: number;
  note?: string | undefined;
}

async function runPeers(dir: string, content: SyntheticContent, runs: number): Promise<PeersResult> {
  const script = process.env['PEERS_SH'] ?? resolve(PROJECT_ROOT, '../shared/bench/peers.sh');
  const entries = content.peers.length;
  if (!existsSync(script)) return { entries, note: `peers.sh not found at ${script} (set PEERS_SH)` };
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
      options: {
        participants: { type: 'string', default: '100' },
        entries: { type: 'string', default: '30' },
        sizes: { type: 'string' },
        runs: { type: 'string', default: '1' },
        keep: { type: 'string' },
        peers: { type: 'boolean', default: false },
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
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim()))
    : [participants * perParticipant];
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
  try {
    for (const size of sizes) {
      const people = values.sizes ? Math.max(1, Math.round(size / perParticipant)) : participants;
      const root = join(work, `size-${size}`);
      rmSync(root, { recursive: true, force: true });
      log(`size ${size}: generating ${people} participants × ~${Math.round(size / people)} entries in ${root} …`);
      const t = performance.now();
      const project = writeSyntheticProject(root, { participants: people, totalEntries: size });
      const s = project.content.stats;
      log(
        `size ${size}: ${project.content.files.length} files (${s.cohorts} cohorts, ${s.sessions} sessions, ${s.entries} entries averaging ${s.averageWords} words, ${s.mdx} .mdx, ${s.images} images, ${s.assessments} assessments, ${s.decisions} decisions) in ${seconds(performance.now() - t)}`,
      );
      const perRun: { validate: StepResult; builds: BuildResult[] }[] = [];
      for (let run = 1; run <= runs; run++) {
        if (runs > 1) log(` run ${run}/${runs}`);
        perRun.push(await runOnce(root, project.content, run, { cpuProf: values['cpu-prof'], facultyOnly: values['faculty-only'] }));
      }
      const validate = medianStep(perRun.map((r) => r.validate));
      const builds = (perRun[0]?.builds ?? []).map((b) => {
        const all = perRun.map((r) => r.builds.find((x) => x.audience === b.audience)).filter((x): x is BuildResult => x !== undefined);
        const m = medianStep(all);
        return { ...m, pagefindMs: median(all.map((x) => x.pagefindMs ?? 0)) || undefined, gateMs: all[0]?.gateMs };
      });
      results.push({
        entries: s.entries,
        participants: s.participants,
        cohorts: s.cohorts,
        files: project.content.files.length,
        averageWords: s.averageWords,
        validate,
        builds,
        allBuildsMs: builds.reduce((n, b) => n + b.ms, 0),
        project: keep ? root : undefined,
      });
      if (needLargest && size === sizes[sizes.length - 1]) largest = { root, content: project.content };
      else if (!keep) rmSync(root, { recursive: true, force: true });
    }

    // ------------------------------------------------------------ report
    const m = machine();
    const date = new Date().toISOString().slice(0, 10);
    const out: string[] = [];
    const load = { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    out.push(
      `Benchmark ${date}: ${m.nproc} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}; cold builds, median of ${runs} run${runs === 1 ? '' : 's'}; load average ${load.start} at the start, ${load.end} at the end`,
    );
    out.push('');
    out.push('| entries | participants | cohorts | validate | public build | cohort builds (sum) | faculty build incl. gate | of which gate | of which Astro | of which Pagefind | faculty pages | faculty peak RSS | all builds |');
    out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const pub = r.builds.find((b) => b.audience === 'public');
      const fac = r.builds.find((b) => b.audience === 'faculty');
      const cohorts = r.builds.filter((b) => b.audience.startsWith('cohort'));
      out.push(
        `| ${r.entries} | ${r.participants} | ${r.cohorts} | ${seconds(r.validate.ms)} | ${pub ? seconds(pub.ms) : '–'} | ${cohorts.length ? `${seconds(cohorts.reduce((n, b) => n + b.ms, 0))} (${cohorts.length})` : '–'} | ${fac ? seconds(fac.ms) : '–'} | ${fac?.gateMs !== undefined ? seconds(fac.gateMs) : '–'} | ${fac?.astroMs !== undefined ? seconds(fac.astroMs) : '–'} | ${fac?.pagefindMs !== undefined ? seconds(fac.pagefindMs) : '–'} | ${fac?.pages ?? '–'} | ${fac ? `${fac.peakMb} MB` : '–'} | ${seconds(r.allBuildsMs)} |`,
      );
    }
    out.push('');
    out.push('Per build (wall / CPU user+sys of the process tree / peak RSS of the process tree / pages; from Astro\'s log: its own build time, Pagefind included, content sync and page rendering; Pagefind timed inside the build):');
    out.push('');
    out.push('| entries | build | wall | CPU | peak RSS | pages | Astro | content sync | rendering | Pagefind |');
    out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      out.push(`| ${r.entries} | validate | ${seconds(r.validate.ms)} | ${r.validate.cpuMs !== undefined ? seconds(r.validate.cpuMs) : '–'} | ${r.validate.peakMb} MB | | | | | |`);
      for (const b of r.builds) {
        const opt = (v: number | undefined) => (v !== undefined ? seconds(v) : '–');
        out.push(`| ${r.entries} | ${b.audience} | ${seconds(b.ms)} | ${opt(b.cpuMs)} | ${b.peakMb} MB | ${b.pages} | ${opt(b.astroMs)} | ${opt(b.syncMs)} | ${opt(b.routesMs)} | ${opt(b.pagefindMs)} |`);
      }
    }

    const growth: { from: number; to: number; entriesRatio: number; validate: number; faculty: number; facultyCpu?: number | undefined; allBuilds: number }[] = [];
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1] as SizeResult;
      const b = results[i] as SizeResult;
      const fa = a.builds.find((x) => x.audience === 'faculty');
      const fb = b.builds.find((x) => x.audience === 'faculty');
      growth.push({
        from: a.entries,
        to: b.entries,
        entriesRatio: b.entries / a.entries,
        validate: b.validate.ms / a.validate.ms,
        faculty: fa && fb ? fb.ms / fa.ms : NaN,
        facultyCpu: fa?.cpuMs && fb?.cpuMs ? fb.cpuMs / fa.cpuMs : undefined,
        allBuilds: b.allBuildsMs / a.allBuildsMs,
      });
    }
    if (growth.length) {
      out.push('');
      out.push('Growth (time at the larger size / time at the smaller):');
      out.push('');
      out.push('| sizes | entries × | validate × | faculty build × | faculty CPU × | all builds × |');
      out.push('|---|---:|---:|---:|---:|---:|');
      for (const g of growth) {
        out.push(`| ${g.to} / ${g.from} | ${g.entriesRatio.toFixed(2)} | ${g.validate.toFixed(2)} | ${g.faculty.toFixed(2)} | ${g.facultyCpu?.toFixed(2) ?? '–'} | ${g.allBuilds.toFixed(2)} |`);
      }
    }

    // targets, at the size of the issue (3,000 entries) when it was run
    const atTarget = results.find((r) => r.entries === TARGETS.entries);
    const targets: Record<string, { value: number; limit: number; met: boolean }> = {};
    if (atTarget) {
      const fac = atTarget.builds.find((b) => b.audience === 'faculty');
      targets['validateS'] = { value: atTarget.validate.ms / 1000, limit: TARGETS.validateS, met: atTarget.validate.ms / 1000 < TARGETS.validateS };
      if (fac) {
        targets['facultyS'] = { value: fac.ms / 1000, limit: TARGETS.facultyS, met: fac.ms / 1000 < TARGETS.facultyS };
        const peak = Math.max(fac.peakMb, ...atTarget.builds.map((b) => b.peakMb), atTarget.validate.peakMb);
        targets['peakMb'] = { value: peak, limit: TARGETS.peakMb, met: peak < TARGETS.peakMb };
      }
      const g = growth.find((x) => x.to === TARGETS.entries && x.from === 1000);
      if (g) targets['growth3000over1000'] = { value: g.faculty, limit: TARGETS.growth, met: g.faculty <= TARGETS.growth };
      out.push('');
      out.push(`Targets at ${TARGETS.entries} entries:`);
      for (const [name, t] of Object.entries(targets)) out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${name}: ${t.value.toFixed(2)} (limit ${t.limit})`);
    }

    let peers: PeersResult | undefined;
    if (values.peers && largest) {
      peers = await runPeers(keep ?? work, largest.content, runs);
      const fac = results[results.length - 1]?.builds.find((b) => b.audience === 'faculty');
      if (peers.hugoPlusPagefindS && fac) peers.facultyOverHugoPagefind = fac.ms / 1000 / peers.hugoPlusPagefindS;
      out.push('');
      if (peers.note) out.push(`Peers: ${peers.note}`);
      else {
        out.push(`Peers at ${peers.entries} entries (same bodies; entry and participant pages only; ../shared/bench/peers.sh -n ${runs} -w 0):`);
        out.push('');
        out.push('| tool | seconds |');
        out.push('|---|---:|');
        out.push(`| Hugo | ${peers.hugoS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Pagefind over Hugo's output | ${peers.hugoPagefindS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Hugo + Pagefind | ${peers.hugoPlusPagefindS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| Eleventy 3 | ${peers.eleventyS?.toFixed(2) ?? 'NA'} |`);
        out.push(`| our faculty build incl. gate and Pagefind | ${fac ? (fac.ms / 1000).toFixed(2) : 'NA'} |`);
        if (peers.facultyOverHugoPagefind) out.push(`\nOur faculty build takes ${peers.facultyOverHugoPagefind.toFixed(1)}× the time of Hugo + Pagefind.`);
      }
    }

    let search: unknown;
    if (values.search && largest) {
      const site = join(largest.root, 'dist/faculty');
      if (!existsSync(join(site, 'browse/index.html'))) {
        out.push('', 'Search budget: no faculty site was built (run without --faculty-only problems?)');
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
