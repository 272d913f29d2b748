/**
 * `npm run sync` against local git repositories made by the test (file:// addresses, allowed only
 * with CERT_SOURCES_ALLOW_LOCAL=1): folders land where they should, plumbing is left out, links,
 * files of other kinds and paths outside a folder are refused, a failed clone stops everything, the
 * build refuses content that was not synced, and the composed tree builds the same site as the
 * single-repository tree it was split from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { planCopies, type TreeSource } from '../../../src/lib/sync/copy.ts';
import { gitEnvironment, SyncError } from '../../../src/lib/sync/git.ts';
import { listFiles, makeRepository } from './helpers.ts';
import type { Source } from '../../../src/lib/sync/sources.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/deploy/content');
const LOCAL = { CERT_SOURCES_ALLOW_LOCAL: '1' };
const read = (path: string) => readFileSync(join(FIXTURE, path));

let repos: string;
let cohort: ReturnType<typeof makeRepository>;
let pia: ReturnType<typeof makeRepository>;
let olga: ReturnType<typeof makeRepository>;

/** The program repository's part of the fixture: everything but the folders other repositories fill. */
function programProject(): FixtureProject {
  const project = makeFixtureProject();
  for (const folder of ['cohorts', 'program', 'faculty']) cpSync(join(FIXTURE, folder), join(project.root, 'content', folder), { recursive: true });
  cpSync(join(FIXTURE, 'settings.yaml'), join(project.root, 'content/settings.yaml'));
  return project;
}

function sourcesFile(extra = ''): string {
  return `# where content comes from (split repositories)
sources:
  - name: cohort-records
    repository: ${cohort.url}
    folders:
      participants: participants
      sites: sites
      sessions/c1: sessions
  - name: portfolio-pia
    repository: ${pia.url}
    commit: ${pia.commit}
    folders:
      portfolios/pia-c1: .
  - name: portfolio-olga
    repository: ${olga.url}
    folders:
      portfolios/olga-c2: .
${extra}`;
}

beforeAll(() => {
  repos = mkdtempSync(join(tmpdir(), 'cert-repos-'));
  cohort = makeRepository(repos, 'cohort', {
    'README.md': '# Cohort records\n',
    '.github/workflows/check.yml': 'name: check\n',
    '.gitignore': 'node_modules\n',
    'participants/pia-c1.yaml': read('participants/pia-c1.yaml'),
    'participants/olga-c2.yaml': read('participants/olga-c2.yaml'),
    'sites/alpha.yaml': read('sites/alpha.yaml'),
    'sessions/call-1.yaml': read('sessions/c1/call-1.yaml'),
  });
  pia = makeRepository(repos, 'portfolio-pia', {
    'README.md': '# My portfolio\n',
    '.github/workflows/validate.yml': 'name: validate\n',
    'public-entry.md': read('portfolios/pia-c1/public-entry.md'),
    'cohort-entry.md': read('portfolios/pia-c1/cohort-entry.md'),
  });
  olga = makeRepository(repos, 'portfolio-olga', { 'cohort-entry.md': read('portfolios/olga-c2/cohort-entry.md'), LICENSE: 'CC-BY\n' });
});

afterAll(() => rmSync(repos, { recursive: true, force: true }));

describe('npm run sync', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = programProject();
  });
  afterAll(() => project?.cleanup());

  it('without a sources file says it is in single-repository mode and exits 0', () => {
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('There is no content/sources.yaml: single-repository mode. Everything is read from content/ as it is, so there is nothing to sync.');
  });

  it('copies each repository’s content files into its folders, leaves plumbing out, and records the commits', () => {
    project.write('content/sources.yaml', sourcesFile());
    const r = project.run('sync', [], LOCAL);
    expect(r.status, r.stderr).toBe(0);
    const content = listFiles(join(project.root, 'content')).filter((f) => /^(participants|sites|sessions|portfolios)\//.test(f));
    expect(content).toEqual([
      'participants/olga-c2.yaml',
      'participants/pia-c1.yaml',
      'portfolios/olga-c2/cohort-entry.md',
      'portfolios/pia-c1/cohort-entry.md',
      'portfolios/pia-c1/public-entry.md',
      'sessions/c1/call-1.yaml',
      'sites/alpha.yaml',
    ]);
    expect(readFileSync(join(project.root, 'content/portfolios/pia-c1/cohort-entry.md'))).toEqual(read('portfolios/pia-c1/cohort-entry.md'));
    const lock = JSON.parse(readFileSync(join(project.root, 'content/.sources-lock.json'), 'utf8')) as { sources: { name: string; commit: string; pinned: boolean }[] };
    expect(lock.sources.map((s) => [s.name, s.commit, s.pinned])).toEqual([
      ['cohort-records', cohort.commit, false],
      ['portfolio-pia', pia.commit, true],
      ['portfolio-olga', olga.commit, false],
    ]);
    expect(r.stdout).toContain(`portfolio-pia: ${pia.commit.slice(0, 12)} (pinned) → content/portfolios/pia-c1/ (2 files)`);
    // the validator knows the sources and lock files: no stray-file warnings for them
    const v = project.run('validate', [], LOCAL);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout + v.stderr).not.toContain('sources');
  });

  it('stops with exit 1 when a clone fails, and changes nothing under content/', () => {
    const before = listFiles(join(project.root, 'content'));
    const lock = readFileSync(join(project.root, 'content/.sources-lock.json'), 'utf8');
    project.write('content/sources.yaml', sourcesFile(`  - name: portfolio-nils\n    repository: file://${repos}/no-such-repository.git\n    folders:\n      portfolios/nils: .\n`));
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`sources[3] (portfolio-nils): could not fetch file://${repos}/no-such-repository.git at branch main:`);
    expect(r.stderr).toContain('The sync stopped and nothing under content/ was changed. The site is never built without one of its sources');
    expect(listFiles(join(project.root, 'content'))).toEqual(before);
    expect(readFileSync(join(project.root, 'content/.sources-lock.json'), 'utf8')).toBe(lock);
    // and the build refuses to run on content that was not synced from the sources listed now
    const build = project.run('build', ['--audience', 'public'], LOCAL);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('content/sources.yaml changed since the last sync');
    expect(build.stderr).toContain('Run npm run sync, then build again');
  });

  it('fails on a missing branch or commit with a hint', () => {
    project.write('content/sources.yaml', sourcesFile().replace(`commit: ${pia.commit}`, `commit: ${'deadbeef'.repeat(5)}`));
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`sources[1] (portfolio-pia): could not fetch ${pia.url} at commit ${'deadbeef'.repeat(5)}`);
  });

  it('refuses file:// repositories outside tests', () => {
    project.write('content/sources.yaml', sourcesFile());
    const r = project.run('sync', [], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sources[0].repository: local folders and file:// addresses are only for tests.');
    expect(r.stderr).toContain('Nothing was synced: fix content/sources.yaml and run npm run sync again.');
  });

  it('refuses to overwrite files in a listed folder that no sync put there, unless --force', () => {
    project.write('content/sources.yaml', sourcesFile());
    project.write('content/participants/hand-made.yaml', 'name: Hand Made\n');
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/participants/ holds 1 file that did not come from a sync (content/participants/hand-made.yaml); with split repositories this folder is filled from its repository only. Move it to that repository, or run npm run sync -- --force to replace it');
    expect(existsSync(join(project.root, 'content/participants/hand-made.yaml'))).toBe(true);
    const forced = project.run('sync', ['--force'], LOCAL);
    expect(forced.status, forced.stderr).toBe(0);
    expect(existsSync(join(project.root, 'content/participants/hand-made.yaml'))).toBe(false);
  });

  it('refuses a symbolic link, a file of another kind and a submodule, naming the source and the file', () => {
    const bad = makeRepository(repos, 'portfolio-bad', {
      'entry.md': read('portfolios/olga-c2/cohort-entry.md'),
      'secrets.md': { symlink: '/etc/passwd' },
      'notes/linked': { symlink: '../../..' },
      'tool.exe': 'MZ',
      'essay.docx': 'PK',
    });
    project.write('content/sources.yaml', sourcesFile(`  - name: portfolio-bad\n    repository: ${bad.url}\n    folders:\n      portfolios/bad: .\n`));
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sources[3] (portfolio-bad): secrets.md is a symbolic link; links are refused because they can point outside the repository. Replace it with a copy of the file it points to');
    expect(r.stderr).toContain('sources[3] (portfolio-bad): notes/linked is a symbolic link');
    expect(r.stderr).toContain('sources[3] (portfolio-bad): tool.exe is a .exe file; a content repository may hold only content (.yaml, .md, .mdx) and attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg). Remove it from the repository, or convert it');
    expect(r.stderr).toContain('sources[3] (portfolio-bad): essay.docx is a .docx file; a content repository may hold only content (.yaml, .md, .mdx) and attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg). Save it as PDF and remove the original');
    expect(existsSync(join(project.root, 'content/portfolios/bad'))).toBe(false);
  });

  it('refuses a source that would write outside its folder', () => {
    project.write('content/sources.yaml', sourcesFile(`  - name: escape\n    repository: ${olga.url}\n    folders:\n      portfolios/../../src: .\n      recipients: ../..\n`));
    const r = project.run('sync', [], LOCAL);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sources[3].folders.portfolios/../../src: "portfolios/../../src" must be a folder under content/, written without "..", "." or a leading slash');
    expect(r.stderr).toContain('sources[3].folders.recipients: "../.." must be a folder inside the repository');
  });

  it('warns about participants without a portfolio repository', () => {
    project.write('content/sources.yaml', sourcesFile().replace(/ {2}- name: portfolio-olga[\s\S]*$/, ''));
    const r = project.run('sync', ['--force'], LOCAL);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: participant olga-c2 has no portfolio repository in content/sources.yaml (folders: portfolios/olga-c2: .); their portfolio is empty in this build');
  });
});

describe('the copy rules themselves', () => {
  const tree = (paths: Record<string, 'file' | 'symlink' | 'submodule'>): TreeSource => ({
    label: 'sources[0] (t)',
    entries: Object.entries(paths).map(([path, kind]) => ({ path, kind })),
    read: () => Buffer.from(''),
  });

  it('never plans a write outside the folder, whatever names a repository holds', () => {
    const plan = planCopies(tree({ '../evil.md': 'file', 'a/../../evil.md': 'file', 'ok.md': 'file', 'a\\..\\evil.md': 'file' }), { folder: 'portfolios/pia', path: '' });
    expect(plan.copies).toEqual([{ from: 'ok.md', to: 'content/portfolios/pia/ok.md' }]);
    expect(plan.problems).toHaveLength(3);
    expect(plan.problems[0]).toBe('sources[0] (t): ../evil.md would be written outside content/portfolios/pia/; a source can only fill its own folder. Rename the file');
  });

  it('refuses a repository folder reached through a link', () => {
    const plan = planCopies(tree({ data: 'symlink', 'data/x.yaml': 'file' }), { folder: 'participants', path: 'data' });
    expect(plan.problems).toEqual(['sources[0] (t): data is a symbolic link, not a folder; participants must come from a real folder. Replace the link with the folder itself']);
  });

  it('says when the folder is missing from the repository', () => {
    const plan = planCopies(tree({ 'other/x.yaml': 'file' }), { folder: 'sites', path: 'sites' });
    expect(plan.problems[0]).toContain('sources[0] (t): there is no folder sites in the repository, so content/sites/ would be empty.');
  });
});

describe('tokens', () => {
  const source: Source = { index: 0, name: 'cohort', repository: 'https://github.com/your-org/cohort.git', kind: 'https', branch: 'main', tokenVariable: 'COHORT_TOKEN', folders: [] };

  it('travel in an Authorization header set through the environment, scoped to the host, never in the address', () => {
    const { env, secret } = gitEnvironment(source, { PATH: '/usr/bin', COHORT_TOKEN: 'ghs_exampleexampleexample' });
    expect(secret).toBe('ghs_exampleexampleexample');
    expect(env['GIT_CONFIG_KEY_0']).toBe('http.https://github.com/.extraHeader');
    expect(env['GIT_CONFIG_VALUE_0']).toBe(`Authorization: Basic ${Buffer.from('x-access-token:ghs_exampleexampleexample').toString('base64')}`);
    expect(env['GIT_ALLOW_PROTOCOL']).toBe('https');
    expect(env['GIT_TERMINAL_PROMPT']).toBe('0');
    expect(env['COHORT_TOKEN']).toBeUndefined();
  });

  it('must be in the environment when the file names one', () => {
    expect(() => gitEnvironment(source, { PATH: '/usr/bin' })).toThrow(SyncError);
    expect(() => gitEnvironment(source, { PATH: '/usr/bin' })).toThrow(
      'sources[0] (cohort): tokenVariable names COHORT_TOKEN, but that environment variable is not set or is empty. Set it to a read-only token for https://github.com/your-org/cohort.git (in CI: a secret passed as env), or remove tokenVariable if the repository is public',
    );
  });
});

describe('the portfolio check of a portfolio repository (sync --from-dir)', () => {
  it('copies a checkout as data with the same rules, refusing links', () => {
    const project = programProject();
    try {
      const checkout = mkdtempSync(join(tmpdir(), 'cert-checkout-'));
      writeFileSync(join(checkout, 'entry.md'), read('portfolios/pia-c1/public-entry.md'));
      writeFileSync(join(checkout, 'README.md'), '# mine\n');
      mkdirSync(join(checkout, '.git'));
      writeFileSync(join(checkout, '.git/config'), '[core]\n');
      const ok = project.run('sync', ['--from-dir', checkout, '--folder', 'portfolios/pia-c1']);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`Copied 1 file from ${checkout} into content/portfolios/pia-c1/ (left out: README.md).`);
      expect(listFiles(join(project.root, 'content/portfolios/pia-c1'))).toEqual(['entry.md']);
      cpSync('/etc/hostname', join(checkout, 'x.md'));
      rmSync(join(checkout, 'x.md'));
      writeFileSync(join(checkout, 'script.js'), 'alert(1)');
      const bad = project.run('sync', ['--from-dir', checkout, '--folder', 'portfolios/pia-c1']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(`${checkout}: script.js is a .js file`);
      const wrongFolder = project.run('sync', ['--from-dir', checkout, '--folder', 'program']);
      expect(wrongFolder.status).toBe(1);
      expect(wrongFolder.stderr).toContain('--folder: "program" is not a folder a source can fill');
      rmSync(checkout, { recursive: true, force: true });
    } finally {
      project.cleanup();
    }
  });
});

describe('composed content builds the same sites as the single repository it was split from', () => {
  it('a faculty build of the synced tree has the same pages as one of the original tree', () => {
    const single = makeFixtureProject(FIXTURE);
    const composed = programProject();
    try {
      composed.write('content/sources.yaml', sourcesFile());
      const r = composed.run('sync', [], LOCAL);
      expect(r.status, r.stderr).toBe(0);
      const builtSingle = single.build({ kind: 'faculty' });
      expect(builtSingle.ok, builtSingle.log).toBe(true);
      // the build reads the sources file for its edit links; file:// is allowed in this test only
      process.env['CERT_SOURCES_ALLOW_LOCAL'] = '1';
      let builtComposed;
      try {
        builtComposed = composed.build({ kind: 'faculty' });
      } finally {
        delete process.env['CERT_SOURCES_ALLOW_LOCAL'];
      }
      expect(builtComposed.ok, builtComposed.log).toBe(true);
      const pages = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html') || f.endsWith('.ics'));
      expect(pages(builtComposed.outDir)).toEqual(pages(builtSingle.outDir));
      expect(pages(builtSingle.outDir)).toContain('portfolios/pia-c1/cohort-entry/index.html');
      // the faculty-only page says where each folder came from, at which commit
      const about = readFileSync(join(builtComposed.outDir, 'about-build/index.html'), 'utf8');
      expect(about).toContain(pia.commit.slice(0, 12));
      expect(about).toContain('content/portfolios/pia-c1/');
      expect(about).toContain('(pinned)');
      expect(readFileSync(join(builtSingle.outDir, 'about-build/index.html'), 'utf8')).toContain('one repository (single-repository mode)');
    } finally {
      single.cleanup();
      composed.cleanup();
    }
  }, 240_000);
});
