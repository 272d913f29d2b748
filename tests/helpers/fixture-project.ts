/**
 * A throwaway copy of the project with its own content/, for tests that run real builds.
 * Code is copied (src, scripts, config); node_modules is a real folder of links to the project's
 * packages, so each fixture project has its own Astro content cache (node_modules/.astro).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Audience } from '../../src/lib/audience.ts';
import { audienceOutDir } from '../../src/lib/audience.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');

export interface FixtureProject {
  root: string;
  /** Write (or overwrite) a file under the fixture's root. */
  write: (path: string, contents: string | Buffer) => void;
  remove: (path: string) => void;
  /** Run one audience's Astro build (with extra environment variables); never throws, returns the outcome and the log. */
  build: (audience: Audience, env?: Record<string, string>) => { ok: boolean; log: string; outDir: string };
  /** Run a project script (scripts/<name>.ts) with arguments. */
  run: (script: string, args?: string[], env?: Record<string, string>) => { status: number; stdout: string; stderr: string };
  /** The same, without blocking (to run builds of two fixture projects at once). */
  runAsync: (script: string, args?: string[], env?: Record<string, string>) => Promise<{ status: number; stdout: string; stderr: string }>;
  cleanup: () => void;
}

/**
 * Vitest puts Vite's own variables (NODE_ENV=test, BASE_URL, MODE...) in process.env; a build
 * that inherits them ships React's development build and may take the wrong base path.
 */
export function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, VITEST: _v, VITEST_WORKER_ID: _w, VITEST_POOL_ID: _i, TEST: _t, ...rest } = env;
  return { ...rest, NODE_ENV: 'production' };
}

const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function makeFixtureProject(contentDir?: string): FixtureProject {
  const root = mkdtempSync(join(tmpdir(), 'cert-fixture-'));
  for (const item of CODE) cpSync(join(PROJECT_ROOT, item), join(root, item), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
  if (contentDir) cpSync(contentDir, join(root, 'content'), { recursive: true });
  else mkdirSync(join(root, 'content'));
  if (!existsSync(join(root, 'content/settings.yaml'))) cpSync(join(PROJECT_ROOT, 'content/settings.yaml'), join(root, 'content/settings.yaml'));
  execFileSync('git', ['init', '-q'], { cwd: root });

  const write = (path: string, contents: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  };
  return {
    root,
    write,
    remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
    build: (audience, extra = {}) => {
      const env: NodeJS.ProcessEnv = { ...withoutTestRunnerEnv(process.env), ...extra, CERT_AUDIENCE: audience.kind, ASTRO_TELEMETRY_DISABLED: '1' };
      if (audience.kind === 'cohort') env['CERT_COHORT'] = audience.cohort;
      const result = spawnSync(NODE, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { ok: result.status === 0, log: `${result.stdout}\n${result.stderr}`, outDir: join(root, audienceOutDir(audience)) };
    },
    run: (script, args = [], env = {}) => {
      const result = spawnSync(NODE, [join('scripts', `${script}.ts`), ...args], {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
    },
    runAsync: (script, args = [], env = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(NODE, [join('scripts', `${script}.ts`), ...args], { cwd: root, env: { ...withoutTestRunnerEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
      }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
