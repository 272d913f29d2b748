/**
 * The text of a new portfolio entry, for `npm run new` and (later) the browser composer.
 *
 * Every field of the entry type's schema is written in schema order, each under a `# comment`
 * with the field's description from the schema: required fields filled in, optional ones commented
 * out with their example, so a participant can see everything the entry may say. Then a short body
 * with headings suited to the type.
 *
 * Pure: no node: modules, so the browser can use it.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { suggestId } from './content-model.ts';
import { fieldMeta, type Visibility } from '../schemas/common.ts';
import { ENTRY_SCHEMAS, ENTRY_TYPE_LABELS, type EntryType, type ProjectStage } from '../schemas/portfolio-entry.ts';

export interface ScaffoldOptions {
  /** Participant id: the portfolio folder. */
  participant: string;
  /** True when the participant's file is in content/demo/participants/. */
  demo?: boolean | undefined;
  type: EntryType;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  module?: string | undefined;
  visibility?: Visibility | undefined;
  /** cohort/session, for workshop-reflection and call-prework. */
  session?: string | undefined;
  /** For application-project. */
  stage?: ProjectStage | undefined;
  /** Values of any other field by name, e.g. { coachedRole: 'new teacher', buddies: ['jonas-berg'] }. */
  fields?: Readonly<Record<string, unknown>> | undefined;
  /** The entry's own text; without it, headings suited to the type are written as a starting point. */
  body?: string | undefined;
}

export interface ScaffoldedEntry {
  /** Project-relative path, e.g. content/portfolios/maria-lopez/2026-03-14-what-the-iceberg-showed-me.md */
  path: string;
  text: string;
}

type Shape = Record<string, z.ZodType>;

function shapeOf(schema: z.ZodType): Shape {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Shape } } })._zod.def;
  if (def.type !== 'object' || !def.shape) throw new Error('an entry schema must be an object');
  return def.shape;
}

/** May the field be left out? (optional, or with a default) */
function isOptional(schema: z.ZodType): boolean {
  const internals = (schema as unknown as { _zod: { optin?: string; def: { type: string } } })._zod;
  return internals.optin !== undefined || ['optional', 'default', 'prefault'].includes(internals.def.type);
}

/** One field of an entry type, as the scaffolder and the composer show it. */
export interface EntryField {
  name: string;
  required: boolean;
  description?: string;
  example?: string;
}

/** The fields of an entry type in the schema's order (without `type`). */
export function entryFields(type: EntryType): EntryField[] {
  const shape = shapeOf(ENTRY_SCHEMAS[type]);
  return Object.entries(shape)
    .filter(([name]) => name !== 'type')
    .map(([name, schema]) => {
      const meta = fieldMeta(schema);
      const out: EntryField = { name, required: !isOptional(schema) };
      if (meta) out.description = meta.description;
      if (meta?.example !== undefined) out.example = meta.example;
      return out;
    });
}

const MAX_SLUG = 60;

/** The file-name part made from a title: lowercase words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = suggestId(title);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

export function entryPath(opts: Pick<ScaffoldOptions, 'participant' | 'demo' | 'date' | 'title'>): string {
  return `${opts.demo ? 'content/demo' : 'content'}/portfolios/${opts.participant}/${opts.date}-${slugify(opts.title)}.md`;
}

const AMBIGUOUS = /^(y|yes|n|no|on|off|true|false|null|~)$/i;

/** A value written as YAML on one line. */
export function yamlValue(value: unknown): string {
  if (typeof value === 'string' && AMBIGUOUS.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 2000, m ?? 1, 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

function bodyFor(type: EntryType, stage: ProjectStage | undefined): string {
  const sections = (...items: [heading: string, prompt: string][]) =>
    items.map(([heading, prompt]) => `## ${heading}\n\n${prompt}\n`).join('\n');
  switch (type) {
    case 'reflection':
      return sections(
        ['What happened', 'Describe the moment or experience in a few sentences.'],
        ['What I noticed', 'What did you notice in yourself and in the system around you?'],
        ['What I will try next', 'One small step you will take, and how you will know it helped.'],
      );
    case 'workshop-reflection':
      return sections(
        ['Key moments', 'Which moments of the workshop stay with you, and why?'],
        ['What I learned about myself', 'What did the practices show you about how you work and relate to others?'],
        ['What I take back to my setting', 'What will you try with your students, colleagues or team?'],
      );
    case 'call-prework':
      return sections(
        ['The pre-work', 'What the pre-work asked of you, in your own words.'],
        ['My response', 'What you did, drew or found.'],
        ['Questions for the call', 'What you would like to explore with the group.'],
      );
    case 'application-project':
      if (stage === 'update') {
        return sections(
          ['Progress', 'What has happened since the proposal or the last update?'],
          ['Challenges', 'What is harder than expected, and what have you tried?'],
          ['Next steps', 'What comes next, and what support would help?'],
        );
      }
      if (stage === 'final-report') {
        return sections(
          ['What I did', 'The project from start to finish, briefly.'],
          ['What changed', 'What changed for the people involved, with evidence where you have it.'],
          ['What I learned', 'About the tools, the system and yourself.'],
          ['What comes next', 'How the work continues without you, or with you.'],
        );
      }
      return sections(
        ['Context', 'Your setting, and the situation the project responds to.'],
        ['Aim', 'What you hope will change, and for whom.'],
        ['Plan', 'Which tools and practices you will use, and when.'],
        ['How I will know', 'What you will look at to see whether it worked.'],
      );
    case 'coaching':
      return sections(
        ['Context', 'The situation of the person you coach, by role only: never write their name.'],
        ['What we worked on', 'The questions and practices you used together.'],
        ['What I noticed as a coach', 'What went well, what you would do differently.'],
      );
    case 'buddy-checkin':
      return sections(
        ['What we talked about', 'The main things you shared.'],
        ['Support asked and offered', 'What each of you asked for, and offered.'],
        ['Next check-in', 'When you will meet again, and what you will bring.'],
      );
    case 'practice-log':
      return sections(
        ['My practice', 'Which practice you kept, for how long each time.'],
        ['What I noticed', 'Changes you noticed over the period, however small.'],
        ['What helped and what got in the way', 'What made it easier or harder to practise.'],
      );
  }
}

/** Build the file: its path and its text. Values that are not given for required fields get the field's example. */
export function scaffoldEntry(opts: ScaffoldOptions): ScaffoldedEntry {
  const values: Record<string, unknown> = { ...(opts.fields ?? {}) };
  values['title'] = opts.title;
  values['date'] = opts.date;
  if (opts.module !== undefined) values['module'] = opts.module;
  if (opts.visibility !== undefined) values['visibility'] = opts.visibility;
  if (opts.session !== undefined) values['session'] = opts.session;
  if (opts.stage !== undefined) values['stage'] = opts.stage;
  if (opts.type === 'practice-log') {
    values['periodStart'] ??= `${opts.date.slice(0, 8)}01`;
    values['periodEnd'] ??= lastDayOfMonth(opts.date);
  }

  const lines: string[] = ['---'];
  lines.push(`# kind of entry: ${ENTRY_TYPE_LABELS[opts.type]} (keep this line as it is)`);
  lines.push(`type: ${opts.type}`);
  for (const field of entryFields(opts.type)) {
    const description = field.description ?? field.name;
    const value = values[field.name];
    const given = value !== undefined && !(Array.isArray(value) && value.length === 0 && !field.required);
    if (given) {
      lines.push(`# ${description}`);
      lines.push(`${field.name}: ${yamlValue(value)}`);
    } else if (field.required) {
      lines.push(`# ${description} (required: replace this example)`);
      lines.push(`${field.name}: ${field.example ?? '""'}`);
    } else {
      lines.push(`# ${description} (optional: remove the # to use it)`);
      lines.push(`# ${field.name}: ${field.example ?? ''}`.trimEnd());
    }
  }
  lines.push('---', '');
  const text = `${lines.join('\n')}\n${opts.body ?? bodyFor(opts.type, opts.stage)}`;
  return { path: entryPath(opts), text };
}
