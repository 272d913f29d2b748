/**
 * Faculty approval of an application-project proposal:
 * `content/approvals/<participant>/<entry-id>.yaml`, named after the proposal entry
 * `content/portfolios/<participant>/<entry-id>.md`. Written by assessing faculty; faculty-only.
 */
import { z } from 'zod';
import { field, idRef, isoDate } from './common.ts';

export const ENTRY_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const approvalSchema = z
  .strictObject({
    entry: field(
      z
        .string({ error: 'expected the id of the proposal entry written participant/entry, for example maria-lopez/project-proposal' })
        .regex(ENTRY_REF, {
          message: 'entry must be the proposal entry written participant/entry (the path below content/portfolios/ without .md), for example maria-lopez/project-proposal',
        }),
      { description: 'id of the approved proposal entry, participant/entry', example: 'maria-lopez/project-proposal' },
    ),
    approvedBy: field(
      z
        .array(idRef('faculty member', 'peter-m-senge'), { error: 'approvedBy must be a list of faculty ids, for example [peter-m-senge]' })
        .min(1, { message: 'approvedBy must name at least one assessing faculty member, for example [peter-m-senge]' }),
      { description: 'ids of the assessing faculty who approved the proposal', example: '[peter-m-senge]' },
    ),
    date: field(isoDate, { description: 'date the proposal was approved, YYYY-MM-DD', example: '2020-07-20' }),
    note: field(
      z
        .string({ error: 'expected the note as text' })
        .trim()
        .min(1, { message: 'the note must not be empty; leave the line out instead' })
        .max(2000, { message: 'the note must be at most 2000 characters' })
        .optional(),
      { description: 'what faculty asked for or agreed with the participant', example: 'Approved; narrow the scope to one year group.' },
    ),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.approvedBy.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['approvedBy', i], message: `${id} is listed twice under approvedBy; remove one` });
      seen.add(id);
    });
  });

export type Approval = z.infer<typeof approvalSchema>;
