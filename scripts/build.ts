/**
 * npm run build [-- --audience public|cohort|faculty] [--cohort ID]
 *
 * Checks content across files (references, names), then builds each audience's site with its own
 * content cache: dist/public, dist/cohort/<cohort>/, dist/faculty, each with its own search index.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { audienceLabel, audienceOutDir, type Audience } from '../src/lib/audience.ts';
import { buildPlan } from '../src/lib/build-plan.ts';
import { readSettings } from '../src/lib/settings.ts';
import { ContentError } from '../src/lib/problems.ts';
import { precheck } from './lib/precheck.ts';
import { syncState } from '../src/lib/sync/lock.ts';
import { finishSite } from '../src/lib/deploy/finish-site.ts';
import { indexSite } from '../src/lib/search-index.ts';
import { join } from 'node:path';
import { credentialSigning } from './lib/credential-signing.ts';

const { values } = parseArgs({
  options: {
    audience: { type: 'string' },
    cohort: { type: 'string' },
    'skip-check': { type: 'boolean', default: false },
  },
});

const root = process.cwd();
// the signing key leaves this process's environment here; only the signing step gets it
const signing = credentialSigning(process.env);
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function runAstroBuild(audience: Audience): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...signing.astroEnv, CERT_AUDIENCE: audience.kind, ASTRO_TELEMETRY_DISABLED: '1', CERT_INDEX_SEPARATELY: '1' };
  if (audience.kind === 'cohort') env['CERT_COHORT'] = audience.cohort;
  else delete env['CERT_COHORT'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => {
      log += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (process.env['CERT_BUILD_VERBOSE']) process.stderr.write(log);
      if (code === 0) resolve();
      else reject(new Error(log.trim().split('\n').slice(-40).join('\n')));
    });
  });
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

  if (!values['skip-check']) {
    process.stderr.write('checking content across files… ');
    const t = performance.now();
    const problems = await precheck(root);
    if (problems.errors > 0) {
      process.stderr.write('\n');
      console.error(problems.text);
      console.error(`\nThe build stopped: fix the ${problems.errors} error${problems.errors === 1 ? '' : 's'} above (npm run validate shows them too).`);
      return 1;
    }
    process.stderr.write(`done in ${seconds(t)}\n`);
  }
  try {
    await signing.check();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }

  if (!kind) rmSync('dist', { recursive: true, force: true });
  const timings: string[] = [];
  for (const [i, audience] of plan.entries()) {
    const t = performance.now();
    process.stderr.write(`[${i + 1}/${plan.length}] building the ${audienceLabel(audience)} site into ${audienceOutDir(audience)}/ … `);
    try {
      await runAstroBuild(audience);
      await signing.sign(audience);
      await indexSite(join(root, audienceOutDir(audience)), () => {}, audience);
      finishSite(join(root, audienceOutDir(audience)), audience.kind);
    } catch (error) {
      process.stderr.write('failed\n\n');
      console.error((error as Error).message);
      console.error(`\nThe ${audienceLabel(audience)} build failed (full log: CERT_BUILD_VERBOSE=1 npm run build).`);
      return 1;
    }
    process.stderr.write(`done in ${seconds(t)}\n`);
    timings.push(`${audienceLabel(audience)}: ${seconds(t)}`);
  }
  console.log(`Built ${plan.length} site${plan.length === 1 ? '' : 's'} in ${seconds(started)} (${timings.join(', ')}).`);
  return 0;
}

process.exitCode = await main();
