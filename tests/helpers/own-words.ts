/**
 * What a built site says, and where it repeats the brochure: the readable text of every page (and
 * calendar and data file) of a built site, the names and titles that may carry over from the
 * brochure, and the copied runs that remain (src/lib/own-words.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlToHast } from 'satteri';
import { allShingles, copiedRuns, type BrochureFingerprint } from '../../src/lib/own-words.ts';
import { readContent } from '../../src/lib/validate/read-content.ts';
import { QUALIFICATION_TITLE } from '../../src/schemas/framework.ts';
import { PROJECT_ROOT } from './fixture-project.ts';

export const FINGERPRINT_FILE = join(PROJECT_ROOT, 'tests/fixtures/brochure-shingles.json');

export function readFingerprint(file = FINGERPRINT_FILE): BrochureFingerprint {
  return JSON.parse(readFileSync(file, 'utf8')) as BrochureFingerprint;
}

/**
 * Proper names of the program and the institutions behind it, which carry over as they are. Names of
 * people, their titles and the modules come from content (namesThatCarryOver).
 */
const PROPER_NAMES = [
  QUALIFICATION_TITLE,
  'Certification Program for Compassionate Systems Master Practitioners',
  'Compassionate Systems Framework',
  'Massachusetts Institute of Technology',
  'Abdul Latif Jameel World Education Lab',
  'MIT J-WEL',
  'MIT-JWEL',
  'Center for Systems Awareness',
  'Sustainable Development Goals',
];

/**
 * Names and titles that may carry over from the brochure: the fixed proper names above, and from a
 * project's content every faculty member's name and affiliation (their title, as the brochure gives
 * it) and every module's title.
 */
export function namesThatCarryOver(root: string): string[] {
  const { records } = readContent(root, { gate: false });
  const fromContent = records.flatMap((r) => {
    const data = r.data as Record<string, unknown>;
    const fields = r.collection === 'faculty' ? ['name', 'affiliation'] : r.collection === 'modules' ? ['title'] : [];
    return fields.map((f) => data[f]).filter((v): v is string => typeof v === 'string');
  });
  return [...new Set([...PROPER_NAMES, ...fromContent])];
}

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Elements inside running text: no word break at their edges (`<em>wor</em>d` is one word). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
/** Never read by a visitor as text. */
const SKIP = new Set(['script', 'style']);
/** Attributes a visitor reads or hears, or that search results and link previews show. */
const READ_ATTRIBUTES = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'placeholder', 'content', 'dataPagefindMeta'];

/**
 * The readable texts of an HTML page: its running text (entities decoded, inline markup joined,
 * blocks apart) and, each on its own, the attribute values people read (alt, title, ARIA labels,
 * meta descriptions...).
 */
export function htmlTexts(html: string): string[] {
  const attributes: string[] = [];
  let text = '';
  const visit = (node: HastNode) => {
    if (node.type === 'text' || node.type === 'raw') {
      text += node.value ?? '';
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const tag = node.tagName ?? '';
    if (SKIP.has(tag)) return;
    for (const name of READ_ATTRIBUTES) {
      const value = node.properties?.[name];
      if (typeof value === 'string' && value !== '') attributes.push(value);
    }
    const block = node.type === 'element' && !INLINE.has(tag);
    if (block) text += '\n';
    for (const child of node.children ?? []) visit(child);
    if (block) text += '\n';
  };
  visit(htmlToHast(html) as unknown as HastNode);
  return [text, ...attributes];
}

/** An iCalendar file's text: folded lines joined, escapes undone. */
export function calendarText(ics: string): string {
  return ics
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\\n/gi, '\n')
    .replace(/\\([,;\\])/g, '$1');
}

/** Files a visitor opens as text. Pagefind's index and the bundled code are derived from these or hold no copy. */
const TEXT_FILE = /\.(html|ics|json|xml|txt)$/;
const NOT_READ = /^(pagefind|_astro)\//;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export interface CopiedRun {
  /** The file, relative to the site. */
  file: string;
  /** The copied words, normalised. */
  run: string;
}

/** Every run of a built site's readable text that repeats the brochure. */
export function copiedRunsInSite(dir: string, fingerprint: BrochureFingerprint, names: readonly string[]): CopiedRun[] {
  const shingles = allShingles(fingerprint);
  const seen = new Map<string, string[]>();
  const runsOf = (text: string) => {
    let runs = seen.get(text);
    if (runs === undefined) seen.set(text, (runs = copiedRuns(text, shingles, names)));
    return runs;
  };
  return walk(dir).flatMap((full) => {
    const file = relative(dir, full).split('\\').join('/');
    if (!TEXT_FILE.test(file) || NOT_READ.test(file)) return [];
    const raw = readFileSync(full, 'utf8');
    const texts = file.endsWith('.html') ? htmlTexts(raw) : file.endsWith('.ics') ? [calendarText(raw)] : [raw];
    return texts.flatMap(runsOf).map((run) => ({ file, run }));
  });
}
