/** A participant's profile: `content/participants/<id>.yaml`. Their portfolio is `content/portfolios/<id>/`. */
import { z } from 'zod';
import { field, gitHandle, idRef, isoDate, line } from './common.ts';

export const PARTICIPANT_ROLES = ['teacher', 'administrator', 'student', 'local-stakeholder'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  teacher: 'Teacher',
  administrator: 'Administrator',
  student: 'Student',
  'local-stakeholder': 'Local stakeholder',
};

export const participantSchema = z.strictObject({
  name: field(line('the name', 120), { description: 'name as it should appear to those allowed to see it', example: 'Maria López' }),
  cohort: field(idRef('cohort', '2020-2021'), { description: 'id of the cohort', example: '2020-2021' }),
  site: field(idRef('site', 'riverside-hub'), { description: 'id of the site or hub the participant comes from', example: 'riverside-hub' }),
  role: field(
    z.enum(PARTICIPANT_ROLES, { error: (i) => `role must be one of ${PARTICIPANT_ROLES.join(', ')}; got ${JSON.stringify(i.input)}` }),
    { description: 'role in their organisation', example: 'teacher' },
  ),
  team: field(line('the team name', 120).optional(), {
    description: 'name of the team this participant attends with, if any',
    example: 'Riverside team',
  }),
  buddies: field(z.array(idRef('participant', 'jonas-berg')).default([]), {
    description: 'ids of the participants who are this participant’s buddies',
    example: '[jonas-berg]',
  }),
  gitHandle: field(gitHandle.optional(), {
    description: 'user name on the git host; only this account may change the portfolio folder (until it is written, the participant cannot send entries, and the coordinator’s to-do list says so)',
    example: 'maria-lopez',
  }),
  alumnus: field(z.boolean().default(false), {
    description: 'true if the participant attended a Compassionate Systems introductory workshop (default false)',
    example: 'true',
  }),
  publicProfile: field(z.boolean().default(false), {
    description: 'true only if the participant agreed to a public profile; without it nothing of theirs is public (default false)',
    example: 'false',
  }),
  joined: field(isoDate.optional(), {
    description: 'date the participant joined, if later than the cohort start',
    example: '2020-09-01',
  }),
});

export type Participant = z.infer<typeof participantSchema>;
