/**
 * What validate accepts, the build accepts. Generated and mutated entries (every element and
 * attribute of the HTML allow-list, every component, images of every kind, long lines, odd Unicode,
 * nesting at and past the limit, then seeded mutations with the characters parsers disagree about)
 * go through `npm run validate` and then through one real build of every file it accepted. The build
 * must succeed: a pull request whose check passed must never break the site after merging. (That a
 * build refusing a file names it is proven for every refusal class in hostile-builds.test.ts.)
 *
 * One validate run and one build keep this cheap enough for every `npm test`. The heavy variant,
 * CERT_DIFFERENTIAL_HEAVY=<batches>, builds that many more batches of 400 mutations each, with
 * seeds from CERT_DIFFERENTIAL_SEED (default 1).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { baseEntries, IMAGES, mutatedEntries, type GeneratedEntry } from './differential-entries.ts';

const FOLDER = 'content/portfolios/pia-public';
const projects: FixtureProject[] = [];
afterAll(() => projects.forEach((p) => p.cleanup()));

interface Outcome {
  accepted: string[];
  refused: string[];
  build: { ok: boolean; log: string };
}

/** Validate every entry in one run, drop the refused ones, build the rest once. */
function differential(entries: readonly GeneratedEntry[]): Outcome {
  const project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
  projects.push(project);
  for (const image of IMAGES) copyFileSync(join(PROJECT_ROOT, 'tests/fixtures/differential', image), join(project.root, FOLDER, image));
  for (const e of entries) project.write(`${FOLDER}/${e.name}`, e.text);
  const validated = project.run('validate', ['--format', 'json', FOLDER]);
  const report = JSON.parse(validated.stdout) as { problems: { file: string; severity: string }[] };
  const refusedFiles = new Set(report.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const refused = entries.map((e) => e.name).filter((n) => refusedFiles.has(`${FOLDER}/${n}`));
  for (const name of refused) project.remove(`${FOLDER}/${name}`);
  // images shown only by refused entries would now be unused: keep them in use
  project.write(`${FOLDER}/uses-every-image.md`, `---\ntype: reflection\ntitle: Every image\ndate: 2026-07-01\n---\n\n${IMAGES.map((i) => `![${i}](./${i})`).join('\n\n')}\n`);
  const again = project.run('validate', ['--format', 'json', FOLDER]);
  const leftover = (JSON.parse(again.stdout) as { problems: { file: string; severity: string; message: string }[] }).problems.filter((p) => p.severity === 'error');
  expect(leftover, 'the accepted files must still pass once the refused ones are gone').toEqual([]);
  const build = project.build({ kind: 'faculty' });
  return { accepted: entries.map((e) => e.name).filter((n) => !refused.includes(n)), refused, build };
}

/** The accepted files a failed build's error lines name: where to look first. */
function named(outcome: Outcome): string[] {
  const errors = outcome.build.log.split('\n').filter((l) => /error|refused|removed|failed/i.test(l)).join('\n');
  return outcome.accepted.filter((n) => errors.includes(n));
}

describe('validate accepting a file means the build accepts it', () => {
  it('builds every generated and mutated entry that validate accepts', { timeout: 600_000 }, () => {
    const base = baseEntries();
    const outcome = differential([...base, ...mutatedEntries(base, 120, 1)]);
    // the generator exercises both sides: the allow-lists are accepted, the mutations often refused
    expect(outcome.accepted.length).toBeGreaterThan(100);
    expect(outcome.refused.length).toBeGreaterThan(15);
    for (const name of base.map((e) => e.name).filter((n) => /^(html|jsx|component|image)-|^(features|unicode|attachments|long-line)/.test(n))) {
      expect(outcome.accepted, `${name} is allowed content`).toContain(name);
    }
    for (const name of base.map((e) => e.name).filter((n) => n.includes('-deep'))) expect(outcome.refused, `${name} nests too deep`).toContain(name);
    expect(outcome.build.ok, `the build refused files validate accepted (named in its log: ${named(outcome).join(', ') || 'none'}):\n${outcome.build.log.slice(-3000)}`).toBe(true);
    const page = readFileSync(join(projects[0]?.root ?? '', 'dist/faculty/portfolios/pia-public/component-figure/index.html'), 'utf8');
    expect(page).toMatch(/<img [^>]*src="\/_astro\/photo\.[\w-]+\.webp"/);
  });

  const heavy = Number(process.env['CERT_DIFFERENTIAL_HEAVY'] ?? 0);
  const seed = Number(process.env['CERT_DIFFERENTIAL_SEED'] ?? 1);
  for (let batch = 0; batch < heavy; batch++) {
    it(`heavy: builds batch ${batch + 1} of ${heavy} (400 mutations, seed ${seed + 1000 + batch})`, { timeout: 900_000 }, () => {
      const outcome = differential(mutatedEntries(baseEntries(), 400, seed + 1000 + batch));
      expect(outcome.build.ok, `named in the log: ${named(outcome).join(', ') || 'none'}\n${outcome.build.log.slice(-3000)}`).toBe(true);
    });
  }
});
