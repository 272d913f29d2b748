/**
 * Building blocks shared by every content schema.
 *
 * Each field carries `meta({ description, example })`: the description is the one line an author
 * reads in an error, in `npm run new` and in the composer; the example is a value that would be
 * accepted. Messages say what to write instead, never only what is wrong.
 *
 * Pure module: no Astro imports, so the validator, the scripts and the browser composer share it.
 */
import { z } from 'zod';

// In the browser (the composer), zod would probe for eval with `new Function` to speed up parsing;
// the sites' content security policy forbids eval, so the probe is refused and reported as a
// violation. Parse without it there.
if (typeof document !== 'undefined') z.config({ jitless: true });

export interface FieldMeta {
  /** One line saying what the field is, and its default when it has one. */
  description: string;
  /** A value that would be accepted, written as it would appear in the file. */
  example?: string;
}

/** Attach author-facing documentation to a schema. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta({ ...meta }) as T;
}

/** Read the author-facing documentation attached with `field`. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  const meta = schema.meta() as Record<string, unknown> | undefined;
  if (!meta || typeof meta['description'] !== 'string') return undefined;
  const out: FieldMeta = { description: meta['description'] };
  if (typeof meta['example'] === 'string') out.example = meta['example'];
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a YYYY-MM-DD string is not a real date, or undefined when it is one. */
export function explainIsoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return `a date must be written YYYY-MM-DD, for example 2020-06-28; got "${value}"`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `"${value}" has no month ${month}: months run 01 to 12`;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return `"${value}" is not a real date: ${MONTHS[month - 1]} ${year} has ${max} days`;
  }
  return undefined;
}

/** A calendar date, YYYY-MM-DD, checked to exist (2020-02-30 is refused). */
export const isoDate = z.string({ error: 'expected a date written YYYY-MM-DD, for example 2020-06-28' }).superRefine((value, ctx) => {
  const problem = explainIsoDate(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock time with no offset, YYYY-MM-DDTHH:MM, read in the zone named next to it. */
export const localDateTime = z
  .string({ error: 'expected a date and time written YYYY-MM-DDTHH:MM, for example 2020-06-28T14:00' })
  .superRefine((value, ctx) => {
    const m = LOCAL_DATE_TIME.exec(value);
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `a date and time must be written YYYY-MM-DDTHH:MM (24-hour clock, no time zone), for example 2020-06-28T14:00; got "${value}"`,
      });
      return;
    }
    const dateProblem = explainIsoDate(m[1] ?? '');
    if (dateProblem) ctx.addIssue({ code: 'custom', message: dateProblem });
    const hour = Number(m[2]);
    const minute = Number(m[3]);
    if (hour > 23 || minute > 59) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a time of day: hours run 00 to 23 and minutes 00 to 59` });
    }
  });

/** The literal a schedule writes where the brochure gives no date yet. */
export const TBA = 'tba';
export const tba = z.literal(TBA);

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** An IANA time zone name such as America/New_York. */
export const timeZone = z.string().superRefine((value, ctx) => {
  if (!isKnownTimeZone(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an IANA time zone name; write one like America/New_York or Europe/Copenhagen (abbreviations such as EST are ambiguous)`,
    });
  }
});

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reference to another file by its id (its file name without the extension). */
export function idRef(what: string, example: string) {
  return z
    .string({ error: `expected the id of a ${what}, the file name without its extension, for example ${example}` })
    .regex(ID, { message: `expected the id of a ${what}: lowercase letters, digits and hyphens, for example ${example}` });
}

/** Who may read a piece of content. Order matters: each audience sees its level and those below it. */
export const VISIBILITIES = ['public', 'cohort', 'faculty'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const visibility = z.enum(VISIBILITIES, {
  error: (issue) =>
    `visibility must be one of public, cohort or faculty (lowercase); got ${JSON.stringify(issue.input)}. Leave the line out to keep the entry faculty-only`,
});

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** An absolute web or mail address. */
export const webUrl = z.string().superRefine((value, ctx) => {
  if (!SAFE_URL.test(value) || /\s/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an address starting with https://, http:// or mailto:, for example https://example.org/apply; got "${value}"`,
    });
  }
});

/** An https address only (links we publish or send people to). */
export const httpsUrl = z.string().superRefine((value, ctx) => {
  if (!/^https:\/\/[^\s/]+/.test(value)) {
    ctx.addIssue({ code: 'custom', message: `expected an address starting with https://, for example https://example.org; got "${value}"` });
  }
});

/** A BCP 47 language tag, such as en, es or da. */
export const languageTag = z.string().superRefine((value, ctx) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (!canonical) throw new Error('empty');
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a language tag; write one like en, es, da or ja` });
  }
});

/** A git host user name. */
export const gitHandle = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, {
    message: 'a git handle is your user name on the git host, letters, digits and single hyphens, for example maria-lopez',
  });

/** Non-empty single-line text. */
export function line(what: string, max = 200) {
  return z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(max, { message: `${what} must be at most ${max} characters` })
    .refine((v) => !/[\r\n]/.test(v), { message: `${what} must fit on one line` });
}
