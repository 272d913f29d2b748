/**
 * A qualification criterion: `content/framework/<criterion-id>.yaml`.
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
import { field, idRef, line } from './common.ts';

export const EVIDENCE_RULES = ['entries', 'monthly', 'attendance', 'project', 'all'] as const;
export type EvidenceRuleName = (typeof EVIDENCE_RULES)[number];

export interface EntriesRule {
  rule: 'entries';
  /** Written as one type or a list; always a list once parsed. */
  type: EntryType[];
  min: number;
  stage?: ProjectStage | undefined;
  tagged: boolean;
}

export interface MonthlyRule {
  rule: 'monthly';
  type: EntryType[];
  min: number;
}

export interface AttendanceRule {
  rule: 'attendance';
  kind: SessionKind;
}

export interface ProjectRule {
  rule: 'project';
}

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

export const entriesRuleSchema = ruleObject('entries', '{ rule: entries, type: coaching, min: 3 }', {
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
}).superRefine((r, ctx) => {
  if (r.stage !== undefined && r.type.some((t) => t !== 'application-project')) {
    ctx.addIssue({
      code: 'custom',
      path: ['stage'],
      message: `stage applies to application-project entries only (type is ${r.type.join(', ')}); for example write type: application-project, or remove stage`,
    });
  }
});

export const monthlyRuleSchema = ruleObject('monthly', '{ rule: monthly, type: practice-log, min: 1 }', {
  rule: ruleName('monthly'),
  type: typeField,
  min: field(minField('1').default(1), { description: 'the least number of entries in each month (default 1)', example: '1' }),
});

export const attendanceRuleSchema = ruleObject('attendance', '{ rule: attendance, kind: workshop }', {
  rule: ruleName('attendance'),
  kind: field(z.enum(SESSION_KINDS, { error: (i) => `kind must be workshop or call; got ${JSON.stringify(i.input)}` }), {
    description: 'which sessions must all be attended: workshop or call',
    example: 'workshop',
  }),
});

export const projectRuleSchema = ruleObject('project', '{ rule: project }', {
  rule: ruleName('project'),
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
  evidence: field(evidenceRuleSchema, {
    description: 'the rule that says which evidence meets the criterion',
    example: '{ rule: entries, type: coaching, min: 3 }',
  }),
});

export type Criterion = z.infer<typeof frameworkSchema>;
