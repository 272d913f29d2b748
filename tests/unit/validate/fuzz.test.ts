/**
 * Property test: valid frontmatter of every entry type, broken in a few hundred seeded random ways.
 * Whatever the file says, the validator returns problems with a file, a line and a message, and
 * never throws.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/problems.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { checkContentFile } from '../../../src/lib/validate/read-content.ts';
import { ENTRY_TYPES, type EntryType } from '../../../src/schemas/portfolio-entry.ts';
import { cleanupProjects, makeProject } from './helpers.ts';

afterAll(cleanupProjects);

const SEED = 20260314;
const MUTATED_FILES = 420;
const BATCH = 105;

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const COMMON = `title: What the iceberg model showed me
date: 2020-07-01
module: systems-awareness
summary: A first map of the pressures on my department.
tags: [iceberg model, team]
criteria: [application-project]
visibility: cohort
attachments:
  - file: ./plan.pdf
    title: Lesson plan
lang: es`;

const EXTRA: Record<EntryType, string> = {
  reflection: '',
  'workshop-reflection': 'session: 2020-2021/module-1-workshop',
  'call-prework': 'session: 2020-2021/call-2020-09',
  'application-project': 'stage: proposal',
  coaching: 'coachedRole: new teacher\nfrequency: every two weeks\nsessionsHeld: 6',
  'buddy-checkin': 'buddies: [jonas-berg]',
  'practice-log': 'periodStart: 2020-07-01\nperiodEnd: 2020-07-31\npractisedOn: [2020-07-01, 2020-07-02]',
};

function validFrontmatter(type: EntryType): string[] {
  return [`type: ${type}`, ...COMMON.split('\n'), ...EXTRA[type].split('\n').filter(Boolean)];
}

const WEIRD_VALUES = [
  '\t- [',
  ': ',
  '- [',
  '&a anchored',
  '*a',
  '!!js/function "function(){ return process.exit(1) }"',
  '!!binary aGVsbG8=',
  '!<tag:yaml.org,2002:js/regexp> "/x/"',
  '"unterminated',
  "'also unterminated",
  '{ a: 1, b: [2, 3 }',
  '|\n  block\n    text',
  '>-\n folded',
  '😀 emoji 🏳️‍🌈',
  '\u202etxt.exe',
  'zero\u200bwidth',
  'Cafe\u0301 (NFD)',
  '\u0000',
  '\ufeffbom',
  '%YAML 1.1',
  '---',
  '...',
  '~',
  'null',
  '0x1F',
  '1e400',
  '2020-02-30',
  '[a, b, [c, [d]]]',
  '__proto__: polluted',
  '<<: *a',
  '? complex key',
];

function deepList(depth: number): string {
  return `${'['.repeat(depth)}x${']'.repeat(depth)}`;
}

function deepMap(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf';
}

function mutate(lines: string[], r: ReturnType<typeof rng>): string[] {
  const out = [...lines];
  const at = () => r.int(out.length + 1);
  const keyLines = () => out.map((l, i) => [l, i] as const).filter(([l]) => /^[A-Za-z]+:/.test(l));
  switch (r.int(11)) {
    case 0: {
      // delete a key
      const keys = keyLines();
      if (keys.length) out.splice(r.pick(keys)[1], 1);
      break;
    }
    case 1: {
      // change the type of a value
      const keys = keyLines();
      if (keys.length) {
        const [line, i] = r.pick(keys);
        const key = line.slice(0, line.indexOf(':'));
        out[i] = `${key}: ${r.pick(['42', '-1.5', 'true', 'null', '[]', '{}', '[1, 2]', '{ a: b }', '""', "''", '2020-07-01T10:00:00Z'])}`;
      }
      break;
    }
    case 2:
      // insert a weird line or value
      out.splice(at(), 0, r.pick([r.pick(WEIRD_VALUES), `${r.pick(['title', 'tags', 'weird', 'date'])}: ${r.pick(WEIRD_VALUES)}`]));
      break;
    case 3: {
      // replace a value with a weird one
      const keys = keyLines();
      if (keys.length) {
        const [line, i] = r.pick(keys);
        out[i] = `${line.slice(0, line.indexOf(':'))}: ${r.pick(WEIRD_VALUES)}`;
      }
      break;
    }
    case 4:
      // a very long string
      out.splice(at(), 0, `${r.pick(['title', 'summary', 'notes'])}: ${'long '.repeat(200 + r.int(20_000))}`);
      break;
    case 5:
      // deep nesting
      out.splice(at(), 0, r.next() < 0.5 ? `tags: ${deepList(1 + r.int(400))}` : `nested:\n${deepMap(1 + r.int(150)).replace(/^/gm, '  ')}`);
      break;
    case 6: {
      // duplicate a key
      const keys = keyLines();
      if (keys.length) out.splice(at(), 0, r.pick(keys)[0]);
      break;
    }
    case 7: {
      // tabs and odd indentation
      const i = r.int(out.length);
      out[i] = `${r.pick(['\t', '  ', ' \t', '    '])}${out[i] ?? ''}`;
      break;
    }
    case 8: {
      // a special character somewhere
      const i = r.int(out.length);
      const line = out[i] ?? '';
      const pos = r.int(line.length + 1);
      out[i] = `${line.slice(0, pos)}${r.pick([':', ': ', '#', ' #', '"', "'", '{', '}', '[', ']', '|', '>', '%', '@', '`', '&', '*', '!', ',', '?', '\\', '\r'])}${line.slice(pos)}`;
      break;
    }
    case 9: {
      // swap two lines
      const i = r.int(out.length);
      const j = r.int(out.length);
      [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
      break;
    }
    default:
      // truncate
      out.splice(r.int(out.length));
      break;
  }
  return out;
}

function render(lines: string[], r: ReturnType<typeof rng>): string {
  const close = r.next() < 0.03 ? '' : '---\n';
  return `---\n${lines.join('\n')}\n${close}\n## Body\n\nSome text.\n`;
}

const LEVELS = new Set(['error', 'warning']);


function expectWellFormed(p: Problem, files: ReadonlyMap<string, string>): void {
  expect(typeof p.file).toBe('string');
  expect(files.has(p.file) || p.file.startsWith('content/'), p.file).toBe(true);
  expect(Number.isInteger(p.line) && p.line >= 1, `${p.file}: line ${p.line}`).toBe(true);
  expect(Number.isInteger(p.column) && p.column >= 1, `${p.file}: column ${p.column}`).toBe(true);
  const text = files.get(p.file);
  if (text !== undefined) expect(p.line, `${p.file}: line ${p.line} is past the end`).toBeLessThanOrEqual(text.split('\n').length + 1);
  expect(typeof p.message === 'string' && p.message.length > 10, p.message).toBe(true);
  expect(p.message).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b/);
  expect(LEVELS.has(p.severity)).toBe(true);
  expect(p.rule).toMatch(/^[a-z][a-z-]*$/);
  expect(p.rule, `${p.file}: ${p.message}`).not.toBe('internal');
}

describe('fuzzed frontmatter', () => {
  const r = rng(SEED);
  const mutated: { path: string; text: string }[] = [];
  for (let n = 0; n < MUTATED_FILES; n++) {
    const type = ENTRY_TYPES[n % ENTRY_TYPES.length] as EntryType;
    let lines = validFrontmatter(type);
    const rounds = 1 + r.int(3);
    for (let k = 0; k < rounds; k++) lines = mutate(lines, r);
    const owner = n % 2 === 0 ? 'maria-lopez' : 'jonas-berg';
    mutated.push({ path: `content/portfolios/${owner}/2020-07-01-fuzz-${n}.md`, text: render(lines, r) });
  }

  it('starts from frontmatter that is valid for every entry type', () => {
    const files: Record<string, string> = { 'content/portfolios/maria-lopez/plan.pdf': '%PDF-1.7\n' };
    for (const type of ENTRY_TYPES) files[`content/portfolios/maria-lopez/2020-07-01-${type}.md`] = render(validFrontmatter(type), rng(1));
    expect(validateContent(makeProject(files)).problems).toEqual([]);
  });

  it('checks each mutated file on its own without throwing', () => {
    let withProblems = 0;
    for (const { path, text } of mutated) {
      let result: ReturnType<typeof checkContentFile> | undefined;
      expect(() => (result = checkContentFile(path, text)), path).not.toThrow();
      const files = new Map([[path, text]]);
      for (const p of result?.problems ?? []) expectWellFormed(p, files);
      if (result?.problems.length) withProblems++;
    }
    // most mutations break something; a few (deleting an optional key) do not
    expect(withProblems).toBeGreaterThan(MUTATED_FILES / 2);
  });

  it(`validates ${MUTATED_FILES} mutated files in whole projects without throwing`, () => {
    for (let start = 0; start < mutated.length; start += BATCH) {
      const batch = mutated.slice(start, start + BATCH);
      const files: Record<string, string> = {
        'content/portfolios/maria-lopez/plan.pdf': '%PDF-1.7\n',
        'content/portfolios/jonas-berg/plan.pdf': '%PDF-1.7\n',
      };
      for (const { path, text } of batch) files[path] = text;
      const root = makeProject(files);
      const texts = new Map(Object.entries(files));
      let problems: Problem[] = [];
      expect(() => (problems = validateContent(root).problems)).not.toThrow();
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expectWellFormed(p, texts);
    }
  });
});
