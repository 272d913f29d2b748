/**
 * The deployment workflows as files: the GitHub Pages workflow (pinned actions, least permissions,
 * one deployment at a time, hidden folders kept, only dist/public published) and the reusable
 * portfolio check with its caller template (the program's code judges; the portfolio is data).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  outputs?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const load = (path: string) => parse(read(path)) as Workflow;

/** Every `uses:` line must pin a full commit id and say which version it is. */
function unpinned(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^\s*-?\s*uses:\s/.test(l) && !/uses:\s+\.\//.test(l))
    .filter((l) => !/uses:\s+[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(l.trim().replace(/^- /, '')));
}

describe('the GitHub Pages workflow', () => {
  const text = read('.github/workflows/deploy-pages.yml');
  const wf = load('.github/workflows/deploy-pages.yml');

  it('runs on pushes to main, one deployment at a time', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect((wf.on['push'] as { branches: string[] }).branches).toEqual(['main']);
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('pins every action to a full commit id with its version', () => {
    expect(unpinned(text)).toEqual([]);
    expect(text).toContain('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2');
    expect(text).toContain('actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0');
    expect(text).toContain('actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1');
    expect(text).toContain('actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5');
  });

  it('gives write permissions only to the deploy job, and only pages and id-token', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const [name, job] of Object.entries(wf.jobs)) if (name !== 'deploy') expect(job.permissions, name).toBeUndefined();
    expect(wf.jobs['deploy']?.environment?.name).toBe('github-pages');
    for (const step of Object.values(wf.jobs).flatMap((j) => j.steps ?? [])) {
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('publishes dist/public only, built with the public audience, hidden folders included', () => {
    const build = wf.jobs['build']?.steps ?? [];
    const sign = wf.jobs['sign']?.steps ?? [];
    const keep = build.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(keep?.with).toMatchObject({ name: 'public-site', path: 'dist/public', 'include-hidden-files': true });
    const fetched = sign.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(fetched?.with).toEqual({ name: 'public-site', path: 'dist/public' });
    const upload = sign.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'dist/public' });
    // v3.0.1 archives hidden files (only .git and .github are left out); later versions need include-hidden-files
    expect(text).toContain('include-hidden-files: true` is set');
    expect(build.some((s) => s.run?.includes('npm run build:public'))).toBe(true);
    expect(build.some((s) => s.run?.includes('.well-known'))).toBe(true);
    for (const steps of [build, sign]) {
      const sync = steps.find((s) => s.run === 'npm run sync');
      expect(sync?.if).toContain("hashFiles('content/sources.yaml')");
    }
    expect(wf.jobs['sign']?.needs).toBe('build');
    expect(wf.jobs['deploy']?.needs).toBe('sign');
    expect(text).not.toMatch(/build:(cohort|faculty)|dist\/(cohort|faculty)/);
  });

  /** Runs a step's script in a scratch project, with `npm` answering with the arguments it was given. */
  function runStep(script: string, files: Record<string, string>, env: Record<string, string>) {
    const project = mkdtempSync(join(tmpdir(), 'cert-deploy-step-'));
    try {
      mkdirSync(join(project, 'bin'));
      writeFileSync(join(project, 'bin/npm'), '#!/bin/sh\necho "npm $*"\n', { mode: 0o755 });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(project, path, '..'), { recursive: true });
        writeFileSync(join(project, path), content);
      }
      return spawnSync('bash', ['-e', '-c', script], { cwd: project, env: { PATH: `${join(project, 'bin')}:${process.env['PATH'] ?? ''}`, ...env }, encoding: 'utf8' });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }

  it('keeps the signing key out of the job that builds: the build signs later, a job of its own signs', () => {
    const steps = Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((s) => ({ job, ...s })));
    const withKey = steps.filter((s) => JSON.stringify(s).includes('CREDENTIAL_SIGNING_KEY'));
    expect(withKey.map((s) => `${s.job}: ${s.name}`)).toEqual(['sign: Sign the credentials']);
    expect(text.match(/secrets\.CREDENTIAL_SIGNING_KEY/g)).toHaveLength(1);
    const sign = withKey[0];
    expect(sign?.env?.['CREDENTIAL_SIGNING_KEY']).toBe('${{ secrets.CREDENTIAL_SIGNING_KEY }}');
    // signing names the same site and day as the build
    expect(sign?.env).toMatchObject({
      SITE_URL: '${{ needs.build.outputs.site_url }}',
      SITE_BASE: '${{ needs.build.outputs.site_base }}',
      CERT_BUILD_DATE: '${{ needs.build.outputs.build_date }}',
    });
    expect(sign?.if).toContain("hashFiles('content/issuer-keys.yaml')");
    // the sign job never builds
    expect((wf.jobs['sign']?.steps ?? []).some((s) => /npm run build|astro/.test(s.run ?? ''))).toBe(false);

    // the build step: with the program's keys recorded it builds to be signed later; a demo without keys signs with a throwaway key
    const buildStep = (wf.jobs['build']?.steps ?? []).find((s) => s.name === 'Build the public site');
    expect(buildStep?.env).toBeUndefined();
    const keys = { 'content/issuer-keys.yaml': 'keys: []\n' };
    expect(runStep(buildStep?.run ?? '', keys, {}).stdout.trim()).toBe('npm run build:public -- --sign-later');
    expect(runStep(buildStep?.run ?? '', {}, {}).stdout.trim()).toBe('npm run build:public');

    // the signing step stops without the secret, and signs with it
    const refused = runStep(sign?.run ?? '', keys, { CREDENTIAL_SIGNING_KEY: '' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('::error::');
    expect(refused.stdout).not.toContain('npm run sign');
    expect(runStep(sign?.run ?? '', keys, { CREDENTIAL_SIGNING_KEY: 'z-secret' }).stdout.trim()).toBe('npm run sign -- --audience public');
  });

  it('smoke-checks the published site with the GitHub Pages profile', () => {
    expect(wf.jobs['smoke']?.needs).toBe('deploy');
    expect(wf.jobs['deploy']?.outputs?.['page_url']).toBe('${{ steps.deployment.outputs.page_url }}');
    expect(text).toContain('npm run --silent smoke -- --url "$url" --profile github-pages');
  });
});

describe('the reusable portfolio check', () => {
  const text = read('.github/workflows/portfolio-validate.yml');
  const wf = load('.github/workflows/portfolio-validate.yml');
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

  it('is called by portfolio repositories, with read permissions and pinned actions', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(unpinned(text)).toEqual([]);
  });

  it('judges with the program’s code and reads the portfolio as data only', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]?.with?.['repository']).toBe('${{ inputs.program-repository }}');
    expect(checkouts[1]?.with?.['path']).toBe('portfolio');
    for (const c of checkouts) expect(c.with?.['persist-credentials']).toBe(false);
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(steps.indexOf(checkouts[1] as Step));
    // nothing in portfolio/ is installed, built or run: it is only copied by the program's sync
    for (const step of steps.slice(steps.indexOf(checkouts[1] as Step) + 1)) {
      expect(step.run ?? '', step.name).not.toMatch(/cd portfolio|portfolio\/\S*\.(?:sh|js|ts)|npm (?:ci|install)|--prefix portfolio/);
    }
    expect(text).toContain('npm run sync -- --from-dir portfolio --folder "portfolios/$PARTICIPANT"');
    expect(text).toContain('node scripts/check-portfolio.ts --folder "portfolios/$PARTICIPANT" --without-cohort-records --format github');
    // inputs reach the shell through the environment, never pasted into the script
    for (const step of steps) expect(step.run ?? '', step.name).not.toContain('${{');
  });

  it('is what the template portfolio repository calls', () => {
    const caller = load('scripts/templates/portfolio-repository/.github/workflows/validate.yml');
    const job = Object.values(caller.jobs)[0];
    expect(job?.uses).toBe('your-org/certification/.github/workflows/portfolio-validate.yml@main');
    expect(Object.keys(job?.with ?? {}).sort()).toEqual(['participant', 'program-repository']);
    expect(caller.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(caller.on).sort()).toEqual(['pull_request', 'push']);
  });
});
