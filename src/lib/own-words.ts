/**
 * Program copy is written in our own words from the brochure's facts: names, dates, cost and places
 * carry over, sentences do not. This finds where a text repeats the brochure without needing the
 * brochure itself: it compares runs of eight words ("shingles") by their SHA-256 hashes with a
 * fingerprint made once from the brochure's text (`scripts/brochure-shingles.ts`). The fingerprint
 * holds hashes only, so the brochure never enters the repository.
 *
 * Words are compared after folding away what does not change the wording: case, accents,
 * punctuation, line breaks, markup-like invisible characters (soft hyphens, zero-width spaces) and
 * compatibility forms (ligatures, full-width letters). "Face-to-face" is three words, "his/her" two.
 */
import { createHash } from 'node:crypto';

/** How many consecutive words make a copied run. */
export const SHINGLE_WORDS = 8;

/** The normalisation, in words, as the fingerprint file records it. */
export const NORMALISATION =
  'Unicode NFKD; combining marks and format characters (soft hyphens, zero-width spaces) removed; lower case; every run of characters other than letters and digits is one word break';

/** The words of a text as they are compared. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The hex SHA-256 of words joined by single spaces. */
export function hashWords(words: readonly string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

/** One section of the brochure in its fingerprint. */
export interface SectionFingerprint {
  /** The section's name, as a framework source names it (`section:`). */
  name: string;
  /** Hashes of every run of SHINGLE_WORDS words that starts in this section, sorted. */
  shingles: string[];
  /** Hashes of every whole sentence or bullet point of this section, sorted (for quotes shorter than a shingle). */
  sentences: string[];
}

export interface BrochureFingerprint {
  about: string;
  normalisation: string;
  words: number;
  sections: SectionFingerprint[];
}

/** A section of the brochure: the name sources give it, and the heading line that opens it in the brochure. */
export interface BrochureSectionHeading {
  name: string;
  heading: string;
}

const startsWithWords = (line: readonly string[], prefix: readonly string[]) => prefix.length > 0 && prefix.every((w, i) => line[i] === w);

/** Sentences and bullet points: the units a quote shorter than a shingle must match whole. */
function sentencesOf(text: string): string[][] {
  return text
    .split(/(?<=[.!?])["'\u201d\u2019)]*\s+|[\u2022\u25aa\u25cf]|\n\s*\n/u)
    .map(normalisedWords)
    .filter((w) => w.length > 0);
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The fingerprint of the brochure's text. Each section starts at the first line, after the
 * previous section's start, whose words begin with its heading's words; a heading that is not
 * there is an error (the text is not the brochure the sections were written for).
 */
export function fingerprintBrochure(text: string, sections: readonly BrochureSectionHeading[], about: string): BrochureFingerprint {
  const lines = text.split(/\r\n|\r|\n/);
  const starts: number[] = [];
  let from = 0;
  for (const section of sections) {
    const heading = normalisedWords(section.heading);
    const at = lines.findIndex((line, i) => i >= from && startsWithWords(normalisedWords(line), heading));
    if (at < 0) {
      const after = starts.length > 0 ? ` after the section "${sections[starts.length - 1]?.name}"` : '';
      throw new Error(`the brochure has no line starting with the heading "${section.heading}" (section "${section.name}")${after}; is this the program's brochure as a text file?`);
    }
    starts.push(at);
    from = at + 1;
  }
  // text before the first heading belongs to the first section
  if (starts.length > 0) starts[0] = 0;

  const words: string[] = [];
  const sectionOf: number[] = [];
  const sentences: string[][] = sections.map(() => []);
  sections.forEach((_, s) => {
    const body = lines.slice(starts[s], starts[s + 1] ?? lines.length).join('\n');
    for (const w of normalisedWords(body)) {
      words.push(w);
      sectionOf.push(s);
    }
    sentences[s] = sentencesOf(body).map(hashWords);
  });
  const shingles: string[][] = sections.map(() => []);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles[sectionOf[i] ?? 0]?.push(hashWords(words.slice(i, i + SHINGLE_WORDS)));

  return {
    about,
    normalisation: NORMALISATION,
    words: SHINGLE_WORDS,
    sections: sections.map((section, s) => ({ name: section.name, shingles: sortedUnique(shingles[s] ?? []), sentences: sortedUnique(sentences[s] ?? []) })),
  };
}

/** Every shingle hash of the brochure, whatever its section. */
export function allShingles(fingerprint: BrochureFingerprint): Set<string> {
  return new Set(fingerprint.sections.flatMap((s) => s.shingles));
}

/**
 * Whether a quote is the brochure's own wording within a section: every run of SHINGLE_WORDS words
 * of it is among the section's shingles, or, for a quote shorter than that, it is one whole
 * sentence or bullet point of the section.
 */
export function quotedFrom(quote: string, section: Pick<SectionFingerprint, 'shingles' | 'sentences'>): boolean {
  const words = normalisedWords(quote);
  if (words.length === 0) return false;
  if (words.length < SHINGLE_WORDS) return section.sentences.includes(hashWords(words));
  const shingles = new Set(section.shingles);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) if (!shingles.has(hashWords(words.slice(i, i + SHINGLE_WORDS)))) return false;
  return true;
}

/**
 * The runs of a text that repeat the brochure: each maximal run of at least SHINGLE_WORDS
 * consecutive words whose every shingle is the brochure's, as normalised words joined by spaces.
 *
 * Names and titles carry over (a faculty member's title, a module's name, the graduate's title):
 * each occurrence of one of `names` is taken out and breaks a run, so a list of names is not a
 * copied sentence, while eight copied words on one side of a name still are.
 */
export function copiedRuns(text: string, shingles: ReadonlySet<string>, names: readonly string[] = []): string[] {
  const words = normalisedWords(text);
  const isName = new Array<boolean>(words.length).fill(false);
  for (const name of names.map(normalisedWords)) {
    if (name.length === 0) continue;
    for (let i = 0; i + name.length <= words.length; i++) {
      if (name.every((w, k) => words[i + k] === w)) for (let k = 0; k < name.length; k++) isName[i + k] = true;
    }
  }
  const runs: string[] = [];
  let start = 0;
  while (start < words.length) {
    if (isName[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end < words.length && !isName[end]) end++;
    runs.push(...runsIn(words.slice(start, end), shingles));
    start = end;
  }
  return runs;
}

function runsIn(words: readonly string[], shingles: ReadonlySet<string>): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i + SHINGLE_WORDS <= words.length) {
    if (!shingles.has(hashWords(words.slice(i, i + SHINGLE_WORDS)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + SHINGLE_WORDS <= words.length && shingles.has(hashWords(words.slice(j, j + SHINGLE_WORDS)))) j++;
    runs.push(words.slice(i, j - 1 + SHINGLE_WORDS).join(' '));
    i = j - 1 + SHINGLE_WORDS;
  }
  return runs;
}
