/** A faculty member: `content/faculty/<id>.md`; the body is an optional biography. */
import { z } from 'zod';
import { field, gitHandle, line } from './common.ts';

export const FACULTY_ROLES = ['facilitator', 'contemplative', 'coordinator', 'guest'] as const;
export type FacultyRole = (typeof FACULTY_ROLES)[number];

export const facultySchema = z.strictObject({
  name: field(line('the name', 120), { description: 'full name as it should appear', example: 'Julie Diaz' }),
  role: field(
    z.enum(FACULTY_ROLES, {
      error: (issue) => `role must be one of ${FACULTY_ROLES.join(', ')}; got ${JSON.stringify(issue.input)}`,
    }),
    { description: 'the group this person is listed under', example: 'guest' },
  ),
  affiliation: field(line('the affiliation', 300), {
    description: 'affiliation or title, as the program describes it',
    example: 'Center for Systems Awareness',
  }),
  order: field(z.number().int().min(0).default(100), { description: 'position within the group, lowest first (default 100)', example: '10' }),
  assessor: field(z.boolean().default(false), {
    description: 'true for faculty who assess portfolios and sit on graduation panels (default false)',
    example: 'true',
  }),
  gitHandle: field(gitHandle.optional(), {
    description: 'user name on the git host, used for access to the faculty site',
    example: 'jdiaz',
  }),
});

export type Faculty = z.infer<typeof facultySchema>;
