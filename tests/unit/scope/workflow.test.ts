/**
 * The pull-request workflow's trust boundary: what it runs comes from the base branch; the pull
 * request's files are only read as data. First the workflow file itself, then a run of its steps
 * against a pull request that tries to replace the validator, package.json and the workflow.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_FILES as VALID_CONTENT } from '../validate/helpers.ts';
import { cleanupTempDirs, commitAll, git, GIT_ENV, link, makeRepo, REPO_ROOT, tempDir, write } from './helpers.ts';

afterAll(cleanupTempDirs);

const WORKFLOW_FILE = '.github/workflows/pr-check.yml';
const workflowText = readFileSync(join(REPO_ROOT, WORKFLOW_FILE), 'utf8');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(workflowText) as Workflow;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((j) => j.steps);
const runs = steps.filter((s) => typeof s.run === 'string');

const BUILD_OR_INSTALL = /\b(npm\s+(ci|install|i|run|exec|test)|npx|node|yarn|pnpm|bun|make|bash|sh|source)\b/;

describe('the pull-request workflow file', () => {
  it('is triggered by pull_request_target on main only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request_target']);
    expect((workflow.on['pull_request_target'] as { branches: string[] }).branches).toEqual(['main']);
  });

  it('asks for read permissions only, and uses no secrets', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    for (const job of jobs) {
      for (const level of Object.values(job.permissions ?? {})) expect(['read', 'none']).toContain(level);
    }
    expect(workflowText).not.toMatch(/secrets\./);
    expect(workflowText).not.toMatch(/GITHUB_TOKEN|github\.token/);
  });

  it('has a time limit on every job', () => {
    for (const job of jobs) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('pins every action to a full commit hash, with the version in a comment', () => {
    const uses = steps.filter((s) => s.uses).map((s) => s.uses ?? '');
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    for (const line of workflowText.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('checks out the base commit first, then the pull request into pr/ without credentials', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(2);
    const [base, pr] = checkouts as [Step, Step];
    expect(steps[0]).toBe(base);
    expect(base.with).toMatchObject({ ref: '${{ github.event.pull_request.base.sha }}', 'persist-credentials': false });
    expect(base.with?.['path']).toBeUndefined();
    expect(pr.with).toMatchObject({ ref: '${{ github.event.pull_request.head.sha }}', path: 'pr', 'persist-credentials': false });
  });

  it('installs and runs nothing from the pull request', () => {
    const prCheckout = steps.findIndex((s) => s.with?.['path'] === 'pr');
    const install = steps.findIndex((s) => /\bnpm ci\b/.test(s.run ?? ''));
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(prCheckout);
    for (const step of runs) {
      const dir = step['working-directory'] ?? '';
      expect(dir, step.name).not.toMatch(/^(\.\/)?pr(\/|$)/);
      for (const line of (step.run ?? '').split('\n').map((l) => l.replace(/#.*$/, ''))) {
        expect(line, step.name).not.toMatch(/\bcd\s+(\.\/)?pr\b/);
        expect(line, step.name).not.toMatch(/--prefix[= ]+(\.\/)?pr\b|-C\s+(\.\/)?pr\b/);
        // the only uses of pr/: copying its content/ folder, and fetching its commits as git objects
        for (const mention of line.match(/(^|[\s"'=])(\.\/)?pr(\/[^\s"']*)?/g) ?? []) {
          expect(mention.trim().replace(/^["'=]/, ''), `${step.name}: ${line}`).toMatch(/^(pr\/content|\.\/pr)$/);
        }
        if (BUILD_OR_INSTALL.test(line)) expect(line, step.name).not.toMatch(/(^|[\s"'=])(\.\/)?pr\//);
      }
    }
    const copy = runs.find((s) => s.id === 'content');
    expect(copy?.run).toContain('rm -rf content');
    expect(copy?.run).toContain('cp -RP pr/content content');
  });

  it('never puts pull-request values into a script: they go through env', () => {
    for (const step of runs) {
      expect(step.run, step.name).not.toContain('${{ github.event.pull_request');
      expect(step.run, step.name).not.toContain('${{');
    }
    const scope = runs.find((s) => s.run?.includes('check:pr'));
    expect(scope?.env).toMatchObject({
      AUTHOR: '${{ github.event.pull_request.user.login }}',
      BASE_SHA: '${{ github.event.pull_request.base.sha }}',
      HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
    });
    expect(scope?.run).toContain('--author "$AUTHOR" --sender "$SENDER" --base "$BASE_SHA" --head "$HEAD_SHA"');
    // who pushed, not only who opened: another participant pushing to this pull request is refused
    expect(scope?.env?.['SENDER']).toBe('${{ github.event.sender.login }}');
    // the author's summary: who they are comes from the base commit, not from the pull request
    const validate = runs.find((s) => s.run?.includes('validate'));
    expect(validate?.run).toContain('--participant "@$AUTHOR" --people-from "$BASE_SHA"');
    expect(validate?.env?.['BASE_SHA']).toBe('${{ github.event.pull_request.base.sha }}');
  });
});

/** Files of the project's code, copied into the simulated repository. */
const CODE = ['scripts', 'src', 'package.json', 'tsconfig.json', '.nvmrc', '.github/workflows/pr-check.yml'];

const PWNED_SCRIPT = "console.log('PWNED'); process.exit(0);\n";

interface StepResult {
  name: string;
  code: number | null;
  output: string;
  skipped: boolean;
}

/**
 * Run the workflow's steps as GitHub would, in `workspace`: checkouts are done already (base in the
 * workspace, the pull request in pr/), `npm ci` is stood in for by a link to this project's
 * node_modules, and each `run:` script runs in bash with the step's env, expressions filled in.
 */
function runWorkflow(workspace: string, workflowFile: string, event: Record<string, string>, summary: string): StepResult[] {
  const wf = parse(readFileSync(workflowFile, 'utf8')) as Workflow;
  const results: StepResult[] = [];
  let failed = false;
  const expand = (value: string) =>
    value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
      const v = event[expr];
      if (v === undefined) throw new Error(`the simulation does not know ${expr}`);
      return v;
    });
  for (const step of Object.values(wf.jobs).flatMap((j) => j.steps)) {
    if (step.run === undefined) continue;
    const name = step.name ?? step.run;
    const runAnyway = step.if !== undefined && /!cancelled\(\)|always\(\)/.test(step.if);
    if (failed && !runAnyway) {
      results.push({ name, code: null, output: '', skipped: true });
      continue;
    }
    if (/^npm ci\b/.test(step.run.trim())) {
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(workspace, 'node_modules'));
      results.push({ name, code: 0, output: '(npm ci: linked node_modules)', skipped: false });
      continue;
    }
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(String(value));
    const result = spawnSync('bash', ['-e', '-c', step.run], {
      cwd: join(workspace, step['working-directory'] ?? '.'),
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ...GIT_ENV,
        ...env,
        PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
        GITHUB_STEP_SUMMARY: summary,
        npm_config_update_notifier: 'false',
      },
    });
    results.push({ name, code: result.status, output: `${result.stdout}${result.stderr}`, skipped: false });
    if (result.status !== 0) failed = true;
  }
  return results;
}

describe('a pull request that edits the workflow, the validator and package.json', () => {
  it('is still judged by the base branch\'s versions of all three', { timeout: 120_000 }, () => {
    // "GitHub": main with the project's code and valid content
    const origin = makeRepo({ ...VALID_CONTENT, 'content/settings.yaml': readFileSync(join(REPO_ROOT, 'content/settings.yaml'), 'utf8') });
    for (const path of CODE) cpSync(join(REPO_ROOT, path), join(origin, path), { recursive: true });
    commitAll(origin, 'the project');
    const baseSha = git(origin, 'rev-parse', 'HEAD').trim();

    // the pull request: replaces the validator, its npm script and the workflow, and adds an invalid entry
    git(origin, 'checkout', '-q', '-b', 'attack');
    write(origin, 'scripts/validate.ts', PWNED_SCRIPT);
    const pkg = JSON.parse(readFileSync(join(origin, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts['validate'] = "node -e \"console.log('PWNED')\"";
    pkg.scripts['check:pr'] = "node -e \"console.log('PWNED')\"";
    writeFileSync(join(origin, 'package.json'), JSON.stringify(pkg, null, 2));
    write(origin, WORKFLOW_FILE, 'on: pull_request_target\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo PWNED\n');
    write(origin, 'content/portfolios/maria-lopez/2020-07-01-bad.md', '---\ntype: reflection\ntitle: Bad\ndate: 2020-02-30\n---\n\nText.\n');
    // a link out of the repository: copied as a link, reported, never followed
    link(origin, 'content/portfolios/maria-lopez/leak.md', '../../../../secret.txt');
    commitAll(origin, 'pull request');
    const headSha = git(origin, 'rev-parse', 'HEAD').trim();
    git(origin, 'checkout', '-q', 'main');

    // the two checkouts the workflow makes
    const runner = tempDir('cert-workflow-');
    const workspace = join(runner, 'workspace');
    writeFileSync(join(runner, 'secret.txt'), 'SECRET-OUTSIDE\n'); // what leak.md points at
    git(origin, 'clone', '-q', '--no-checkout', origin, workspace);
    git(workspace, 'checkout', '-q', '--detach', baseSha);
    git(workspace, 'clone', '-q', '--no-checkout', origin, 'pr');
    git(join(workspace, 'pr'), 'checkout', '-q', '--detach', headSha);
    // the branch is not on the base clone's remote yet: only the pull request's checkout has it
    git(origin, 'branch', '-q', '-D', 'attack');

    const summary = join(runner, 'summary.md');
    writeFileSync(summary, '');
    const event = {
      'github.event.pull_request.user.login': 'maria-lopez',
      'github.event.pull_request.base.sha': baseSha,
      'github.event.pull_request.head.sha': headSha,
      'github.event.pull_request.number': '7',
      'github.event.sender.login': 'maria-lopez',
    };
    const results = runWorkflow(workspace, join(workspace, WORKFLOW_FILE), event, summary);
    const all = results.map((r) => r.output).join('\n') + readFileSync(summary, 'utf8');
    expect(all).not.toContain('PWNED');
    expect(all).not.toContain('SECRET-OUTSIDE');

    const byName = (part: string) => results.find((r) => r.name.includes(part));
    expect(byName('Use the pull request')?.code).toBe(0);
    expect(readFileSync(join(workspace, 'content/portfolios/maria-lopez/2020-07-01-bad.md'), 'utf8')).toContain('title: Bad');
    expect(readFileSync(join(workspace, 'scripts/validate.ts'), 'utf8')).not.toContain('PWNED');

    const validate = byName('Validate');
    expect(validate?.code).toBe(1);
    expect(validate?.output).toContain('::error file=content/portfolios/maria-lopez/2020-07-01-bad.md,line=4');
    expect(validate?.output).toContain('is not a real date');
    expect(validate?.output).toContain('::error file=content/portfolios/maria-lopez/leak.md,line=1,col=1,title=file-kind::this is a symbolic link');

    const scope = byName('Check who may change what');
    expect(scope?.skipped).toBe(false);
    expect(scope?.code).toBe(1);
    for (const path of ['scripts/validate.ts', 'package.json', WORKFLOW_FILE]) expect(scope?.output).toContain(`::error file=${path},`);
    expect(scope?.output).toContain('::error file=content/portfolios/maria-lopez/leak.md,title=Not yours to change::this is a symbolic link');
    expect(scope?.output).not.toContain('::error file=content/portfolios/maria-lopez/2020-07-01-bad.md');
    expect(scope?.output).toContain('✖ 4 of 5 changed files are outside what @maria-lopez may change');
    expect(readFileSync(summary, 'utf8')).toContain('## Who may change what');

    // and the base's own validator, run directly, says the same
    const direct = spawnSync(process.execPath, ['scripts/validate.ts'], { cwd: workspace, encoding: 'utf8', timeout: 60_000 });
    expect(direct.status).toBe(1);
    expect(direct.stdout).toContain('content/portfolios/maria-lopez/2020-07-01-bad.md:4:1  error');
    expect(direct.stdout + direct.stderr).not.toContain('PWNED');
  });
});
