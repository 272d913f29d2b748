/**
 * A build that reuses the caches of the previous one (the content store, pages Astro copies
 * instead of rendering, search index shards, compressed copies) makes the same site, byte for
 * byte, as a build from nothing: after an entry is edited, an entry is deleted, a participant
 * (a graduate, with a credential) withdraws consent, the build date moves, and the code changes. After each change the fixture
 * is built with `npm run build`'s own script keeping its caches, then again in the same folder
 * with every cache moved away, and every file the two builds wrote is compared, search index and
 * precompressed copies included. (Same folder: a build's output may depend on its path, such as
 * the file times calendars fall back on outside git.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { newSigningKey } from '../../../src/lib/credentials/keys.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, readSite } from '../../helpers/site-files.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/privacy/content');
const PIA_TRACES = ['Pia Publica', 'PUBLICOKWORD', 'pia-public'];
const CACHES = ['node_modules/.astro', '.astro'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Paths that differ between two sites (missing on one side, or other bytes). */
function differences(cold: string, warm: string): string[] {
  const left = new Set(files(cold).map((f) => relative(cold, f)));
  const right = new Set(files(warm).map((f) => relative(warm, f)));
  const out: string[] = [];
  for (const path of new Set([...left, ...right])) {
    if (!left.has(path)) out.push(`only in the warm build: ${path}`);
    else if (!right.has(path)) out.push(`only in the cold build: ${path}`);
    else if (!readFileSync(join(cold, path)).equals(readFileSync(join(warm, path)))) out.push(`differs: ${path}`);
  }
  return out.sort();
}

interface Timing {
  step: string;
  shards?: number;
  reused?: number;
}

describe('a warm build makes the same site as a cold one', () => {
  let project: FixtureProject;
  let scratch: string;
  const env: Record<string, string> = { CERT_BUILD_DATE: '2026-11-15', SOURCE_DATE_EPOCH: '1763164800' };
  const site = () => join(project.root, 'dist/public');
  const warmCopy = () => join(scratch, 'warm-site');

  async function build(extra: Record<string, string> = {}): Promise<{ stderr: string }> {
    const result = await project.runAsync('build', ['--audience', 'public', '--skip-check'], { ...env, ...extra });
    expect(result.status, result.stderr).toBe(0);
    return result;
  }

  /**
   * Builds with the caches of the last build (keeping a copy of the site), then without any, and
   * returns the differences and what the warm build reused. The warm build's caches are put back.
   */
  async function warmThenCold(): Promise<{ differences: string[]; reusedShards: number; copiedPages: number }> {
    const timingsFile = join(scratch, 'timings.jsonl');
    rmSync(timingsFile, { force: true });
    const warm = await build({ CERT_TIMINGS: timingsFile, CERT_BUILD_VERBOSE: '1' });
    rmSync(warmCopy(), { recursive: true, force: true });
    cpSync(site(), warmCopy(), { recursive: true });
    const stash = join(scratch, 'stash');
    rmSync(stash, { recursive: true, force: true });
    for (const [i, cache] of CACHES.entries()) if (existsSync(join(project.root, cache))) renameSync(join(project.root, cache), `${stash}-${i}`);
    try {
      await build();
    } finally {
      for (const [i, cache] of CACHES.entries()) {
        rmSync(join(project.root, cache), { recursive: true, force: true });
        if (existsSync(`${stash}-${i}`)) renameSync(`${stash}-${i}`, join(project.root, cache));
      }
    }
    const timings = readFileSync(timingsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Timing);
    return {
      differences: differences(site(), warmCopy()),
      reusedShards: timings.find((t) => t.step === 'pagefind')?.reused ?? 0,
      copiedPages: (warm.stderr.match(/\((?:cached|restored)\)/g) ?? []).length,
    };
  }

  beforeAll(async () => {
    project = makeFixtureProject(FIXTURE);
    scratch = mkdtempSync(join(tmpdir(), 'cert-warm-cold-'));
    // the program's own key, as a coordinator records it (content/issuer-keys.yaml), so both builds sign alike
    env['CREDENTIAL_SIGNING_KEY'] = (await newSigningKey()).secret;
    const recorded = await project.runAsync('credential-key', ['record'], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    // an entry of another year, so the search index has a shard that the steps below leave alone
    project.write('content/portfolios/olga-other/earlier-entry.md', '---\ntype: reflection\ntitle: Olga earlier\ndate: 2025-03-02\nvisibility: public\n---\nOLGAEARLIERWORD from the year before.\n');
    // Pia graduates: her public credential names her while she consents
    project.write('content/decisions/pia-public/2026-10-01.yaml', 'outcome: certified\ndate: 2026-10-01\npanel: [ada-assessor, ben-assessor]\ncertificateId: CST-2026-0001\nreleased: 2026-10-05\n');
    project.write('content/recipients/pia-public.yaml', 'email: pia.recipient@example.org\nsalt: saltpia0123456789abcdef\n');
    await build();
    expect(readFileSync(join(site(), 'credentials/CST-2026-0001/index.html'), 'utf8')).toContain('Pia Publica');
  }, 900_000);

  afterAll(() => {
    project?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('after an entry is edited', async () => {
    project.write('content/portfolios/pia-public/public-entry.md', readFileSync(join(FIXTURE, 'portfolios/pia-public/public-entry.md'), 'utf8').replace('is fine to publish.', 'is fine to publish. WARMEDITWORD'));
    const result = await warmThenCold();
    expect(result.differences).toEqual([]);
    expect(filesContaining(readSite(warmCopy()), 'WARMEDITWORD').some((f) => f.startsWith('pagefind/'))).toBe(true);
    // the unchanged entries' pages were copied and the other year's shard reused
    expect(result.copiedPages).toBeGreaterThan(0);
    expect(result.reusedShards).toBeGreaterThan(0);
  }, 900_000);

  it('after an entry is deleted', async () => {
    project.remove('content/portfolios/olga-other/public-entry.md');
    const result = await warmThenCold();
    expect(result.differences).toEqual([]);
    expect(filesContaining(readSite(warmCopy()), 'OLGAPUBLICWORD')).toEqual([]);
    expect(existsSync(join(warmCopy(), 'portfolios/olga-other/public-entry'))).toBe(false);
    expect(result.reusedShards).toBeGreaterThan(0);
  }, 900_000);

  it('after a participant withdraws consent: nothing of theirs is left in pages or index', async () => {
    project.write('content/participants/pia-public.yaml', 'name: Pia Publica\ncohort: c1\nsite: alpha\nrole: teacher\ngitHandle: pia-public\nbuddies: [nils-private]\npublicProfile: false\n');
    const result = await warmThenCold();
    expect(result.differences).toEqual([]);
    const withdrawn = readSite(warmCopy());
    for (const trace of PIA_TRACES) expect(filesContaining(withdrawn, trace), trace).toEqual([]);
    expect(withdrawn.filter((f) => f.path.includes('public-picture')).map((f) => f.path)).toEqual([]);
    // her credential stays issued, without her name
    expect(withdrawn.some((f) => f.path === 'credentials/CST-2026-0001/index.html')).toBe(true);
    // nor in any cache the next build could reuse
    const caches = readSite(join(project.root, 'node_modules/.astro/public'));
    for (const trace of [...PIA_TRACES, 'WARMEDITWORD']) expect(filesContaining(caches, trace), trace).toEqual([]);
    expect(caches.filter((f) => f.path.includes('public-picture')).map((f) => f.path)).toEqual([]);
    expect(filesContaining(withdrawn, 'OLGAEARLIERWORD').length).toBeGreaterThan(0);
  }, 900_000);

  it('after the build date changes', async () => {
    env['CERT_BUILD_DATE'] = '2027-02-01';
    const result = await warmThenCold();
    expect(result.differences).toEqual([]);
  }, 900_000);

  it('after the code changes', async () => {
    const badge = 'src/components/portfolio/VisibilityBadge.astro';
    project.write(badge, readFileSync(join(project.root, badge), 'utf8').replace("public: 'Public'", "public: 'Open to all'"));
    const result = await warmThenCold();
    expect(result.differences).toEqual([]);
    expect(filesContaining(readSite(warmCopy()), 'Open to all').length).toBeGreaterThan(0);
  }, 900_000);

  it('gates an entry again when its text changes, even after the same file was accepted', async () => {
    const file = 'content/portfolios/olga-other/earlier-entry.md';
    project.write(file, `${readFileSync(join(project.root, file), 'utf8')}\n<script>alert('cached')</script>\n`);
    const result = await project.runAsync('build', ['--audience', 'public', '--skip-check'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/script/i);
  }, 900_000);
});

