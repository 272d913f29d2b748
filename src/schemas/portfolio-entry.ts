/**
 * A portfolio entry: `content/portfolios/<participant>/<id>.md` (or `.mdx` when it uses a component).
 * One shared base, one schema per entry type, joined on the literal `type`.
 * The participant is the folder, never a field, so nobody can file an entry under someone else.
 */
import { z } from 'zod';
import { field, idRef, isoDate, languageTag, line, visibility } from './common.ts';
import { ENTRY_TYPES, PROJECT_STAGES, type EntryType } from './entry-types.ts';

export { ENTRY_TYPES, ENTRY_TYPE_LABELS, PROJECT_STAGES, type EntryType, type ProjectStage } from './entry-types.ts';


// directly next to the entry: a portfolio folder holds no sub-folders
const ATTACHMENT_FILE = /^\.\/[\w-]+(?:\.[\w-]+)*\.(pdf|png|jpe?g|webp|gif|mp3|m4a|ogg)$/i;

export const attachmentSchema = z.strictObject({
  file: field(
    z.string().regex(ATTACHMENT_FILE, {
      message: 'file must be the name of a file next to the entry (not in a sub-folder), starting with ./ and ending in .pdf, .png, .jpg, .webp, .gif, .mp3, .m4a or .ogg, for example ./lesson-plan.pdf',
    }),
    { description: 'path of the file, relative to the entry', example: './lesson-plan.pdf' },
  ),
  title: field(line('the attachment title', 160), { description: 'what the file is', example: 'Lesson plan, week 3' }),
});

export const sessionRef = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'expected a session id written cohort/session, for example 2020-2021/module-1-workshop',
  });

const baseShape = {
  title: field(line('the title', 160), { description: 'title of the entry', example: 'What the iceberg model showed me' }),
  date: field(isoDate, { description: 'date the entry is about, YYYY-MM-DD', example: '2026-03-14' }),
  module: field(idRef('module', 'systems-awareness').optional(), {
    description: 'id of the module the entry belongs to',
    example: 'systems-awareness',
  }),
  summary: field(line('the summary', 300).optional(), {
    description: 'one or two sentences shown in lists and search results',
    example: 'A first map of the pressures on my department.',
  }),
  tags: field(z.array(line('a tag', 40)).max(12).default([]), { description: 'a few words to find the entry by', example: '[iceberg model, team]' }),
  criteria: field(z.array(idRef('criterion', 'application-project')).default([]), {
    description: 'ids of the qualification criteria this entry is evidence for',
    example: '[application-project]',
  }),
  visibility: field(visibility.default('faculty'), {
    description: 'who may read it: faculty (default, private), cohort (your cohort and faculty) or public (everyone, needs a public profile)',
    example: 'cohort',
  }),
  attachments: field(z.array(attachmentSchema).max(20).default([]), {
    description: 'files that belong to the entry (10 MB each at most)',
    example: '[{ file: ./lesson-plan.pdf, title: Lesson plan }]',
  }),
  lang: field(languageTag.optional(), {
    description: 'language of the entry when it is not English, as a language tag',
    example: 'es',
  }),
};

export const reflectionSchema = z.strictObject({
  type: z.literal('reflection'),
  ...baseShape,
});

export const workshopReflectionSchema = z.strictObject({
  type: z.literal('workshop-reflection'),
  ...baseShape,
  session: field(sessionRef, { description: 'id of the workshop reflected on, cohort/session', example: '2020-2021/module-1-workshop' }),
});

export const callPreworkSchema = z.strictObject({
  type: z.literal('call-prework'),
  ...baseShape,
  session: field(sessionRef, { description: 'id of the call the pre-work is for, cohort/session', example: 'demo-2026/call-2026-10' }),
});


export const applicationProjectSchema = z.strictObject({
  type: z.literal('application-project'),
  ...baseShape,
  stage: field(
    z.enum(PROJECT_STAGES, { error: (i) => `stage must be proposal, update or final-report; got ${JSON.stringify(i.input)}` }),
    { description: 'proposal, update or final-report', example: 'proposal' },
  ),
});

export const coachingSchema = z.strictObject({
  type: z.literal('coaching'),
  ...baseShape,
  coachedRole: field(line('the role of the person coached', 80), {
    description: 'whom you coached, by role only, never by name',
    example: 'new teacher',
  }),
  frequency: field(line('how often', 80), { description: 'how often you met', example: 'every two weeks' }),
  sessionsHeld: field(z.number().int().min(1).max(500).optional(), { description: 'number of coaching sessions held so far', example: '6' }),
});

export const buddyCheckinSchema = z.strictObject({
  type: z.literal('buddy-checkin'),
  ...baseShape,
  buddies: field(z.array(idRef('participant', 'jonas-berg')).min(1, { message: 'name at least one buddy by participant id' }), {
    description: 'ids of the buddies you checked in with',
    example: '[jonas-berg]',
  }),
});

export const practiceLogSchema = z
  .strictObject({
    type: z.literal('practice-log'),
    ...baseShape,
    periodStart: field(isoDate, { description: 'first day the log covers', example: '2026-03-01' }),
    periodEnd: field(isoDate, { description: 'last day the log covers', example: '2026-03-31' }),
    practisedOn: field(z.array(isoDate).max(400).default([]), {
      description: 'the days you practised, each YYYY-MM-DD, within the period',
      example: '[2026-03-01, 2026-03-02]',
    }),
  })
  .superRefine((e, ctx) => {
    if (e.periodEnd < e.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: `periodEnd (${e.periodEnd}) must not be before periodStart (${e.periodStart})` });
    }
    const seen = new Set<string>();
    e.practisedOn.forEach((day, i) => {
      if (day < e.periodStart || day > e.periodEnd) {
        ctx.addIssue({ code: 'custom', path: ['practisedOn', i], message: `${day} is outside the period ${e.periodStart} to ${e.periodEnd}` });
      }
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path: ['practisedOn', i], message: `${day} is listed twice` });
      seen.add(day);
    });
  });

export const ENTRY_SCHEMAS = {
  reflection: reflectionSchema,
  'workshop-reflection': workshopReflectionSchema,
  'call-prework': callPreworkSchema,
  'application-project': applicationProjectSchema,
  coaching: coachingSchema,
  'buddy-checkin': buddyCheckinSchema,
  'practice-log': practiceLogSchema,
} as const satisfies Record<EntryType, z.ZodType>;

export const portfolioEntrySchema = z.discriminatedUnion(
  'type',
  [
    reflectionSchema,
    workshopReflectionSchema,
    callPreworkSchema,
    applicationProjectSchema,
    coachingSchema,
    buddyCheckinSchema,
    practiceLogSchema,
  ],
  {
    error: (issue) =>
      issue.input === undefined
        ? `type is missing; add a line type: followed by one of ${ENTRY_TYPES.join(', ')}`
        : `type must be one of ${ENTRY_TYPES.join(', ')}`,
  },
);

export type PortfolioEntry = z.infer<typeof portfolioEntrySchema>;
