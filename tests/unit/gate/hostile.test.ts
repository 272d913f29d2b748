/**
 * Every file of the hostile corpus (tests/fixtures/hostile) is refused with the rule its name
 * starts with, at a line inside the file, with a short message that says what to write instead.
 */
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkEntry, hostileCorpus } from './helpers.ts';

const corpus = hostileCorpus();

/** Files that would write these if any of their code were ever compiled or run. */
const MARKERS = ['/tmp/cert-gate-marker-mdx-esm-side-effect', '/tmp/cert-gate-marker-frontmatter'];

/** Words an instruction uses: every message must tell the author what to do. */
const ADVICE = /\b(use|write|remove|link|rename|keep|close|describe|attach|download|save|split|put|may|must|instead)\b/i;

describe('the hostile corpus', () => {
  it('is large enough and covers every class of attack', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const rules = new Set(corpus.map((f) => f.rule));
    for (const rule of [
      'html-element',
      'html-attribute',
      'html-unclosed',
      'url-scheme',
      'image-remote',
      'image-local',
      'mdx-esm',
      'mdx-expression',
      'mdx-expression-attribute',
      'mdx-spread-attribute',
      'mdx-component',
      'component-attribute',
      'reserved-key',
      'yaml-tag',
      'yaml-alias',
      'yaml-duplicate-key',
      'yaml-proto-key',
      'yaml-merge-key',
      'frontmatter-delimiter',
      'file-size',
      'file-kind',
    ]) {
      expect(rules, `no file for ${rule}`).toContain(rule);
    }
    expect(corpus.some((f) => f.name.endsWith('.mdx'))).toBe(true);
  });

  it('names every file <rule-id>--<short-name>.md or .mdx', () => {
    for (const f of corpus) expect(f.name).toMatch(/^[a-z]+(-[a-z]+)*--[a-z0-9]+(-[a-z0-9]+)*\.mdx?$/);
  });
});

describe.each(corpus.map((f) => [f.name, f] as const))('%s', (_name, f) => {
  const problems = checkEntry(f.name, f.text);
  const lines = f.text.split('\n').length;

  it(`is refused with rule ${f.rule}`, () => {
    expect(problems.map((p) => p.rule)).toContain(f.rule);
  });

  it('reports a line inside the file', () => {
    for (const p of problems.filter((q) => q.rule === f.rule)) {
      expect(p.line, formatProblem(p)).toBeGreaterThanOrEqual(1);
      expect(p.line, formatProblem(p)).toBeLessThanOrEqual(lines);
      expect(p.column, formatProblem(p)).toBeGreaterThanOrEqual(1);
    }
  });

  it('says what to do instead, briefly and without a stack trace', () => {
    for (const p of problems) {
      expect(p.message.length, p.message).toBeLessThan(400);
      expect(p.message, p.message).not.toMatch(/\n\s*at |Error:|\.ts:\d+|node_modules|file:\/\//);
      expect(p.message, p.message).toMatch(ADVICE);
      expect(p.severity).toBe('error');
    }
  });
});

describe('nothing in the corpus runs', () => {
  beforeAll(() => {
    for (const marker of MARKERS) rmSync(marker, { force: true });
  });
  afterAll(() => {
    for (const marker of MARKERS) rmSync(marker, { force: true });
  });

  it('gating every file, MDX included, writes no marker file', () => {
    const sideEffect = corpus.find((f) => f.name === 'mdx-esm--side-effect.mdx');
    expect(sideEffect?.text).toContain('/tmp/cert-gate-marker-mdx-esm-side-effect');
    for (const f of corpus) checkEntry(f.name, f.text);
    for (const marker of MARKERS) expect(existsSync(marker), marker).toBe(false);
  });
});
