import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupProjects, entry, makeProject, REPO_ROOT, write } from './helpers.ts';
import { markdownText } from '../../../src/lib/markdown-escape.ts';

afterAll(cleanupProjects);

const SCRIPT = join(REPO_ROOT, 'scripts/validate.ts');
const P = 'content/portfolios/maria-lopez';

function run(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run validate', () => {
  it('exits 0 and says so when there are no problems', () => {
    const root = makeProject();
    const { code, stdout, stderr } = run(root);
    expect(code).toBe(0);
    expect(stdout).toBe('✔ 12 files checked, no problems\n');
    expect(stderr).toBe('');
  });

  it('exits 1 on errors, with one line per problem and a summary', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-02-30\nmodule: sytems-awareness'),
      [`${P}/notes.txt`]: 'x',
    });
    const { code, stdout } = run(root);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/2020-07-01-a.md:4:1  error  date: "2020-02-30" is not a real date: February 2020 has 29 days (date the entry is about, YYYY-MM-DD, for example 2026-03-14)  [schema]
      content/portfolios/maria-lopez/2020-07-01-a.md:5:1  error  module "sytems-awareness" does not exist: no file content/modules/sytems-awareness.md. Known modules: compassionate-integrity, systems-awareness; did you mean systems-awareness?  [reference]
      content/portfolios/maria-lopez/notes.txt:1:1  error  .txt files cannot be part of a portfolio: a portfolio folder may hold only entries (.md, .mdx) and attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg). Paste the text into an entry instead, then delete this file  [portfolio-file]
      ✖ 3 errors, 0 warnings in 2 files (checked 14 files)
      "
    `);
  });

  it('exits 0 when there are only warnings', () => {
    const root = makeProject({ 'content/modules/notes.txt': 'x' });
    const { code, stdout } = run(root);
    expect(code).toBe(0);
    expect(stdout).toContain('⚠ 0 errors, 1 warning in 1 file (checked 13 files)');
  });

  it('reports only problems under the paths given', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01\nmodule: nope'),
      'content/portfolios/jonas-berg/2020-07-01-a.md': entry('type: reflection\ntitle: A\ndate: 2020-07-01\nmodule: nope'),
    });
    const { code, stdout } = run(root, ['content/portfolios/jonas-berg/']);
    expect(code).toBe(1);
    expect(stdout).toContain('content/portfolios/jonas-berg/2020-07-01-a.md:5:1  error');
    expect(stdout).not.toContain('maria-lopez/2020-07-01-a.md:');
    expect(stdout).toContain('(checked 1 file)');
    const clean = run(root, ['content/participants', 'content/sessions']);
    expect(clean.code).toBe(0);
  });

  it('exits 2 on wrong usage, with the usage text', () => {
    const root = makeProject();
    for (const args of [['--frobnicate'], ['--format', 'xml'], ['content/nope.md'], ['../..']]) {
      const { code, stderr, stdout } = run(root, args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: npm run validate');
      expect(stdout).toBe('');
    }
    const outside = mkdtempSync(join(tmpdir(), 'cert-no-content-'));
    const { code, stderr } = run(outside);
    expect(code).toBe(2);
    expect(stderr).toContain('there is no content/ folder');
  });

  it('--format json prints one JSON document, and progress only on stderr', () => {
    const many: Record<string, string> = { [`${P}/2020-07-01-bad.md`]: entry('type: reflection\ntitle: A\ndate: nope') };
    for (let i = 0; i < 320; i++) many[`${P}/2020-07-01-e${i}.md`] = entry(`type: reflection\ntitle: Entry ${i}\ndate: 2020-07-01`);
    const root = makeProject(many);
    const { code, stdout, stderr } = run(root, ['--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { problems: { file: string; line: number; column: number; message: string; rule: string; severity: string }[]; errors: number; warnings: number; files: number };
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(0);
    expect(report.files).toBe(333);
    expect(report.problems[0]).toMatchObject({ file: `${P}/2020-07-01-bad.md`, line: 4, column: 1, rule: 'schema', severity: 'error' });
    expect(stderr).toMatch(/checked 333\/333 files…/);
  });

  it('--format github annotates every problem and writes all of them to the step summary', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 15; i++) files[`${P}/2020-07-${String(i + 1).padStart(2, '0')}-e.md`] = entry(`type: reflection\ntitle: "Entry, ${i}: 100%"\ndate: 2020-07-01\nmodule: missing-${i}`);
    const root = makeProject(files);
    const summary = join(root, 'step-summary.md');
    write(root, 'step-summary.md', '');
    const { code, stdout } = run(root, ['--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(15);
    expect(annotations[0]).toMatchInlineSnapshot(`"::error file=content/portfolios/maria-lopez/2020-07-01-e.md,line=5,col=1,title=reference::module "missing-0" does not exist: no file content/modules/missing-0.md. Known modules: compassionate-integrity, systems-awareness"`);
    const md = readFileSync(summary, 'utf8');
    // messages are escaped for Markdown (they quote what content says); rendered, they read as written
    for (let i = 0; i < 15; i++) expect(md).toContain(markdownText(`module "missing-${i}" does not exist`));
    expect(md.match(/^### /gm)).toHaveLength(15);
    expect(md).toContain('How to fix:');
    expect(md).toContain('✖ 15 errors, 0 warnings in 15 files');
  });

  it('never prints a stack trace, whatever the content', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: '---\n: : :\n\t- [\n&a *a !!js/function "x"\n---\n<script>\n{import("x")}\n',
      [`${P}/2020-07-01-b.mdx`]: '---\ntype: reflection\ntitle: A\ndate: 2020-07-01\n---\n<Unknown {...props} />\n{process.exit(1)}\nexport const a = 1\n',
      [`${P}/2020-07-01-c.md`]: Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      'content/participants/x.yaml': '[1, 2, 3]\n',
      'content/cohorts/y.yaml': 'just a string\n',
    });
    const { code, stdout, stderr } = run(root);
    expect(code).toBe(1);
    noStackTrace(stdout);
    noStackTrace(stderr);
    expect(stderr).not.toContain('internal error');
    for (const line of stdout.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^content\/\S+:\d+:\d+ {2}(error|warning) {2}.+ {2}\[[a-z-]+\]$/);
  });
});
