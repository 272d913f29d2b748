/**
 * A synthetic cohort at any scale, for the benchmark (scripts/bench.ts) and the search budget test
 * (tests/e2e/search-budget.test.ts).
 *
 * `generateSyntheticContent` returns every file of a content/ folder except the real program
 * content (program pages, modules, faculty, framework), which `writeSyntheticProject` copies from
 * the project: cohorts (up to `perCohort` participants each, one per program year, the newest the
 * current one), about a dozen sites, participants in buddy pairs, sessions (three workshops and
 * monthly calls per cohort), attendance for the sessions held, portfolio entries of every type
 * with their required fields, approvals of proposals, assessments for about 30% of participants
 * by the real assessing faculty, decisions for about 10% (certified ones with a recipient record),
 * and a few small PNG images referenced from entry bodies. Settings have `demo: false`.
 *
 * Bodies have realistic lengths (about 650 words on average, 150–1200) with headings, lists, links
 * and emphasis; words are drawn from a Zipf distribution over a large vocabulary (common English,
 * program words, some Danish and Spanish, and made-up words standing in for the long tail), so the
 * search index has the shape of a real one: a few words on every page, most words on few pages.
 * About 5% of entries are .mdx with a <Callout>, about 6% are written in Danish or Spanish.
 *
 * Deterministic: the same options give the same files, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface SyntheticOptions {
  /** Number of participants (default 100). */
  participants?: number;
  /** Portfolio entries per participant (default 30); ignored when `totalEntries` is given. */
  entriesPerParticipant?: number;
  /** Exact total of portfolio entries, spread evenly over the participants. */
  totalEntries?: number;
  /** Participants per cohort (default 25). */
  perCohort?: number;
  /** Number of sites and hubs (default 12). */
  sites?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** The day the content is "as of", YYYY-MM-DD: nothing is dated later (default 2026-11-15). */
  asOf?: string;
  /** Qualification criteria ids (default: the real framework's). */
  criteria?: readonly string[];
  /** Write recipient records for certified decisions (default: when src/schemas/recipient.ts exists). */
  recipients?: boolean;
}

export interface SyntheticFile {
  /** Path relative to content/. */
  path: string;
  contents: string | Uint8Array;
}

export interface SyntheticStats {
  cohorts: number;
  sites: number;
  participants: number;
  sessions: number;
  attendance: number;
  entries: number;
  mdx: number;
  otherLanguage: number;
  images: number;
  approvals: number;
  assessments: number;
  decisions: number;
  recipients: number;
  words: number;
  averageWords: number;
  minWords: number;
  maxWords: number;
  byType: Record<string, number>;
  byVisibility: Record<string, number>;
}

export interface SyntheticContent {
  files: SyntheticFile[];
  /** The portfolio entries as a peers.sh corpus: `<participant>/<entry>.md` with title, date, participant, tags, draft. */
  peers: SyntheticFile[];
  stats: SyntheticStats;
  /** The as-of date (set CERT_AS_OF to it when building, so coverage is computed for that day). */
  asOf: string;
  /** Program words of different frequencies, for search queries. */
  queryWords: string[];
}

export const DEFAULT_AS_OF = '2026-11-15';
/** Invented faculty who sign the synthetic records: a real person's name never goes on a fictional record. */
export const ASSESSORS = ['synthetic-assessor-a', 'synthetic-assessor-b', 'synthetic-assessor-c'] as const;
const COORDINATOR = 'synthetic-coordinator';
const REAL_CRITERIA = ['application-project', 'buddy-checkins', 'calls', 'coaching', 'cultivation-practice', 'reflective-portfolio', 'workshops'];

// ------------------------------------------------------------------ randomness

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = list[i] as T;
      list[i] = list[j] as T;
      list[j] = a;
    }
    return list;
  }
  gaussian(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ------------------------------------------------------------------ words

const FUNCTION_WORDS = `the and of to a in i that it was we is for with my on this they what as not but at be have
had so about are one from how all their our when me there would more who them or were can do by some an if what
she he her his it's did out up like no just time very then because than also which could into only other even
now see first after back think much many where how those these been said each through still before same over
again why most things something every two three four own work day new people year way make made know feel felt`.split(/\s+/).filter(Boolean);

const PROGRAM_WORDS = `systems awareness compassion compassionate integrity iceberg model mental models structures patterns
events loops reinforcing balancing leverage mapping map sensing thinking reflection practice cultivation
breathing listening inquiry advocacy coaching coach buddy check-in workshop call pre-work project proposal
update report colleagues students teachers school classroom principal parents families community staff meeting
meetings circle circles morning trust safety wellbeing stress tiredness attention silence kindness care
curiosity feedback question questions answer learning growth change system boundary feedback delay stock flow
ladder inference assumptions data story narrative empathy self others world facilitator facilitation agenda
journal notebook observation notes timetable lesson lessons curriculum assessment grading homework recess lunch
break hallway playground library office leader leadership team teams network hub municipality district
newcomers reception language languages interpreter translation belonging welcome conflict repair restorative
dialogue presence mindfulness body scan compassion-practice gratitude resilience burnout boundaries rhythm
routine habit habits evening weekend holiday term semester spring summer autumn winter january february march
april may june july august september october november december`.split(/\s+/).filter(Boolean);

const DANISH_WORDS = `og det at en i jeg er på til med som har de ikke der var for om vi men kan så også eleverne
skolen kolleger fællesskab nærvær modtageklasse systemkortlægning isbjergmodellen refleksion praksis børnene
forældrene lærerne undervisning frikvarteret velkommen tryghed omsorg hverdag morgen samtale spørgsmål
klassen holdet møde møderne lytte tid ro tillid ansvar forandring mønstre strukturer`.split(/\s+/).filter(Boolean);

const SPANISH_WORDS = `el la de que y en los las un una por con para es no se lo como más pero sus le ya o
comunidad escucha tutoría alumnos escuela colegas familias maestros práctica reflexión sistema iceberg modelo
patrones estructuras cuidado confianza bienestar círculo reunión pregunta preguntas cambio aprendizaje mañana
clase grupo tiempo silencio atención compasión integridad mapa proyecto`.split(/\s+/).filter(Boolean);

const SYLLABLES = `ba be bi bo bu da de di do ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po
ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo an en in on ar er ir or al el il ol st tr pl br gr fl`.split(/\s+/).filter(Boolean);

/** Made-up words standing in for the long tail of a real vocabulary. */
function tailWords(count: number, random: Random): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = random.int(2, 4);
    let w = '';
    for (let i = 0; i < n; i++) w += random.pick(SYLLABLES);
    if (w.length >= 4) out.add(w);
  }
  return [...out];
}

/** Draws words with probability proportional to 1 / rank^s. */
class Zipf {
  private readonly cdf: Float64Array;
  private readonly words: readonly string[];
  private readonly random: Random;
  constructor(words: readonly string[], random: Random, s = 1.05) {
    this.words = words;
    this.random = random;
    this.cdf = new Float64Array(words.length);
    let sum = 0;
    for (let i = 0; i < words.length; i++) {
      sum += 1 / Math.pow(i + 1, s);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < words.length; i++) this.cdf[i] = (this.cdf[i] ?? 0) / sum;
  }
  draw(): string {
    const x = this.random.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo] ?? 'the';
  }
}

/** Interleave program words into the ranks after the function words, then the long tail. */
function vocabulary(base: readonly string[], program: readonly string[], tail: readonly string[]): string[] {
  const out: string[] = [...base];
  let p = 0;
  let t = 0;
  while (p < program.length || t < tail.length) {
    if (p < program.length) out.push(program[p++] as string);
    for (let k = 0; k < 3 && t < tail.length; k++) out.push(tail[t++] as string);
  }
  return [...new Set(out)];
}

// ------------------------------------------------------------------ dates

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(parse(s).getTime() + n * DAY));
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const monthName = (m: number) =>
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1] ?? 'January';
function lastDayOfMonth(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month, 0)));
}

// ------------------------------------------------------------------ people and places

const FIRST_NAMES = `Maria Jonas Sofie Mads Ida Freja Lars Anna Emil Karen Lucía Pablo Carmen Javier Elena Diego Sara
Andrés Valeria Mateo Haruka Daichi Yui Kenji Aiko Sota Emma Liam Olivia Noah Ava Ethan Grace Samuel Amara Kwame
Nadia Omar Leila Tomas Ingrid Astrid Nils Paloma Inés Teo Marisol Oskar Tilde Birgit Henrik Rosa Hugo Clara Joaquín`.split(/\s+/).filter(Boolean);
const LAST_NAMES = `Havgaard Molleskov Fjordholm Lunaclara Nubeverde Pastizal Kumonoue Mizukagami Berg Nielsen Jensen
Hansen Pedersen Andersen López García Martínez Rodríguez Fernández Sánchez Romero Torres Tanaka Suzuki Sato
Yamamoto Okafor Mensah Haddad Novak Lindqvist Dahl Vestergaard Ruiz Castillo Moreno Ortega Silva Ito Kimura Brandt
Holm Krogh Skov Lund Vidal Navarro Campos Iglesias Mori Hayashi`.split(/\s+/).filter(Boolean);

const PLACES: readonly (readonly [city: string, country: string])[] = [
  ['Aarhus', 'Denmark'],
  ['Copenhagen', 'Denmark'],
  ['Odense', 'Denmark'],
  ['Valencia', 'Spain'],
  ['Madrid', 'Spain'],
  ['Guadalajara', 'Mexico'],
  ['Oaxaca', 'Mexico'],
  ['Kyoto', 'Japan'],
  ['Sapporo', 'Japan'],
  ['Boston', 'United States'],
  ['Portland', 'United States'],
  ['Accra', 'Ghana'],
  ['Toronto', 'Canada'],
  ['Bogotá', 'Colombia'],
  ['Bergen', 'Norway'],
  ['Malmö', 'Sweden'],
];
const SITE_WORDS = ['Compassionate Schools Hub', 'Learning Network', 'Community School', 'Academy', 'Folkeskole', 'Colegio', 'Systems Awareness Hub', 'Lakeside School'];
const ROLES = ['teacher', 'teacher', 'teacher', 'administrator', 'student', 'local-stakeholder'] as const;
const COACHED = ['newly qualified teacher', 'second-year teacher', 'teaching assistant', 'team leader', 'parent volunteer', 'peer mentor', 'school counsellor'];
const FREQUENCIES = ['every two weeks', 'weekly', 'once a month', 'every second Wednesday after school'];
const ABSENCE = ['illness', 'family emergency', 'school inspection', 'travel disruption', 'parent evening'];
const TAGS = `systems awareness|iceberg model|mental models|reinforcing loop|balancing loop|systems mapping|coaching|buddies|practice|breathing|journaling|listening|colleagues|students|families|newcomers|wellbeing|leadership|inquiry|feedback|ladder of inference|compassion|integrity|community|project|first workshop|pre-work|check-in`.split('|');
const CALL_THEMES = [
  'Back home: the iceberg model in your own workplace',
  'Drawing a first systems map',
  'The ladder of inference in meetings',
  'Reinforcing and balancing loops',
  'Compassion and boundaries',
  'Listening circles',
  'Coaching conversations',
  'Mental models in assessment',
  'Preparing the portfolio of evidence',
];

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

const yamlValue = (v: unknown) => JSON.stringify(v);

function yamlFile(fields: Record<string, unknown>): string {
  return `${Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${yamlValue(v)}`)
    .join('\n')}\n`;
}

// ------------------------------------------------------------------ images

/** A small RGB PNG (a soft gradient with a few coloured bars), made with zlib. */
export function makePng(width: number, height: number, seed: number): Uint8Array {
  const random = new Random(seed);
  const base = [random.int(60, 200), random.int(60, 200), random.int(60, 200)];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const bar = Math.floor((x / width) * 5) % 2 === 0 ? 25 : 0;
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.min(255, Math.max(0, (base[c] ?? 128) + Math.round((y / height) * 40) + bar));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------ text

type Lang = 'en' | 'da' | 'es';

class Writer {
  private readonly en: Zipf;
  private readonly da: Zipf;
  private readonly es: Zipf;
  private readonly random: Random;
  constructor(random: Random) {
    this.random = random;
    const tail = tailWords(14_000, random);
    this.en = new Zipf(vocabulary(FUNCTION_WORDS, PROGRAM_WORDS, tail), random);
    this.da = new Zipf(vocabulary(DANISH_WORDS.slice(0, 18), [...DANISH_WORDS.slice(18), ...PROGRAM_WORDS.slice(0, 60)], tail), random);
    this.es = new Zipf(vocabulary(SPANISH_WORDS.slice(0, 22), [...SPANISH_WORDS.slice(22), ...PROGRAM_WORDS.slice(0, 60)], tail), random);
  }

  private zipf(lang: Lang): Zipf {
    return lang === 'da' ? this.da : lang === 'es' ? this.es : this.en;
  }

  word(lang: Lang): string {
    // an English text borrows a Danish or Spanish word now and then, as the demo portfolios do
    if (lang === 'en' && this.random.chance(0.004)) return this.random.pick(this.random.chance(0.5) ? DANISH_WORDS.slice(18) : SPANISH_WORDS.slice(22));
    return this.zipf(lang).draw();
  }

  words(lang: Lang, n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word(lang));
    return out;
  }

  /** A sentence of `n` words, with the odd comma, emphasis or link. */
  sentence(lang: Lang, n: number): string {
    const w = this.words(lang, n);
    const first = w[0] ?? 'the';
    w[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (n > 8 && this.random.chance(0.4)) w[this.random.int(3, n - 3)] += ',';
    if (this.random.chance(0.12)) {
      const i = this.random.int(1, n - 1);
      w[i] = `*${w[i]}*`;
    } else if (this.random.chance(0.06) && n > 4) {
      const i = this.random.int(1, n - 3);
      w[i] = `**${w[i]}`;
      w[i + 1] = `${w[i + 1]}**`;
    }
    if (this.random.chance(0.02) && n > 5) {
      const i = this.random.int(1, n - 3);
      w[i] = `[${w[i]} ${w[i + 1]}](https://example.org/resources/${slug(`${w[i]}-${w[i + 1]}`)})`;
      w.splice(i + 1, 1);
    }
    return `${w.join(' ')}.`;
  }

  title(lang: Lang): string {
    const w = this.words(lang, this.random.int(3, 7)).filter((x) => !x.includes('-') || x.length > 2);
    const text = w.join(' ');
    return (text.charAt(0).toUpperCase() + text.slice(1)).slice(0, 150);
  }

  /** A Markdown body of about `target` words. Returns the body and its word count. */
  body(lang: Lang, target: number, extras: { image?: string | undefined; callout?: boolean | undefined }): { text: string; words: number } {
    const parts: string[] = [];
    let count = 0;
    let sinceHeading = 1000;
    let calloutDone = !extras.callout;
    let imageDone = extras.image === undefined;
    while (count < target) {
      if (sinceHeading > 120 && (parts.length === 0 || this.random.chance(0.5))) {
        const h = this.words(lang, this.random.int(2, 5)).join(' ');
        parts.push(`## ${h.charAt(0).toUpperCase()}${h.slice(1)}`);
        count += h.split(' ').length;
        sinceHeading = 0;
        continue;
      }
      const r = this.random.next();
      if (r < 0.14) {
        const ordered = this.random.chance(0.4);
        const items: string[] = [];
        for (let i = 0, n = this.random.int(3, 6); i < n; i++) {
          const k = this.random.int(4, 14);
          items.push(`${ordered ? `${i + 1}.` : '-'} ${this.sentence(lang, k)}`);
          count += k;
          sinceHeading += k;
        }
        parts.push(items.join('\n'));
      } else if (!calloutDone && r < 0.3 && count > target / 3) {
        const k = this.random.int(25, 60);
        parts.push(`<Callout tone="tip" title="${this.title(lang).replace(/"/g, '')}">\n${this.paragraph(lang, k)}\n</Callout>`);
        count += k;
        calloutDone = true;
      } else if (!imageDone && r < 0.4 && count > target / 4) {
        parts.push(`![${this.words(lang, this.random.int(3, 6)).join(' ')}](${extras.image})`);
        imageDone = true;
      } else {
        const k = Math.min(this.random.int(40, 130), Math.max(10, target - count));
        parts.push(this.paragraph(lang, k));
        count += k;
        sinceHeading += k;
      }
    }
    if (!calloutDone) parts.push(`<Callout tone="tip" title="${this.title(lang).replace(/"/g, '')}">\n${this.paragraph(lang, 30)}\n</Callout>`);
    if (!imageDone) parts.push(`![${this.words(lang, 4).join(' ')}](${extras.image})`);
    return { text: `${parts.join('\n\n')}\n`, words: count };
  }

  paragraph(lang: Lang, n: number): string {
    const sentences: string[] = [];
    let left = n;
    while (left > 0) {
      const k = Math.min(left, this.random.int(6, 22));
      sentences.push(this.sentence(lang, Math.max(k, 3)));
      left -= k;
    }
    return sentences.join(' ');
  }

  summary(lang: Lang): string {
    const text = this.words(lang, this.random.int(12, 30)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`.slice(0, 290);
  }
}

// ------------------------------------------------------------------ the cohort

interface SessionInfo {
  id: string;
  kind: 'workshop' | 'call';
  /** YYYY-MM-DD of the start. */
  day: string;
  /** Last day (workshops run several days). */
  lastDay: string;
  module: string;
}

interface CohortInfo {
  id: string;
  year: number;
  start: string;
  end: string;
  sessions: SessionInfo[];
  members: string[];
}

interface ParticipantInfo {
  id: string;
  name: string;
  cohort: CohortInfo;
  buddies: string[];
  publicProfile: boolean;
}

function cohortTimeline(year: number): SessionInfo[] {
  const sessions: SessionInfo[] = [
    { id: 'module-1-workshop', kind: 'workshop', day: `${year}-06-14`, lastDay: `${year}-06-19`, module: 'systems-awareness' },
    { id: 'module-2-workshop', kind: 'workshop', day: `${year + 1}-01-17`, lastDay: `${year + 1}-01-22`, module: 'compassionate-integrity' },
    { id: 'module-3-workshop', kind: 'workshop', day: `${year + 1}-06-20`, lastDay: `${year + 1}-06-25`, module: 'graduation-qualification' },
  ];
  const months: [number, number][] = [
    [year, 7],
    [year, 8],
    [year, 9],
    [year, 10],
    [year, 11],
    [year, 12],
    [year + 1, 2],
    [year + 1, 3],
    [year + 1, 4],
    [year + 1, 5],
  ];
  for (const [y, m] of months) {
    const mm = String(m).padStart(2, '0');
    const day = `${y}-${mm}-14`;
    sessions.push({ id: `call-${y}-${mm}`, kind: 'call', day, lastDay: day, module: day < `${year + 1}-01-17` ? 'systems-awareness' : 'compassionate-integrity' });
  }
  return sessions.sort((a, b) => a.day.localeCompare(b.day));
}

function moduleOn(cohort: CohortInfo, day: string): string {
  if (day < `${cohort.year + 1}-01-17`) return 'systems-awareness';
  if (day < `${cohort.year + 1}-06-20`) return 'compassionate-integrity';
  return 'graduation-qualification';
}

const TYPE_CRITERIA: Record<string, string[]> = {
  reflection: ['reflective-portfolio'],
  'workshop-reflection': ['workshops', 'reflective-portfolio'],
  'call-prework': ['calls'],
  'application-project': ['application-project'],
  coaching: ['coaching'],
  'buddy-checkin': ['buddy-checkins'],
  'practice-log': ['cultivation-practice'],
};

interface Slot {
  type: string;
  day: string;
  id: string;
  extra: Record<string, unknown>;
  label: string;
}

function recipientsSupported(): boolean {
  return existsSync(join(PROJECT_ROOT, 'src/schemas/recipient.ts'));
}

export function generateSyntheticContent(options: SyntheticOptions = {}): SyntheticContent {
  const participantsWanted = Math.max(1, options.participants ?? 100);
  const perParticipant = options.entriesPerParticipant ?? 30;
  const total = options.totalEntries ?? participantsWanted * perParticipant;
  const perCohort = options.perCohort ?? 25;
  const siteCount = options.sites ?? 12;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const criteria = options.criteria ?? REAL_CRITERIA;
  const withRecipients = options.recipients ?? recipientsSupported();
  const random = new Random(options.seed ?? 1);
  const writer = new Writer(new Random((options.seed ?? 1) * 7919 + 13));
  const files: SyntheticFile[] = [];
  const peers: SyntheticFile[] = [];
  const add = (path: string, contents: string | Uint8Array) => files.push({ path, contents });
  const stats: SyntheticStats = {
    cohorts: 0,
    sites: 0,
    participants: 0,
    sessions: 0,
    attendance: 0,
    entries: 0,
    mdx: 0,
    otherLanguage: 0,
    images: 0,
    approvals: 0,
    assessments: 0,
    decisions: 0,
    recipients: 0,
    words: 0,
    averageWords: 0,
    minWords: Infinity,
    maxWords: 0,
    byType: {},
    byVisibility: {},
  };

  add('settings.yaml', [
    '# Synthetic cohort for the benchmark (scripts/bench.ts); generated, not real.',
    'title: Compassionate Systems Certification',
    'description: A one-year certification program for Compassionate Systems master practitioners, with MIT J-WEL.',
    'site: https://example.org',
    'base: /',
    'demo: false',
    'repository:',
    '  url: https://github.com/your-org/certification',
    '  branch: main',
    '',
  ].join('\n'));

  // invented faculty, next to the real program's faculty the project copies
  for (const [i, id] of [...ASSESSORS, COORDINATOR].entries()) {
    const assessor = i < ASSESSORS.length;
    add(
      `faculty/${id}.md`,
      `---\n# Synthetic faculty member (benchmark); not a real person.\n${yamlFile({ name: `Synthetic ${assessor ? `Assessor ${String.fromCharCode(65 + i)}` : 'Coordinator'}`, role: assessor ? 'facilitator' : 'coordinator', affiliation: 'Synthetic benchmark faculty (invented)', assessor })}---\n`,
    );
  }

  // sites
  const sites: string[] = [];
  for (let i = 0; i < siteCount; i++) {
    const [city, country] = PLACES[i % PLACES.length] ?? ['Aarhus', 'Denmark'];
    const kind = i % 3 === 0 ? 'hub' : 'site';
    const name = `${city} ${SITE_WORDS[i % SITE_WORDS.length]}${i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : ''}`;
    const id = slug(name);
    sites.push(id);
    add(`sites/${id}.yaml`, `# Synthetic site (benchmark); not a real school or hub.\n${yamlFile({ name, kind, city, country })}`);
  }
  stats.sites = sites.length;

  // cohorts, newest first: the newest is the one running on the as-of day
  const asOfYear = Number(asOf.slice(0, 4));
  const currentYear = asOf.slice(5) >= '06-14' ? asOfYear : asOfYear - 1;
  const cohortCount = Math.ceil(participantsWanted / perCohort);
  const cohorts: CohortInfo[] = [];
  for (let c = 0; c < cohortCount; c++) {
    const year = currentYear - c;
    const id = `${year}-${year + 1}`;
    const cohort: CohortInfo = { id, year, start: `${year}-06-14`, end: `${year + 1}-06-30`, sessions: cohortTimeline(year), members: [] };
    cohorts.push(cohort);
    add(
      `cohorts/${id}.yaml`,
      [
        `# Synthetic cohort (benchmark).`,
        `title: ${yamlValue(`${year}–${year + 1} cycle`)}`,
        `start: ${cohort.start}`,
        `end: ${cohort.end}`,
        `applicationDeadline: ${year}-04-15`,
        'deadlineTimeZone: America/New_York',
        'applicationContact: mailto:certification@example.org',
        'cost:',
        '  amount: 14000',
        '  currency: USD',
        '  notIncluded: [travel, accommodation, meals]',
        'discounts:',
        '  - who: students',
        '    percent: 50',
        'calls:',
        '  frequency: monthly',
        '  time: "09:00"',
        '  timeZone: America/New_York',
        '  durationMinutes: 180',
        '  platform: Zoom',
        '',
      ].join('\n'),
    );
    for (const s of cohort.sessions) {
      const lines =
        s.kind === 'workshop'
          ? {
              kind: 'workshop',
              title: `Module ${s.id.slice(7, 8)} workshop`,
              module: s.module,
              start: `${s.day}T14:00`,
              end: `${s.lastDay}T12:30`,
              timeZone: 'America/New_York',
              location: { name: 'Riverbend Conference House', city: 'Cambridge', region: 'Massachusetts', country: 'United States' },
              speakers: [ASSESSORS[0], ASSESSORS[1]],
            }
          : {
              kind: 'call',
              title: `Monthly call, ${monthName(Number(s.day.slice(5, 7)))} ${s.day.slice(0, 4)}`,
              module: s.module,
              start: `${s.day}T09:00`,
              durationMinutes: 180,
              timeZone: 'America/New_York',
              platform: 'Zoom',
              meetingUrl: `https://zoom.example/j/81${s.day.replace(/-/g, '')}`,
              theme: random.pick(CALL_THEMES),
              prework: `Pick **one recurring event** from your work and draw it as an iceberg.\n\n1. Events, patterns, structures, mental models.\n2. Three sentences on what surprised you.\n`,
            };
      add(`sessions/${id}/${s.id}.yaml`, `# Synthetic session (benchmark).\n${yamlFile(lines)}`);
      stats.sessions++;
    }
  }
  stats.cohorts = cohorts.length;

  // participants
  const participants: ParticipantInfo[] = [];
  const usedIds = new Set<string>();
  const usedHandles = new Set<string>();
  for (let k = 0; k < participantsWanted; k++) {
    const cohort = cohorts[Math.floor(k / perCohort)] as CohortInfo;
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name)}-${n}`;
    usedIds.add(id);
    participants.push({ id, name, cohort, buddies: [], publicProfile: random.chance(0.25) });
    cohort.members.push(id);
  }
  // buddies: pairs within a cohort (a trio when the cohort has an odd number)
  const byId = new Map(participants.map((p) => [p.id, p]));
  for (const cohort of cohorts) {
    const m = cohort.members;
    for (let i = 0; i + 1 < m.length; i += 2) {
      const group = (i + 3 === m.length ? m.slice(i, i + 3) : m.slice(i, i + 2));
      for (const a of group) {
        const p = byId.get(a);
        if (p) p.buddies = group.filter((b) => b !== a);
      }
      if (i + 3 === m.length) break;
    }
  }
  participants.forEach((p, index) => {
    let handle = p.id.slice(0, 36);
    for (let n = 2; usedHandles.has(handle); n++) handle = `${p.id.slice(0, 33)}-${n}`;
    usedHandles.add(handle);
    const role = random.pick(ROLES);
    add(
      `participants/${p.id}.yaml`,
      `# Synthetic participant (benchmark); this person is invented.\n${yamlFile({
        name: p.name,
        cohort: p.cohort.id,
        site: sites[index % sites.length],
        role,
        team: random.chance(0.3) ? `${p.cohort.id} team ${random.int(1, 4)}` : undefined,
        buddies: p.buddies,
        gitHandle: handle,
        alumnus: random.chance(0.4),
        publicProfile: p.publicProfile,
      })}`,
    );
  });
  stats.participants = participants.length;

  // attendance of the sessions held
  for (const cohort of cohorts) {
    for (const s of cohort.sessions) {
      if (s.day >= asOf) continue;
      const present: string[] = [];
      const absent: { participant: string; reason: string }[] = [];
      for (const m of cohort.members) {
        if (random.chance(0.06)) absent.push({ participant: m, reason: random.pick(ABSENCE) });
        else present.push(m);
      }
      const recordedOn = minDate(addDays(s.lastDay, random.int(0, 2)), asOf);
      add(`attendance/${cohort.id}/${s.id}.yaml`, `# Synthetic attendance record (benchmark).\n${yamlFile({ present, absent, recordedBy: COORDINATOR, recordedOn })}`);
      stats.attendance++;
    }
  }

  // portfolio entries: the same number for everyone, the remainder to the first participants
  const base = Math.floor(total / participants.length);
  const remainder = total - base * participants.length;
  const proposals = new Map<string, { id: string; day: string; firstWorkshopEnd: string }>();
  let imageNo = 0;
  participants.forEach((p, index) => {
    const wanted = base + (index < remainder ? 1 : 0);
    const cohort = p.cohort;
    const last = minDate(addDays(cohort.end, -1), addDays(asOf, -1));
    const slots = planEntries(random, cohort, p, asOf, last, wanted);
    const usedSlugs = new Set<string>();
    for (const slot of slots) {
      const lang: Lang = random.chance(0.06) ? (random.chance(0.5) ? 'da' : 'es') : 'en';
      const title = slot.label || writer.title(lang);
      const wantedId = (slot.id || `${slot.type}-${slug(title).split('-').slice(0, 4).join('-')}`).slice(0, 60).replace(/-+$/, '');
      let id = wantedId;
      for (let n = 2; usedSlugs.has(id); n++) id = `${wantedId}-${n}`;
      usedSlugs.add(id);
      const mdx = random.chance(0.05);
      const image = random.chance(0.025) ? `photo-${++imageNo}.png` : undefined;
      const target = Math.round(Math.min(1200, Math.max(150, 590 * Math.exp(0.45 * random.gaussian()))));
      const body = writer.body(lang, target, { image: image ? `./${image}` : undefined, callout: mdx });
      if (image) {
        add(`portfolios/${p.id}/${image}`, makePng(random.int(80, 160), random.int(60, 120), imageNo));
        stats.images++;
      }
      // "default": the line is left out, which keeps the entry faculty-only
      const picked = p.publicProfile
        ? random.pick(['public', 'public', 'cohort', 'cohort', 'cohort', 'faculty', 'default'])
        : random.pick(['cohort', 'cohort', 'cohort', 'faculty', 'default']);
      const visibility = picked === 'default' ? undefined : picked;
      const tags = random.shuffle([...TAGS]).slice(0, random.int(1, 4));
      const fields: Record<string, unknown> = {
        type: slot.type,
        title,
        date: slot.day,
        ...slot.extra,
        module: moduleOn(cohort, slot.day),
        summary: random.chance(0.8) ? writer.summary(lang) : undefined,
        tags,
        criteria: criteria.length ? TYPE_CRITERIA[slot.type]?.filter((c) => criteria.includes(c)) : undefined,
        visibility,
        lang: lang === 'en' ? undefined : lang,
      };
      const front = `---\n# Synthetic entry (benchmark).\n${yamlFile(fields)}---\n`;
      add(`portfolios/${p.id}/${id}.${mdx ? 'mdx' : 'md'}`, `${front}${body.text}`);
      peers.push({
        path: `${p.id}/${id}.md`,
        contents: `---\n${yamlFile({ title, date: slot.day, participant: p.id, tags, draft: false })}---\n${body.text}`,
      });
      if (slot.type === 'application-project' && slot.extra['stage'] === 'proposal') {
        proposals.set(p.id, { id, day: slot.day, firstWorkshopEnd: p.cohort.sessions.find((s) => s.kind === 'workshop')?.lastDay ?? p.cohort.start });
      }
      stats.entries++;
      if (mdx) stats.mdx++;
      if (lang !== 'en') stats.otherLanguage++;
      stats.words += body.words;
      stats.minWords = Math.min(stats.minWords, body.words);
      stats.maxWords = Math.max(stats.maxWords, body.words);
      stats.byType[slot.type] = (stats.byType[slot.type] ?? 0) + 1;
      const v = String(visibility ?? 'faculty');
      stats.byVisibility[v] = (stats.byVisibility[v] ?? 0) + 1;
    }
  });
  stats.averageWords = stats.entries ? Math.round(stats.words / stats.entries) : 0;
  if (stats.minWords === Infinity) stats.minWords = 0;

  // most proposals reviewed before the year, and finalised after the first workshop once it is over
  for (const [participant, proposal] of proposals) {
    if (!random.chance(0.7)) continue;
    const reviewed = minDate(addDays(proposal.day, random.int(3, 9)), addDays(asOf, -1));
    add(
      `approvals/${participant}/${proposal.id}/review.yaml`,
      `# Synthetic approval step (benchmark).\n${yamlFile({ by: random.shuffle([...ASSESSORS]).slice(0, 2), date: maxDate(reviewed, proposal.day) })}`,
    );
    stats.approvals++;
    const finalised = addDays(proposal.firstWorkshopEnd, random.int(5, 30));
    if (finalised >= asOf) continue;
    add(
      `approvals/${participant}/${proposal.id}/final.yaml`,
      `# Synthetic approval step (benchmark).\n${yamlFile({ by: random.shuffle([...ASSESSORS]).slice(0, 2), date: finalised, note: 'Agreed; keep the scope to one year group.' })}`,
    );
    stats.approvals++;
  }

  // assessments for ~30% (oldest cohorts first: their year is over), decisions for ~10%
  const assessed = [...participants].reverse().filter((_, i) => i % 10 < 3);
  let certificate = 0;
  assessed.forEach((p, i) => {
    const assessors = random.shuffle([...ASSESSORS]).slice(0, 2);
    const date = minDate(`${p.cohort.year + 1}-06-26`, addDays(asOf, -10));
    for (const assessor of assessors) {
      const levels: Record<string, { level: string; comment: string }> = {};
      for (const c of criteria) levels[c] = { level: random.pick(['developing', 'meets', 'meets', 'exceeds', 'not-yet']), comment: writer.summary('en') };
      add(
        `assessments/${p.id}/${assessor}.yaml`,
        `# Synthetic assessment (benchmark).\n${yamlFile({ assessor, date, levels, recommendation: random.chance(0.7) ? 'certify' : 'further-work', summary: writer.summary('en') })}`,
      );
      stats.assessments++;
    }
    if (i % 3 !== 0) return;
    const decided = minDate(addDays(date, 3), addDays(asOf, -5));
    const released = minDate(addDays(decided, 2), addDays(asOf, -1));
    const certified = (i / 3) % 2 === 0;
    const fields = certified
      ? { outcome: 'certified', date: decided, panel: assessors, certificateId: `CST-${decided.slice(0, 4)}-${String(++certificate).padStart(4, '0')}`, released }
      : { outcome: 'further-work', date: decided, panel: assessors, conditions: ['Write the final report of the application project.', 'Keep a monthly check-in with your buddy.'], released };
    if (certified && !withRecipients) {
      // without recipient records a certified decision cannot be released; record further work instead
      Object.assign(fields, { outcome: 'further-work', certificateId: undefined, conditions: ['Write the final report of the application project.'] });
    }
    add(`decisions/${p.id}/${decided}.yaml`, `# Synthetic decision (benchmark); nobody is certified by it.\n${yamlFile(fields)}`);
    stats.decisions++;
    if (certified && withRecipients) {
      const salt = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
      add(`recipients/${p.id}.yaml`, `# Synthetic recipient record (benchmark).\n${yamlFile({ email: `${p.id}@example.org`, salt })}`);
      stats.recipients++;
    }
  });

  return { files, peers, stats, asOf, queryWords: ['compassion', 'listening', 'iceberg', 'ladder', 'restorative', 'interpreter', 'gratitude'] };
}

/** Which entries a participant writes, in order: the essentials first, then a mix of the rest. */
function planEntries(random: Random, cohort: CohortInfo, p: ParticipantInfo, asOf: string, last: string, wanted: number): Slot[] {
  const core: Slot[] = [];
  const pool: Slot[] = [];
  const start = cohort.start;
  const between = (a: string, b: string) => {
    const from = parse(a).getTime();
    const to = Math.max(from, parse(b).getTime());
    return iso(new Date(from + Math.floor(random.next() * ((to - from) / DAY + 1)) * DAY));
  };
  const held = cohort.sessions.filter((s) => s.day < asOf);
  // proposals come before the year: the program reviews them before it starts
  core.push({ type: 'application-project', day: minDate(addDays(start, -random.int(12, 30)), last), id: 'project-proposal', extra: { stage: 'proposal' }, label: '' });
  const over = cohort.end < asOf;
  if (over) core.push({ type: 'application-project', day: addDays(cohort.end, -random.int(8, 14)), id: 'project-final-report', extra: { stage: 'final-report' }, label: '' });
  for (const s of held.filter((x) => x.kind === 'workshop')) {
    const day = minDate(addDays(s.lastDay, random.int(2, 6)), last);
    core.push({ type: 'workshop-reflection', day, id: `workshop-${s.id.replace('-workshop', '')}`, extra: { session: `${cohort.id}/${s.id}` }, label: '' });
  }
  for (const s of held.filter((x) => x.kind === 'call')) {
    const day = maxDate(start, addDays(s.day, -random.int(2, 7)));
    pool.push({ type: 'call-prework', day, id: `call-prework-${s.id.slice(5)}`, extra: { session: `${cohort.id}/${s.id}` }, label: '' });
  }
  // months completed before the as-of day
  for (let y = cohort.year, m = 6; y < cohort.year + 1 || m <= 6; m === 12 ? ((m = 1), y++) : m++) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    const end = lastDayOfMonth(y, m);
    if (end >= asOf) break;
    const periodStart = maxDate(first, start);
    const days: string[] = [];
    for (let d = periodStart; d <= end; d = addDays(d, 1)) if (random.chance(0.65)) days.push(d);
    pool.push({
      type: 'practice-log',
      day: end,
      id: `practice-log-${first.slice(0, 7)}`,
      extra: { periodStart, periodEnd: end, practisedOn: days },
      label: `Practice log, ${monthName(m)} ${y}`,
    });
    if (p.buddies.length) {
      pool.push({
        type: 'buddy-checkin',
        day: between(periodStart, end),
        id: `buddy-checkin-${first.slice(0, 7)}`,
        extra: { buddies: p.buddies.slice(0, random.int(1, p.buddies.length)) },
        label: `Buddy check-in, ${monthName(m)} ${y}`,
      });
    }
  }
  for (let i = 1; i <= 3; i++) {
    pool.push({
      type: 'coaching',
      day: between(addDays(start, 30), last),
      id: `coaching-${i}`,
      extra: { coachedRole: random.pick(COACHED), frequency: random.pick(FREQUENCIES), sessionsHeld: random.int(1, 12) },
      label: '',
    });
  }
  for (let i = 1; i <= 2; i++) pool.push({ type: 'application-project', day: between(addDays(start, 40), last), id: `project-update-${i}`, extra: { stage: 'update' }, label: '' });
  for (let i = 0; i < 8; i++) pool.push({ type: 'reflection', day: between(start, last), id: '', extra: {}, label: '' });
  random.shuffle(pool);
  const chosen = [...core, ...pool].slice(0, wanted);
  while (chosen.length < wanted) chosen.push({ type: 'reflection', day: between(start, last), id: '', extra: {}, label: '' });
  // an entry's date is never after the as-of day
  return chosen.map((s) => ({ ...s, day: minDate(s.day, last) })).sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

// ------------------------------------------------------------------ a project to build it in

/** The code a throwaway project needs (as tests/helpers/fixture-project.ts copies it). */
export const PROJECT_CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Real program content the synthetic cohort keeps. */
export const PROGRAM_FOLDERS = ['program', 'modules', 'faculty', 'framework'];

export interface SyntheticProject {
  root: string;
  content: SyntheticContent;
}

/**
 * A throwaway copy of the project at `root` (created; must not exist or be empty) with a
 * synthetic content/ folder: code copied, node_modules linked package by package (so the copy
 * has its own Astro cache), the real program content copied, the rest generated.
 */
export function writeSyntheticProject(root: string, options: SyntheticOptions = {}, from = PROJECT_ROOT): SyntheticProject {
  mkdirSync(root, { recursive: true });
  for (const item of PROJECT_CODE) cpSync(join(from, item), join(root, item), { recursive: true });
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(from, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    if (!existsSync(join(root, 'node_modules', name))) symlinkSync(join(from, 'node_modules', name), join(root, 'node_modules', name));
  }
  const content = writeSyntheticContent(join(root, 'content'), options, join(from, 'content'));
  if (!existsSync(join(root, '.git'))) execFileSync('git', ['init', '-q'], { cwd: root });
  return { root, content };
}

/** Replace `contentDir` with the real program content from `programFrom` and a generated cohort. */
export function writeSyntheticContent(contentDir: string, options: SyntheticOptions = {}, programFrom = join(PROJECT_ROOT, 'content')): SyntheticContent {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  for (const folder of PROGRAM_FOLDERS) {
    if (existsSync(join(programFrom, folder))) cpSync(join(programFrom, folder), join(contentDir, folder), { recursive: true });
  }
  const criteria = existsSync(join(contentDir, 'framework'))
    ? readdirSync(join(contentDir, 'framework'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort()
    : [];
  const content = generateSyntheticContent({ criteria, ...options });
  for (const file of content.files) {
    const path = join(contentDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return content;
}

/** Write the peers.sh corpus (`<dir>/content/portfolios/<participant>/<entry>.md`). */
export function writePeersCorpus(dir: string, content: SyntheticContent): string {
  const portfolios = join(dir, 'content/portfolios');
  rmSync(portfolios, { recursive: true, force: true });
  for (const file of content.peers) {
    const path = join(portfolios, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return portfolios;
}

/** Read a file of a synthetic project (for tests). */
export function readProjectFile(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}
