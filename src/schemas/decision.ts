/**
 * The faculty's joint determination for one participant:
 * `content/decisions/<participant>/<YYYY-MM-DD>.yaml`, named after the date of the decision (a
 * participant may have a further-work decision and later a certified one). Faculty-only; until
 * `released`, nothing outside the faculty build may show it.
 */
import { z } from 'zod';
import { field, idRef, isoDate, line } from './common.ts';

export const OUTCOMES = ['certified', 'further-work'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  certified: 'Certified as Trainer',
  'further-work': 'Further work needed',
};

export const CERTIFICATE_ID = /^CST-\d{4}-\d{4}$/;

/** A withdrawn credential: from `date` on its status is revoked (src/lib/credentials/status-list.ts). */
export const revocationSchema = z.strictObject({
  date: field(isoDate, { description: 'date the credential is revoked, YYYY-MM-DD', example: '2022-03-01' }),
  reason: field(line('the reason', 500), {
    description: 'why, in a sentence; shown on the faculty site only',
    example: 'Certified in error: the final report was another participant’s.',
  }),
});

export const decisionSchema = z
  .strictObject({
    outcome: field(
      z.enum(OUTCOMES, { error: (issue) => `outcome must be certified or further-work; got ${JSON.stringify(issue.input)}` }),
      { description: 'certified (as Trainer) or further-work', example: 'certified' },
    ),
    date: field(isoDate, { description: 'date of the decision, YYYY-MM-DD; also the file name', example: '2021-06-25' }),
    panel: field(
      z
        .array(idRef('faculty member', 'peter-m-senge'), { error: 'panel must be a list of faculty ids, for example [peter-m-senge, mette-miriam-boell]' })
        .min(2, { message: 'panel must name at least two assessing faculty members: the decision is made jointly, for example [peter-m-senge, mette-miriam-boell]' }),
      { description: 'ids of the assessing faculty who made the decision jointly (two or more)', example: '[peter-m-senge, mette-miriam-boell]' },
    ),
    conditions: field(
      z.array(line('a condition', 500), { error: 'conditions must be a list, for example [Write the final report of the application project.]' }).optional(),
      {
        description: 'for further-work only: what must be done before the participant can be certified',
        example: '[Write the final report of the application project.]',
      },
    ),
    certificateId: field(
      z
        .string({ error: 'expected a certificate id such as CST-2027-0001' })
        .regex(CERTIFICATE_ID, { message: 'certificateId must be written CST-YYYY-NNNN, for example CST-2027-0001' })
        .optional(),
      { description: 'for certified only: the certificate number, CST-YYYY-NNNN, unique', example: 'CST-2027-0001' },
    ),
    released: field(isoDate.optional(), {
      description: 'date the decision was told to the participant; until then only the faculty site shows it',
      example: '2021-06-30',
    }),
    revoked: field(revocationSchema.optional(), {
      description: 'for a certified, released decision only: the credential is withdrawn from this date on; the reason stays on the faculty site',
      example: '{ date: 2022-03-01, reason: Certified in error: the final report was another participant’s. }',
    }),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.panel.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['panel', i], message: `${id} is listed twice under panel; remove one` });
      seen.add(id);
    });
    if (d.outcome === 'certified') {
      if (d.conditions !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions'],
          message: 'conditions belong to a further-work decision only: remove the conditions, or change the outcome, for example outcome: further-work',
        });
      }
      if (d.certificateId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: 'a certified decision needs a certificateId line, for example certificateId: CST-2027-0001',
        });
      }
    } else {
      if (d.conditions === undefined || d.conditions.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: [d.conditions === undefined ? 'outcome' : 'conditions'],
          message: 'a further-work decision must say what is needed: add conditions, for example conditions: [Write the final report of the application project.]',
        });
      }
      if (d.certificateId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['certificateId'],
          message: 'only a certified decision has a certificateId: remove the line, or change the outcome, for example outcome: certified',
        });
      }
    }
    if (d.revoked !== undefined) {
      if (d.outcome !== 'certified') {
        ctx.addIssue({
          code: 'custom',
          path: ['revoked'],
          message: 'revoked applies to a certified decision only: a further-work decision issued no credential, so there is nothing to revoke. Remove the revoked lines, for example the line revoked: and the date: and reason: lines under it',
        });
      } else if (d.released === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['revoked'],
          message: 'this credential was never issued: a credential is issued when the decision is released, and this decision has no released date. Remove the revoked lines (change the decision instead), or add the released date, for example released: 2021-06-30',
        });
      } else if (d.revoked.date < d.released) {
        ctx.addIssue({
          code: 'custom',
          path: ['revoked', 'date'],
          message: `revoked date (${d.revoked.date}) is before the credential was issued (released: ${d.released}); write a date on or after it, for example date: ${d.released}`,
        });
      }
    }
    if (d.released !== undefined && d.released < d.date) {
      ctx.addIssue({ code: 'custom', path: ['released'], message: `released (${d.released}) must not be before the decision date (${d.date})` });
    }
  });

export type Decision = z.infer<typeof decisionSchema>;
