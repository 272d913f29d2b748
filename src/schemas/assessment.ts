/**
 * One faculty member's assessment of one participant:
 * `content/assessments/<participant>/<faculty-id>.yaml`. The file name is the assessor, so each
 * assessor has one file per participant and nobody writes under another's name. Faculty-only.
 */
import { z } from 'zod';
import { LEVELS, RECOMMENDATIONS } from './assessment-levels.ts';
import { field, idRef, isoDate } from './common.ts';

/** The scale, lowest first; the distance between two levels is their difference in this list. */
export { LEVELS, LEVEL_LABELS, RECOMMENDATIONS, type Level, type Recommendation } from './assessment-levels.ts';

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(max, { message: `${what} must be at most ${max} characters` });

export const criterionLevelSchema = z.strictObject({
  level: field(
    z.enum(LEVELS, {
      error: (issue) => `level must be one of ${LEVELS.join(', ')} (lowest first); got ${JSON.stringify(issue.input)}`,
    }),
    { description: `where the evidence stands: ${LEVELS.join(', ')}`, example: 'meets' },
  ),
  comment: field(text('the comment', 4000), {
    description: 'what the evidence shows and what is missing, for the panel and the participant',
    example: 'Three coaching entries, each with a clear account of what changed.',
  }),
});

export const assessmentSchema = z.strictObject({
  assessor: field(idRef('faculty member', 'peter-m-senge'), {
    description: 'id of the assessing faculty member; must be the same as the file name',
    example: 'peter-m-senge',
  }),
  date: field(isoDate, { description: 'date of the assessment, YYYY-MM-DD', example: '2021-06-20' }),
  levels: field(
    z
      .record(idRef('criterion', 'coaching'), criterionLevelSchema, {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? `${JSON.stringify(issue.input)} is not a criterion id: criterion ids use lowercase letters, digits and hyphens, for example coaching`
            : 'levels must map criterion ids to { level, comment }, for example coaching: { level: meets, comment: Three clear coaching accounts. }',
      })
      .refine((levels) => Object.keys(levels).length > 0, {
        message: 'levels must assess at least one criterion, for example coaching: { level: meets, comment: Three clear coaching accounts. }',
      }),
    {
      description: 'for each criterion id, a level and a comment',
      example: '{ coaching: { level: meets, comment: Three clear coaching accounts. } }',
    },
  ),
  recommendation: field(
    z.enum(RECOMMENDATIONS, {
      error: (issue) => `recommendation must be certify or further-work; got ${JSON.stringify(issue.input)}`,
    }),
    { description: 'what this assessor recommends to the panel: certify or further-work', example: 'certify' },
  ),
  summary: field(text('the summary', 4000).optional(), {
    description: 'an overall comment',
    example: 'A coherent portfolio; the project report is the strongest piece.',
  }),
});

export type Assessment = z.infer<typeof assessmentSchema>;
