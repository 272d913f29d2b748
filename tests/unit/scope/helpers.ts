/** People files, temporary git repositories and command runs for the scope tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function participantFile(name: string, handle: string | undefined, cohort = '2020-2021'): string {
  return [`name: ${name}`, `cohort: ${cohort}`, 'site: riverside-hub', 'role: teacher', ...(handle ? [`gitHandle: ${handle}`] : []), ''].join('\n');
}

export function facultyFile(name: string, role: string, assessor: boolean, handle?: string): string {
  return ['---', `name: ${name}`, `role: ${role}`, 'affiliation: MIT', `assessor: ${assessor}`, ...(handle ? [`gitHandle: ${handle}`] : []), '---', ''].join('\n');
}

/**
 * Two participants (one of them in the demo), a coordinator, an assessor, a guest and a
 * maintainer: the people every scope test uses.
 */
export const PEOPLE_FILES: Readonly<Record<string, string>> = {
  'content/participants/maria-lopez.yaml': participantFile('Maria López', 'maria-lopez'),
  'content/participants/jonas-berg.yaml': participantFile('Jonas Berg', 'JonasB'),
  'content/participants/no-handle.yaml': participantFile('No Handle', undefined),
  'content/demo/participants/ines-lunaclara.yaml': participantFile('Inés Lunaclara', 'demo-ines', 'demo-2026'),
  'content/faculty/julie-diaz.md': facultyFile('Julie Diaz', 'coordinator', false, 'jdiaz'),
  'content/faculty/peter-m-senge.md': facultyFile('Peter M. Senge', 'facilitator', true, 'psenge'),
  'content/faculty/dan-siegel.md': facultyFile('Dan Siegel', 'guest', false, 'dsiegel'),
  '.github/maintainers.txt': '# maintainers of the code\n@dev-ana  # the developer\n',
};

const dirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function write(root: string, path: string, content: string): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

export function link(root: string, path: string, target: string): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  symlinkSync(target, abs);
}

/** Commits made in tests: a fixed identity, no user or system git configuration. */
export const GIT_ENV: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.org',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new repository with `files` committed on main. */
export function makeRepo(files: Readonly<Record<string, string>>): string {
  const root = tempDir('cert-scope-');
  git(root, 'init', '-q', '-b', 'main');
  for (const [path, content] of Object.entries(files)) write(root, path, content);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  return root;
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(cwd: string, script: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, GITHUB_STEP_SUMMARY: '', ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
