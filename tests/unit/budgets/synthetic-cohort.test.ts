/**
 * The benchmark's synthetic cohort (scripts/lib/synthetic-cohort.ts) is valid content: at the
 * benchmark's smallest size every generated file passes everything `npm run validate` checks,
 * without a warning, and it has every kind of file the benchmark claims to have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSyntheticContent, writeSyntheticContent, type SyntheticContent } from '../../../scripts/lib/synthetic-cohort.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { ENTRY_TYPES } from '../../../src/schemas/portfolio-entry.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

describe('synthetic cohort', () => {
  let root: string;
  let content: SyntheticContent;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cert-synthetic-'));
    // the benchmark's smallest size: 300 entries, 10 participants of 30
    content = writeSyntheticContent(join(root, 'content'), { participants: 10, totalEntries: 300 }, join(PROJECT_ROOT, 'content'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('passes npm run validate with no error and no warning', () => {
    const result = validateContent(root);
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([]);
    expect(result.files).toBeGreaterThan(300);
  });

  it('has every entry type, .mdx with a component, images, other languages and every faculty record', () => {
    const s = content.stats;
    expect(s.entries).toBe(300);
    expect(Object.keys(s.byType).sort()).toEqual([...ENTRY_TYPES].sort());
    expect(s.mdx).toBeGreaterThan(0);
    expect(s.images).toBeGreaterThan(0);
    expect(s.otherLanguage).toBeGreaterThan(0);
    expect(s.averageWords).toBeGreaterThan(550);
    expect(s.averageWords).toBeLessThan(750);
    expect(s.minWords).toBeGreaterThanOrEqual(150);
    expect(s.maxWords).toBeLessThanOrEqual(1300);
    expect(s.attendance).toBeGreaterThan(0);
    expect(s.approvals).toBeGreaterThan(0);
    expect(s.assessments).toBeGreaterThan(0);
    expect(s.decisions).toBeGreaterThan(0);
    const mdx = content.files.find((f) => f.path.endsWith('.mdx'));
    expect(String(mdx?.contents)).toMatch(/<Callout tone="tip" title="[^"]+">/);
    expect(content.files.some((f) => typeof f.contents === 'string' && /!\[[^\]]+\]\(\.\/photo-\d+\.png\)/.test(f.contents))).toBe(true);
    expect(content.peers).toHaveLength(300);
    expect(String(content.peers[0]?.contents)).toMatch(/^---\ntitle: .+\ndate: .+\nparticipant: .+\ntags: .+\ndraft: false\n---\n/);
  });

  it('spreads participants over cohorts of 25 and about a dozen sites', () => {
    const big = generateSyntheticContent({ participants: 100, entriesPerParticipant: 2 });
    expect(big.stats.cohorts).toBe(4);
    expect(big.stats.sites).toBe(12);
    expect(big.stats.entries).toBe(200);
  });

  it('is deterministic', () => {
    const a = generateSyntheticContent({ participants: 3, totalEntries: 20, seed: 7 });
    const b = generateSyntheticContent({ participants: 3, totalEntries: 20, seed: 7 });
    expect(a.files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')])).toEqual(b.files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')]));
  });
});
