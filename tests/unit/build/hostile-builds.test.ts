/**
 * The safety gate inside the build: one file of every class of attack in the hostile corpus, all in
 * one participant's folder, and one real build. The content loader reports every refused file of a
 * collection together, so the one build must fail naming each file with the validator's message
 * (file, line, rule), and nothing in any of them may run. One build for all classes keeps the suite
 * fast; a class whose refusal came from somewhere else would be missing from the log.
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

/** Where each class's file goes: one entry per class, named after it. */
function target(rule: string, file: string): string {
  return `content/portfolios/pia-public/hostile-${rule}.${file.endsWith('.mdx') ? 'mdx' : 'md'}`;
}

describe('a build over hostile content fails before anything in it runs', () => {
  let project: FixtureProject;
  let result: { ok: boolean; log: string };
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
    rmSync(MARKER, { force: true });
    for (const [rule, file] of classes) project.write(target(rule, file), readFileSync(join(CORPUS, file)));
    project.write('content/portfolios/pia-public/hostile-oversized.md', `---\ntype: reflection\ntitle: Big\ndate: 2026-07-01\n---\n${'word '.repeat(70_000)}\n`);
    result = project.build({ kind: 'faculty' });
  }, 240_000);
  afterAll(() => project?.cleanup());

  it('covers every class of the corpus, plus oversized files', () => {
    expect(classes.size).toBeGreaterThanOrEqual(23);
    expect(result.ok, result.log.slice(-2000)).toBe(false);
    expect(existsSync(MARKER)).toBe(false);
  });

  for (const [rule, file] of classes) {
    it(`refuses ${rule} (${file}) with the validator's message`, () => {
      const path = target(rule, file);
      expect(result.log).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:\\d+:\\d+  error  .*\\[${rule}\\]`));
    });
  }

  it('refuses an oversized file', () => {
    expect(result.log).toMatch(/hostile-oversized\.md:1:1 {2}error {2}.*\[file-size\]/);
  });
});
