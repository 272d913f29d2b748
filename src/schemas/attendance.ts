/**
 * Who attended one session: `content/attendance/<cohort>/<session-id>.yaml`, named after the
 * session file it records (`content/sessions/<cohort>/<session-id>.yaml`). Recorded by the
 * coordinator; always faculty-only.
 */
import { z } from 'zod';
import { field, idRef, isoDate, line } from './common.ts';

export const absenceSchema = z.strictObject({
  participant: field(idRef('participant', 'maria-lopez'), { description: 'id of the participant who was absent', example: 'maria-lopez' }),
  reason: field(line('the reason', 200), { description: 'why, in a few words (kept faculty-only)', example: 'illness' }),
});

export const attendanceSchema = z
  .strictObject({
    present: field(z.array(idRef('participant', 'maria-lopez'), { error: 'present must be a list of participant ids, for example [maria-lopez, jonas-berg]' }), {
      description: 'ids of the participants who were there (an empty list [] when nobody came)',
      example: '[maria-lopez, jonas-berg]',
    }),
    absent: field(z.array(absenceSchema, { error: 'absent must be a list of { participant, reason }, for example [{ participant: jonas-berg, reason: illness }]' }).default([]), {
      description: 'participants who were not there, each with a reason',
      example: '[{ participant: jonas-berg, reason: illness }]',
    }),
    recordedBy: field(idRef('faculty member', 'julie-diaz'), { description: 'id of the faculty member who recorded the attendance', example: 'julie-diaz' }),
    recordedOn: field(isoDate, { description: 'date the attendance was recorded, YYYY-MM-DD', example: '2020-07-03' }),
  })
  .superRefine((a, ctx) => {
    const seen = new Map<string, string>();
    a.present.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['present', i], message: `${id} is listed twice under present; remove one` });
      seen.set(id, 'present');
    });
    a.absent.forEach((absence, i) => {
      const where = seen.get(absence.participant);
      if (where === 'present') {
        ctx.addIssue({
          code: 'custom',
          path: ['absent', i, 'participant'],
          message: `${absence.participant} is listed both under present and under absent; keep the one that is true, for example remove ${absence.participant} from absent`,
        });
      } else if (where === 'absent') {
        ctx.addIssue({ code: 'custom', path: ['absent', i, 'participant'], message: `${absence.participant} is listed twice under absent; remove one` });
      }
      seen.set(absence.participant, 'absent');
    });
  });

export type Attendance = z.infer<typeof attendanceSchema>;
