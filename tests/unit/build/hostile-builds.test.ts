/**
 * The safety gate inside the build: for every class of attack in the hostile corpus, a real build
 * with one such file fails with the validator's message (file, line, rule) and nothing in the file
 * runs. One build per class, not per file, to keep the suite fast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const CORPUS = join(PROJECT_ROOT, 'tests/fixtures/hostile');
const MARKER = '/tmp/cert-gate-marker-mdx-esm-side-effect';

const files = readdirSync(CORPUS).filter((f) => /\.(md|mdx)$/.test(f) && f.includes('--'));
const classes = new Map<string, string>();
for (const file of files.sort()) {
  const rule = file.split('--')[0] ?? '';
  // prefer the side-effect file for its class: it proves nothing ran
  if (!classes.has(rule) || file === 'mdx-esm--side-effect.mdx') classes.set(rule, file);
}

describe('a build over hostile content fails before anything in it runs', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
    rmSync(MARKER, { force: true });
  });
  afterAll(() => project?.cleanup());

  it('covers every class of the corpus, plus oversized files', () => {
    expect(classes.size).toBeGreaterThanOrEqual(20);
  });

  for (const [rule, file] of classes) {
    it(`refuses ${rule} (${file})`, () => {
      const ext = file.endsWith('.mdx') ? 'mdx' : 'md';
      const target = `content/portfolios/pia-public/hostile-entry.${ext}`;
      project.remove('content/portfolios/pia-public/hostile-entry.md');
      project.remove('content/portfolios/pia-public/hostile-entry.mdx');
      project.write(target, readFileSync(join(CORPUS, file)));
      const result = project.build({ kind: 'faculty' });
      expect(result.ok, result.log.slice(-2000)).toBe(false);
      expect(result.log).toContain(`[${rule}]`);
      expect(result.log).toMatch(new RegExp(`${target.replace(/[.]/g, '\\.')}:\\d+:\\d+  error  `));
      expect(existsSync(MARKER)).toBe(false);
    });
  }

  it('refuses an oversized file', () => {
    project.remove('content/portfolios/pia-public/hostile-entry.mdx');
    project.write('content/portfolios/pia-public/hostile-entry.md', `---\ntype: reflection\ntitle: Big\ndate: 2026-07-01\n---\n${'word '.repeat(70_000)}\n`);
    const result = project.build({ kind: 'faculty' });
    expect(result.ok).toBe(false);
    expect(result.log).toContain('[file-size]');
  });
});
