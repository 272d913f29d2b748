/**
 * A qualification criterion: `content/framework/<criterion-id>.yaml`.
 *
 * Every criterion and every evidence rule says where it comes from (`source`), so that every number
 * and requirement the public site shows can be traced: the brochure (quoting the sentence it rests
 * on, and naming its section), a decision of the assessing faculty (who, when), or, until someone has
 * set it, a proposal. Pages name the section, never the sentence: program copy is in our own words. The
 * faculty confirm a proposal by editing that one criterion file: they replace `proposal:` with
 * `faculty: { by: [...], date: ... }` (and change the rule if they decide otherwise).
 *
 * `evidence` says, declaratively, what meets the criterion, so the evidence matrix
 * (src/lib/coverage.ts) can be computed from files instead of being ticked by hand:
 *
 * - `entries`: at least `min` portfolio entries of `type` (one type or a list), optionally of one
 *   application-project `stage`, optionally only those that list this criterion (`tagged: true`);
 * - `monthly`: at least `min` entries of `type` in every month of the participant's year so far;
 * - `attendance`: present at every `workshop` (or every `call`) of the cohort held so far;
 * - `project`: an application-project proposal with both approval steps recorded: reviewed
 *   before the year, finalised after the first workshop (src/schemas/approval.ts);
 * - `all`: every rule in `rules` holds.
 */
import { z } from 'zod';
import { ENTRY_TYPES, PROJECT_STAGES, type EntryType, type ProjectStage } from './portfolio-entry.ts';
import { SESSION_KINDS, type SessionKind } from './session.ts';
import { field, idRef, isoDate, line } from './common.ts';

/** The brochure's title for a graduate, word for word. */
export const QUALIFICATION_TITLE = 'MIT-JWEL Compassionate Systems Trainer';

/**
 * The brochure's sections, in its order: the name a source gives (`section:`), and how the section's
 * first line begins in the brochure: its heading, in the brochure's own spelling (the opening pages
 * are headed by the brochure's title; the closing lines on cost, deadline and dates by "Cost:").
 * `scripts/brochure-shingles.ts` finds each one when it fingerprints the brochure.
 */
export const BROCHURE_SECTIONS = [
  { name: 'Introduction', heading: 'Certification Program' },
  { name: 'Program structure', heading: 'Program Structure' },
  { name: 'Program dates and locations', heading: 'Program Dates & Locations' },
  { name: 'Participant commitments', heading: 'Participant Commitments' },
  { name: 'Benefits', heading: 'Benefits' },
  { name: 'Faculty', heading: 'Faculty' },
  { name: 'Cost and dates', heading: 'Cost' },
] as const;

export type BrochureSection = (typeof BROCHURE_SECTIONS)[number]['name'];
export const BROCHURE_SECTION_NAMES = BROCHURE_SECTIONS.map((s) => s.name) as [BrochureSection, ...BrochureSection[]];

/**
 * Stated in the program's brochure: the sentence the criterion or rule rests on, quoted exactly (the
 * record of where it comes from; tests check it against the brochure), and the brochure's section
 * it is in, which is what pages show.
 */
export interface BrochureSource {
  brochure: string;
  section: BrochureSection;
}

/** Set by the assessing faculty: who decided, and when. */
export interface FacultySource {
  faculty: { by: string[]; date: string; note?: string | undefined };
}

/** Not set by anyone yet: proposed, with why, until the faculty confirm or change it. */
export interface ProposalSource {
  proposal: string;
}

export type RuleSource = BrochureSource | FacultySource | ProposalSource;
export type SourceKind = 'brochure' | 'faculty' | 'proposal';

export function sourceKind(source: RuleSource): SourceKind {
  return 'brochure' in source ? 'brochure' : 'faculty' in source ? 'faculty' : 'proposal';
}

const SOURCE_KINDS = ['brochure', 'faculty', 'proposal'] as const;
const SOURCE_EXAMPLE = 'source: { brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }';
const SOURCE_HELP =
  'source must say where this comes from: write exactly one of brochure: "the sentence of the brochure it rests on" with section: the brochure\'s section, faculty: { by: [ids of the assessing faculty who decided], date: YYYY-MM-DD }, or proposal: "why this is proposed" until the faculty decide';
const SECTION_HELP = `section must be the brochure section the sentence is in, one of ${BROCHURE_SECTION_NAMES.join(', ')}; for example section: Participant commitments`;

const quote = z
  .string({ error: 'brochure must be the sentence of the brochure this rests on, quoted exactly, for example "Be present at all three face-to-face sessions (15 days total)."' })
  .trim()
  .min(10, { message: 'brochure must quote the whole sentence this rests on, for example "Be present at all three face-to-face sessions (15 days total)."' })
  .max(600, { message: 'brochure must quote one sentence of the brochure (at most 600 characters), not a passage' });

const facultyDecision = z.strictObject({
  by: field(
    z
      .array(idRef('faculty member', 'peter-m-senge'), { error: 'by must be a list of faculty ids, for example [peter-m-senge, mette-miriam-boell]' })
      .min(1, { message: 'by must name the assessing faculty who decided, for example [peter-m-senge, mette-miriam-boell]' }),
    { description: 'ids of the assessing faculty who decided', example: '[peter-m-senge, mette-miriam-boell]' },
  ),
  date: field(isoDate, { description: 'date of the decision, YYYY-MM-DD', example: '2020-07-03' }),
  note: field(line('the note', 500).optional(), { description: 'where the decision is recorded, or what it says (optional)', example: 'Faculty meeting after the first workshop.' }),
});

const section = z.enum(BROCHURE_SECTION_NAMES, { error: (issue) => `${JSON.stringify(issue.input)} is not a section of the brochure; ${SECTION_HELP}` });

/** Exactly one kind, so that a source is never two things at once; a brochure source names its section. */
export const ruleSourceSchema: z.ZodType<RuleSource> = z
  .looseObject({
    brochure: field(quote.optional(), { description: 'the sentence of the brochure this rests on, quoted exactly', example: '"Be present at all three face-to-face sessions (15 days total)."' }),
    section: field(section.optional(), { description: 'with brochure: the brochure section the sentence is in (pages show this, not the sentence)', example: 'Participant commitments' }),
    faculty: field(facultyDecision.optional(), { description: 'the decision of the assessing faculty that set this: who and when', example: '{ by: [peter-m-senge, mette-miriam-boell], date: 2020-07-03 }' }),
    proposal: field(line('the proposal', 600).optional(), {
      description: 'why this is proposed, while nobody has set it; the faculty confirm it by replacing proposal with faculty',
      example: '"The brochure sets no number; three accounts of coaching are proposed."',
    }),
  }, { error: SOURCE_HELP })
  .superRefine((value, ctx) => {
    const unknown = Object.keys(value).filter((key) => key !== 'section' && !(SOURCE_KINDS as readonly string[]).includes(key));
    for (const key of unknown) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is not a kind of source; ${SOURCE_HELP}` });
    const given = SOURCE_KINDS.filter((k) => value[k] !== undefined);
    if (given.length === 0 && unknown.length === 0 && value.section === undefined) ctx.addIssue({ code: 'custom', message: SOURCE_HELP });
    if (given.length > 1) ctx.addIssue({ code: 'custom', message: `source gives ${given.join(' and ')}; give exactly one. ${SOURCE_HELP}` });
    if (value.brochure !== undefined && value.section === undefined) {
      ctx.addIssue({ code: 'custom', message: `a brochure source names its section too; ${SECTION_HELP}` });
    }
    if (value.section !== undefined && value.brochure === undefined) {
      ctx.addIssue({ code: 'custom', path: ['section'], message: `section belongs with brochure: "the sentence of the brochure it rests on"; ${SOURCE_HELP}` });
    }
  })
  .transform((value): RuleSource => {
    // the refinement above has refused a brochure source without its section; the fallback is for the type only
    if (value.brochure !== undefined) return { brochure: value.brochure, section: value.section ?? BROCHURE_SECTION_NAMES[0] };
    if (value.faculty !== undefined) return { faculty: value.faculty };
    return { proposal: value.proposal ?? '' };
  });

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * Why a rule's numbers are not what its brochure sentence says, or undefined. A number or a monthly
 * rhythm the brochure does not state cannot be "stated by the program": it is a proposal until the
 * faculty set it.
 */
function unstatedByBrochure(rule: { rule: string; min?: number; source?: RuleSource | undefined }): { path: string; message: string } | undefined {
  const quote = rule.source && 'brochure' in rule.source ? rule.source.brochure.toLowerCase() : undefined;
  if (quote === undefined) return undefined;
  const instead = 'write source: { proposal: "why" } until the faculty set it, then source: { faculty: { by: [ids], date: YYYY-MM-DD } }';
  if (rule.rule === 'monthly' && !/month/.test(quote)) {
    return { path: 'source', message: `a monthly rule needs a brochure sentence that speaks of months, and the one quoted does not; ${instead}` };
  }
  const min = rule.min;
  if (min !== undefined && min > 1) {
    const word = NUMBER_WORDS[min];
    const stated = new RegExp(`(^|[^0-9])${min}([^0-9]|$)`).test(quote) || (word !== undefined && new RegExp(`\\b${word}\\b`).test(quote));
    if (!stated) return { path: 'min', message: `${min} is not stated in the brochure sentence quoted under source, so it is not the program's number; ${instead}` };
  }
  return undefined;
}

/** Adds the problem of `unstatedByBrochure` to a rule's schema. */
function checkStated(value: { rule: string; min?: number; source?: RuleSource | undefined }, ctx: z.RefinementCtx): void {
  const problem = unstatedByBrochure(value);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

const sourceField = (what: string) =>
  field(ruleSourceSchema, { description: `where ${what} comes from: brochure (the sentence), faculty (who, when) or proposal (why)`, example: SOURCE_EXAMPLE.replace(/^source: /, '') });

export const EVIDENCE_RULES = ['entries', 'monthly', 'attendance', 'project', 'all'] as const;
export type EvidenceRuleName = (typeof EVIDENCE_RULES)[number];

export interface EntriesRule {
  rule: 'entries';
  /** Written as one type or a list; always a list once parsed. */
  type: EntryType[];
  min: number;
  stage?: ProjectStage | undefined;
  tagged: boolean;
  /** Where the rule comes from; always present in a rule read from a file (the schema requires it). */
  source?: RuleSource | undefined;
}

export interface MonthlyRule {
  rule: 'monthly';
  type: EntryType[];
  min: number;
  /** Where the rule comes from; always present in a rule read from a file (the schema requires it). */
  source?: RuleSource | undefined;
}

export interface AttendanceRule {
  rule: 'attendance';
  kind: SessionKind;
  /** Where the rule comes from; always present in a rule read from a file (the schema requires it). */
  source?: RuleSource | undefined;
}

export interface ProjectRule {
  rule: 'project';
  /** Where the rule comes from; always present in a rule read from a file (the schema requires it). */
  source?: RuleSource | undefined;
}

/** All of several rules; each of them has its own source. */
export interface AllRule {
  rule: 'all';
  rules: EvidenceRule[];
}

export type EvidenceRule = EntriesRule | MonthlyRule | AttendanceRule | ProjectRule | AllRule;

const entryType = z.enum(ENTRY_TYPES, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a portfolio entry type; use one of ${ENTRY_TYPES.join(', ')}`,
});

/** One type or a list of types; always a list once parsed. */
const entryTypes = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z
    .array(entryType, { error: `type must be a portfolio entry type or a list of them, for example [reflection, workshop-reflection]; the types are ${ENTRY_TYPES.join(', ')}` })
    .min(1, { message: 'type lists no entry type; name at least one, for example [reflection, workshop-reflection]' }),
);

const typeField = field(entryTypes, {
  description: `the portfolio entry type counted, or a list of types (${ENTRY_TYPES.join(', ')})`,
  example: '[reflection, workshop-reflection]',
});

const minField = (example: string) =>
  field(
    z
      .number({ error: `min must be a whole number of entries, for example ${example}` })
      .int({ message: `min must be a whole number of entries, for example ${example}` })
      .min(1, { message: `min must be at least 1, for example ${example}` })
      .max(500, { message: 'min must be at most 500, for example 6' }),
    { description: 'the least number of entries that meets the rule', example },
  );

const ruleName = <N extends EvidenceRuleName>(name: N) =>
  field(z.literal(name), { description: `the kind of rule: ${EVIDENCE_RULES.join(', ')}`, example: name });

/**
 * A rule object that names its own fields when it meets one it does not know. (A strict object
 * inside a union would be reported with the fields of the union's first member.)
 */
function ruleObject<S extends z.core.$ZodLooseShape>(name: EvidenceRuleName, example: string, shape: S) {
  const fields = Object.keys(shape);
  return z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (fields.includes(key)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${key} is not a field of a ${name} rule; its fields are ${fields.join(', ')}, for example ${example}`,
      });
    }
  });
}

export const entriesRuleSchema = ruleObject('entries', '{ rule: entries, type: coaching, min: 3, source: { proposal: "…" } }', {
  rule: ruleName('entries'),
  type: typeField,
  min: minField('3'),
  stage: field(
    z.enum(PROJECT_STAGES, { error: (i) => `stage must be proposal, update or final-report; got ${JSON.stringify(i.input)}` }).optional(),
    { description: 'count only application-project entries of this stage', example: 'final-report' },
  ),
  tagged: field(z.boolean({ error: 'tagged must be true or false, for example tagged: true' }).default(false), {
    description: 'true: count only entries that list this criterion under criteria (default false)',
    example: 'true',
  }),
  source: sourceField('this rule'),
}).superRefine((r, ctx) => {
  if (r.stage !== undefined && r.type.some((t) => t !== 'application-project')) {
    ctx.addIssue({
      code: 'custom',
      path: ['stage'],
      message: `stage applies to application-project entries only (type is ${r.type.join(', ')}); for example write type: application-project, or remove stage`,
    });
  }
  checkStated(r, ctx);
});

export const monthlyRuleSchema = ruleObject('monthly', '{ rule: monthly, type: practice-log, min: 1, source: { proposal: "…" } }', {
  rule: ruleName('monthly'),
  type: typeField,
  min: field(minField('1').default(1), { description: 'the least number of entries in each month (default 1)', example: '1' }),
  source: sourceField('this rule'),
}).superRefine(checkStated);

export const attendanceRuleSchema = ruleObject('attendance', '{ rule: attendance, kind: workshop, source: { brochure: "…" } }', {
  rule: ruleName('attendance'),
  kind: field(z.enum(SESSION_KINDS, { error: (i) => `kind must be workshop or call; got ${JSON.stringify(i.input)}` }), {
    description: 'which sessions must all be attended: workshop or call',
    example: 'workshop',
  }),
  source: sourceField('this rule'),
});

export const projectRuleSchema = ruleObject('project', '{ rule: project, source: { brochure: "…" } }', {
  rule: ruleName('project'),
  source: sourceField('this rule'),
});

export const allRuleSchema = ruleObject('all', '{ rule: all, rules: [{ rule: project }, { rule: entries, type: coaching, min: 1 }] }', {
  rule: ruleName('all'),
  rules: field(
    z
      .array(z.lazy(() => evidenceRuleSchema), { error: 'rules must be a list of rules, for example [{ rule: project }]' })
      .min(1, { message: 'rules lists no rule; give at least one, for example [{ rule: project }]' }),
    { description: 'rules that must all hold', example: '[{ rule: attendance, kind: workshop }, { rule: project }]' },
  ),
});

export const evidenceRuleSchema: z.ZodType<EvidenceRule> = z.discriminatedUnion(
  'rule',
  [entriesRuleSchema, monthlyRuleSchema, attendanceRuleSchema, projectRuleSchema, allRuleSchema],
  {
    error: (issue) => {
      const input: unknown = issue.input;
      const given = input && typeof input === 'object' && !Array.isArray(input) ? (input as { rule?: unknown }).rule : undefined;
      if (given === undefined) {
        return `evidence must be a rule with a rule: line, one of ${EVIDENCE_RULES.join(', ')}, for example { rule: entries, type: coaching, min: 3 }`;
      }
      return `rule must be one of ${EVIDENCE_RULES.join(', ')}; got ${JSON.stringify(given)}. For example rule: entries`;
    },
  },
);

export const frameworkSchema = z.strictObject({
  title: field(line('the criterion title', 160), { description: 'short name of the criterion', example: 'Attends every workshop' }),
  description: field(
    z
      .string({ error: 'expected the description as text' })
      .trim()
      .min(1, { message: 'the description must not be empty' })
      .max(2000, { message: 'the description must be at most 2000 characters' }),
    { description: 'what the criterion asks of a participant, in a few sentences', example: 'Takes part in all three face-to-face workshops.' },
  ),
  module: field(idRef('module', 'systems-awareness').optional(), {
    description: 'id of the module the criterion belongs to, if it belongs to one',
    example: 'graduation-qualification',
  }),
  order: field(z.number({ error: 'order must be a whole number, for example 10' }).int({ message: 'order must be a whole number, for example 10' }).min(0), {
    description: 'position in the framework, lowest first',
    example: '10',
  }),
  source: sourceField('the criterion'),
  evidence: field(evidenceRuleSchema, {
    description: 'the rule that says which evidence meets the criterion, with the source of each part',
    example: '{ rule: entries, type: coaching, min: 3, source: { proposal: "The brochure sets no number; three are proposed." } }',
  }),
});

export type Criterion = z.infer<typeof frameworkSchema>;

/** The rules that carry a source: the rule itself, or every part of an `all`, depth first. */
export function leafRules(rule: EvidenceRule): Exclude<EvidenceRule, AllRule>[] {
  return rule.rule === 'all' ? rule.rules.flatMap(leafRules) : [rule];
}

/**
 * What a rule rests on as a whole: `proposal` when any part is only proposed (or says nothing),
 * else `faculty` when any part was set by the faculty, else `brochure`.
 */
export function ruleBasis(rule: EvidenceRule): SourceKind {
  const kinds = leafRules(rule).map((r) => (r.source ? sourceKind(r.source) : 'proposal'));
  return kinds.includes('proposal') ? 'proposal' : kinds.includes('faculty') ? 'faculty' : 'brochure';
}
