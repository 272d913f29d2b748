/**
 * Finding the brochure's sentences in a text without the brochure: the words as compared, the
 * fingerprint (hashes only, by section), the copied runs (eight words or more, names and titles
 * excepted), the readable text of a built page, and the script that makes the fingerprint.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allShingles, copiedRuns, fingerprintBrochure, hashWords, normalisedWords, quotedFrom, SHINGLE_WORDS } from '../../../src/lib/own-words.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { BROCHURE_SECTIONS, leafRules, type Criterion } from '../../../src/schemas/framework.ts';
import { calendarText, FINGERPRINT_FILE, htmlTexts, namesThatCarryOver, readFingerprint } from '../../helpers/own-words.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

/** A made-up brochure with two sections, so these tests need nothing but themselves. */
const SECTIONS = [
  { name: 'Opening', heading: 'A Made-Up Brochure' },
  { name: 'Commitments', heading: 'What Participants Promise' },
];
const MADE_UP = `A Made-Up Brochure

The lantern makers of the northern valley gather every spring to compare their newest designs.

What Participants Promise
Participants agree to:
• Light one lantern at dusk on every clear evening of the festival week.
• Share tools freely.
`;
const print = fingerprintBrochure(MADE_UP, SECTIONS, 'test');
const shingles = allShingles(print);

describe('the words as compared', () => {
  it('fold case, accents, punctuation, line breaks, compatibility forms and invisible characters', () => {
    expect(normalisedWords('Face-to-face, “his/her”  BUDDY’s\nrôle')).toEqual(['face', 'to', 'face', 'his', 'her', 'buddy', 's', 'role']);
    // a soft hyphen or a zero-width space inside a word does not split it; a ligature and full-width letters are letters
    expect(normalisedWords('ses\u00adsi\u200bons ﬁnal ＭＩＴ')).toEqual(['sessions', 'final', 'mit']);
    // a no-break space or a non-breaking hyphen is a word break like any other
    expect(normalisedWords('three\u00a0face\u2011to\u2011face')).toEqual(['three', 'face', 'to', 'face']);
  });
});

describe('the fingerprint', () => {
  it('holds hashes by section, and no word of the text', () => {
    expect(print.sections.map((s) => s.name)).toEqual(['Opening', 'Commitments']);
    expect(print.words).toBe(SHINGLE_WORDS);
    const json = JSON.stringify(print.sections);
    for (const word of normalisedWords(MADE_UP).filter((w) => w.length > 3)) expect(json).not.toContain(word);
    expect(print.sections[1]?.shingles).toContain(hashWords(normalisedWords('light one lantern at dusk on every clear')));
    expect(print.sections[0]?.shingles).not.toContain(hashWords(normalisedWords('light one lantern at dusk on every clear')));
  });
  it('refuses a text without a section’s heading, naming it', () => {
    expect(() => fingerprintBrochure('The lantern makers gather.\n', SECTIONS, 'test')).toThrowErrorMatchingInlineSnapshot(
      `[Error: the brochure has no line starting with the heading "A Made-Up Brochure" (section "Opening"); is this the program's brochure as a text file?]`,
    );
    expect(() => fingerprintBrochure('What Participants Promise\nA Made-Up Brochure\n', SECTIONS, 'test')).toThrowErrorMatchingInlineSnapshot(
      `[Error: the brochure has no line starting with the heading "What Participants Promise" (section "Commitments") after the section "Opening"; is this the program's brochure as a text file?]`,
    );
  });
  it('knows a quote in its section: every eight words of a long one, a whole sentence or bullet point of a short one', () => {
    const [opening, commitments] = print.sections;
    if (!opening || !commitments) throw new Error('two sections expected');
    expect(quotedFrom('Light one lantern at dusk on every clear evening of the festival week.', commitments)).toBe(true);
    expect(quotedFrom('Light one lantern at dusk on every clear evening of the festival week.', opening)).toBe(false);
    expect(quotedFrom('Light one lantern at dusk on every cloudy evening of the festival week.', commitments)).toBe(false);
    expect(quotedFrom('Share tools freely.', commitments)).toBe(true);
    expect(quotedFrom('Share tools.', commitments)).toBe(false);
    expect(quotedFrom('', commitments)).toBe(false);
  });
});

describe('copied runs', () => {
  it('are eight consecutive words of the brochure or more; seven are not', () => {
    expect(copiedRuns('We saw that the lantern makers of the northern valley gather every spring, and more.', shingles)).toEqual([
      'the lantern makers of the northern valley gather every spring',
    ]);
    expect(copiedRuns('The makers of the northern valley gather every year.', shingles)).toEqual([]);
    expect(copiedRuns('In our words: lantern makers from the north meet each spring to compare designs.', shingles)).toEqual([]);
    // two copied passages are two runs
    expect(copiedRuns('Light one lantern at dusk on every clear evening. Also: makers of the northern valley gather every spring to compare.', shingles)).toHaveLength(2);
  });
  it('except names and titles, which break a run: a list of names is not a sentence, eight words beside a name still are', () => {
    const names = ['Northern Valley', 'Festival Week'];
    expect(copiedRuns('The lantern makers of the northern valley gather every spring.', shingles, names)).toEqual([]);
    expect(copiedRuns('Light one lantern at dusk on every clear evening of the festival week.', shingles, names)).toEqual([
      'light one lantern at dusk on every clear evening of the',
    ]);
  });
});

describe('the readable text of a built page', () => {
  it('joins inline markup, decodes entities, keeps blocks apart, skips scripts and styles, and reads the attributes people read', () => {
    const html = `<!doctype html><html><head><title>Lanterns</title><meta name="description" content="The lantern makers of the northern valley gather every spring."><style>p{}</style></head>
<body><p>Light one <em>lan</em>tern at&nbsp;dusk on every&#32;clear evening of the fes&shy;tival week.</p><script>var northern = "valley";</script>
<img src="a.png" alt="Makers of the northern valley gather every spring to compare their newest designs"><ul><li>lamps</li><li>oil</li></ul></body></html>`;
    const texts = htmlTexts(html);
    expect(texts.flatMap((t) => copiedRuns(t, shingles))).toEqual([
      'light one lantern at dusk on every clear evening of the festival week',
      'the lantern makers of the northern valley gather every spring',
      'makers of the northern valley gather every spring to compare their newest designs',
    ]);
    expect(normalisedWords(texts[0] ?? '')).not.toContain('var');
    expect(normalisedWords(texts[0] ?? '').slice(-2)).toEqual(['lamps', 'oil']);
  });
  it('reads a calendar file’s folded and escaped lines as one text', () => {
    const ics = 'BEGIN:VEVENT\r\nDESCRIPTION:Light one lantern at dusk on every\r\n  clear evening\\, of the festival week\r\nEND:VEVENT\r\n';
    expect(copiedRuns(calendarText(ics), shingles)).toEqual(['light one lantern at dusk on every clear evening of the festival week']);
  });
});

describe('the program’s brochure fingerprint (tests/fixtures/brochure-shingles.json)', () => {
  const fingerprint = readFingerprint();
  const real = allShingles(fingerprint);
  const { records } = readContent(PROJECT_ROOT, { gate: false });
  const quotes = records
    .filter((r) => r.collection === 'framework')
    .flatMap((r) => {
      const c = r.data as unknown as Criterion;
      return [c.source, ...leafRules(c.evidence).map((rule) => rule.source)].flatMap((s) => (s && 'brochure' in s ? [s.brochure] : []));
    });

  it('finds the sentences the framework quotes, however they are marked up on a page', () => {
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) {
      // capitals, emphasis around a word, a soft hyphen inside one, non-breaking hyphens, a line break
      const words = quote.toUpperCase().replaceAll('-', '&#8209;').split(' ');
      const disguised = words.map((w, i) => (i === 1 ? `<em>${w}</em>` : i === 2 && w.length > 3 ? `${w.slice(0, 2)}&shy;${w.slice(2)}` : i === 4 ? `${w}\n` : w)).join(' ');
      const found = htmlTexts(`<p>${disguised}</p>`).flatMap((t) => copiedRuns(t, real));
      expect(found, disguised).toEqual([normalisedWords(quote).join(' ')]);
    }
  });
  it('lets the names and titles that carry over through', () => {
    const names = namesThatCarryOver(PROJECT_ROOT);
    expect(names).toContain('MIT-JWEL Compassionate Systems Trainer');
    expect(names).toContain('Graduation: Qualification');
    const faculty = records.filter((r) => r.collection === 'faculty' && !r.file.startsWith('content/demo/'));
    expect(faculty.length).toBeGreaterThan(5);
    // the faculty list, as the brochure has it: names, titles and group headings one after another
    const list = faculty.map((r) => `${String((r.data as { name: string }).name)} • ${String((r.data as { affiliation?: string }).affiliation ?? '')}`).join('\n');
    expect(copiedRuns(list, real, names)).toEqual([]);
    expect(copiedRuns(list, real).length).toBeGreaterThan(0);
  });
});

describe('scripts/brochure-shingles.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brochure-shingles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
  const run = (...args: string[]) => spawnSync(NODE, [join(PROJECT_ROOT, 'scripts/brochure-shingles.ts'), ...args], { cwd: dir, encoding: 'utf8' });

  it('writes a fingerprint of the brochure’s sections and says what it wrote', () => {
    const brochure = join(dir, 'brochure.txt');
    writeFileSync(brochure, BROCHURE_SECTIONS.map((s, i) => `${s.heading}\nSection ${i} says something of its own in eleven words, more or less, here.\n`).join('\n'));
    const result = run(brochure, '--out', 'out.json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^  Program structure: \d+ runs, \d+ sentences$/m);
    const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { sections: { name: string }[] };
    expect(written.sections.map((s) => s.name)).toEqual(BROCHURE_SECTIONS.map((s) => s.name));
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).not.toContain('something');
  });
  it('refuses a file that is not the brochure, and wrong usage', () => {
    writeFileSync(join(dir, 'other.txt'), 'A shopping list.\n');
    const other = run('other.txt', '--out', 'other.json');
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('other.txt: the brochure has no line starting with the heading "Certification Program" (section "Introduction")');
    expect(existsSync(join(dir, 'other.json'))).toBe(false);
    expect(run().status).toBe(2);
    expect(run('missing.txt').stderr).toContain('missing.txt does not exist');
  });

  /** The brochure, where this machine has it: CERT_BROCHURE names the text file, else the copy the project was written from. */
  const BROCHURE = process.env['CERT_BROCHURE'] ?? '/work/shared/seed/000_c41a615b0136edb5.txt';
  it.skipIf(!existsSync(BROCHURE))(`made the committed fingerprint from the brochure (needs the brochure's text: CERT_BROCHURE=${BROCHURE})`, () => {
    const result = run(BROCHURE, '--out', 'real.json');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe(readFileSync(FINGERPRINT_FILE, 'utf8'));
  });
});
