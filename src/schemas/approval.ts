/**
 * One step of the faculty's approval of an application project. The brochure describes two: the
 * faculty review a proposed project before the year starts and finalise it after the first workshop
 * (the sentences are quoted in content/framework/application-project.yaml). Each step is its own
 * file, so that a form can hand a step to the git host as a new file:
 *
 *   content/approvals/<participant>/<proposal-entry>/review.yaml   step 1: the proposal reviewed before the year
 *   content/approvals/<participant>/<proposal-entry>/final.yaml    step 2: the project finalised after the first workshop
 *
 * `<proposal-entry>` is the name of the proposal's file in content/portfolios/<participant>/. The
 * participant, the proposal and the step come from the path only. Written by assessing faculty;
 * faculty-only. Checks across files: src/lib/validate/assessment-references.ts.
 */
import { z } from 'zod';
import { field, idRef, isoDate } from './common.ts';

export const APPROVAL_STEPS = ['review', 'final'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

/** How pages and messages name each step, after the brochure's sentence. */
export const APPROVAL_STEP_LABELS: Record<ApprovalStep, string> = {
  review: 'reviewed before the year',
  final: 'finalised after the first workshop',
};

/** What each step's file records, for the message about a file with another name. */
export const APPROVAL_STEP_FILES: Record<ApprovalStep, string> = {
  review: 'review.yaml: the proposal reviewed before the year starts',
  final: 'final.yaml: the project finalised after the first workshop',
};

export const approvalSchema = z
  .strictObject({
    by: field(
      z
        .array(idRef('faculty member', 'peter-m-senge'), { error: 'by must be a list of faculty ids, for example [peter-m-senge]' })
        .min(1, { message: 'by must name at least one assessing faculty member, for example [peter-m-senge]' }),
      { description: 'ids of the assessing faculty who took this step', example: '[peter-m-senge, mette-miriam-boell]' },
    ),
    date: field(isoDate, { description: 'date of this step, YYYY-MM-DD', example: '2020-07-20' }),
    note: field(
      z
        .string({ error: 'expected the note as text' })
        .trim()
        .min(1, { message: 'the note must not be empty; leave the line out instead' })
        .max(2000, { message: 'the note must be at most 2000 characters' })
        .optional(),
      { description: 'what faculty asked for or agreed with the participant (optional)', example: 'Agreed; narrow the scope to one year group.' },
    ),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.by.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['by', i], message: `${id} is listed twice under by; remove one` });
      seen.add(id);
    });
  });

export type Approval = z.infer<typeof approvalSchema>;

/** The participant, proposal entry and step of an approval's id (`participant/entry/step`). */
export function approvalPath(id: string): { participant: string; entry: string; step: ApprovalStep } | undefined {
  const [participant, entry, step, ...rest] = id.split('/');
  if (participant === undefined || entry === undefined || rest.length > 0) return undefined;
  if (step !== 'review' && step !== 'final') return undefined;
  return { participant, entry: `${participant}/${entry}`, step };
}
