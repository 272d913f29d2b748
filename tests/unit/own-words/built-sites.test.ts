/**
 * Every built page of every audience of the demo build says things in our own words: no page,
 * calendar or data file repeats eight or more consecutive words of the program brochure, except
 * names and titles that carry over (tests/helpers/own-words.ts). The brochure is not needed: the
 * check compares hashes with its fingerprint (tests/fixtures/brochure-shingles.json).
 *
 * To prove the check sees what a visitor sees, the fixture copy of the content gets one planted
 * program page that repeats two sentences the framework quotes, one in its description (a meta
 * attribute, and the page lists) and one in its body, disguised by Markdown emphasis, entities and a
 * soft hyphen. Exactly those sentences must be found, on that page, in every audience's site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { audienceLabel } from '../../../src/lib/audience.ts';
import { buildPlan } from '../../../src/lib/build-plan.ts';
import { normalisedWords } from '../../../src/lib/own-words.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { leafRules, type Criterion } from '../../../src/schemas/framework.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { copiedRunsInSite, namesThatCarryOver, readFingerprint, type CopiedRun } from '../../helpers/own-words.ts';

/** The brochure sentences the framework quotes, shortest first (they are in the repository already). */
function frameworkQuotes(): string[] {
  const { records } = readContent(PROJECT_ROOT, { gate: false });
  const quotes = records
    .filter((r) => r.collection === 'framework')
    .flatMap((r) => {
      const c = r.data as unknown as Criterion;
      return [c.source, ...leafRules(c.evidence).map((rule) => rule.source)].flatMap((s) => (s && 'brochure' in s ? [s.brochure] : []));
    });
  return [...new Set(quotes)].sort((a, b) => a.length - b.length);
}

/** Markdown that renders a sentence with markup inside it: capitals, emphasis, a soft hyphen, non-breaking hyphens, a line break. */
function disguise(sentence: string): string {
  return sentence
    .split(' ')
    .map((w, i) => (i === 0 ? w.toUpperCase() : i === 2 ? `*${w}*` : i === 3 && w.length > 3 ? `${w.slice(0, 2)}&shy;${w.slice(2)}` : w.replaceAll('-', '&#8209;')))
    .map((w, i) => (i === 5 ? `${w}\n` : `${w} `))
    .join('')
    .trim();
}

describe('the demo build, every audience, in our own words', () => {
  let project: FixtureProject;
  const plan = buildPlan(PROJECT_ROOT, true);
  const found = new Map<string, CopiedRun[]>();
  const quotes = frameworkQuotes();
  const [inDescription, inBody] = [quotes[0] ?? '', quotes[quotes.length - 1] ?? ''];
  const PLANTED = 'program/zz-planted-copy/index.html';

  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'content'));
    project.write(
      'content/program/zz-planted-copy.md',
      `---\ntitle: Planted copy\ndescription: "${inDescription.replaceAll('"', '\\"')}"\norder: 99\n---\nIn short: ${disguise(inBody)}\n`,
    );
    const fingerprint = readFingerprint();
    const names = namesThatCarryOver(project.root);
    for (const audience of plan) {
      const build = project.build(audience);
      if (!build.ok) throw new Error(`the ${audienceLabel(audience)} build failed:\n${build.log.slice(-3000)}`);
      found.set(audienceLabel(audience), copiedRunsInSite(build.outDir, fingerprint, names));
    }
  }, 900_000);
  afterAll(() => project?.cleanup());

  it('builds every audience of the demo: public, each cohort (the demo cohort too), faculty', () => {
    expect(plan.map(audienceLabel)).toEqual(expect.arrayContaining(['public', 'cohort 2020-2021', 'cohort demo-2026', 'faculty']));
    expect([...found.keys()]).toEqual(plan.map(audienceLabel));
  });

  it('repeats no run of eight words of the brochure on any page, except the planted ones', () => {
    const planted = new Set([inDescription, inBody].map((q) => normalisedWords(q).join(' ')));
    const copied = [...found].flatMap(([site, runs]) => runs.filter((r) => !planted.has(r.run)).map((r) => `${site}: /${r.file}: “${r.run}”`));
    expect(copied).toEqual([]);
  });

  it('finds the planted sentences, in the body and in the description, on the planted page of every site', () => {
    expect(inDescription).not.toBe(inBody);
    for (const [site, runs] of found) {
      const onPage = runs.filter((r) => r.file === PLANTED).map((r) => r.run);
      expect(onPage, site).toContain(normalisedWords(inBody).join(' '));
      expect(onPage, site).toContain(normalisedWords(inDescription).join(' '));
    }
  });
});
