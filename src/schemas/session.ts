/**
 * A face-to-face workshop or a virtual call: `content/sessions/<cohort>/<id>.yaml`.
 * Times are wall-clock times in the session's own IANA zone, so daylight-saving changes are
 * handled when they are shown, never by the author.
 */
import { z } from 'zod';
import { field, httpsUrl, idRef, line, localDateTime, tba, timeZone } from './common.ts';

export const SESSION_KINDS = ['workshop', 'call'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const locationSchema = z.strictObject({
  name: field(line('the venue', 120).optional(), { description: 'venue or institution', example: 'MIT' }),
  city: field(line('the city', 80).optional(), { description: 'city', example: 'Cambridge' }),
  region: field(line('the region', 80).optional(), { description: 'state or region', example: 'Massachusetts' }),
  country: field(line('the country', 80), { description: 'country', example: 'United States' }),
});

export const sessionSchema = z
  .strictObject({
    kind: field(
      z.enum(SESSION_KINDS, { error: (i) => `kind must be workshop or call; got ${JSON.stringify(i.input)}` }),
      { description: 'workshop (face to face) or call (virtual)', example: 'workshop' },
    ),
    title: field(line('the title', 160), { description: 'session title', example: 'Module 1 workshop: Systems Awareness' }),
    module: field(idRef('module', 'systems-awareness').optional(), {
      description: 'id of the module this session belongs to',
      example: 'systems-awareness',
    }),
    start: field(z.union([tba, localDateTime], { error: 'expected a start written YYYY-MM-DDTHH:MM, or tba when it is not announced' }), {
      description: 'local start date and time in timeZone, or tba when not announced yet',
      example: '2020-06-28T14:00',
    }),
    end: field(localDateTime.optional(), {
      description: 'local end date and time, for sessions over several days (give end or durationMinutes)',
      example: '2020-07-03T12:30',
    }),
    durationMinutes: field(z.number().int().positive().max(60 * 24 * 14).optional(), {
      description: 'length in minutes (give end or durationMinutes)',
      example: '180',
    }),
    timeZone: field(timeZone, { description: 'IANA time zone of the start and end', example: 'America/New_York' }),
    location: field(z.union([tba, locationSchema]).optional(), {
      description: 'where a workshop meets, or tba',
      example: '{ name: MIT, city: Cambridge, region: Massachusetts, country: United States }',
    }),
    platform: field(line('the platform', 60).optional(), { description: 'video platform of a call', example: 'Zoom' }),
    meetingUrl: field(httpsUrl.optional(), {
      description: 'link to join a call; shown only to the cohort and faculty, never on the public site',
      example: 'https://zoom.us/j/123456789',
    }),
    theme: field(line('the theme', 200).optional(), { description: 'theme of a call, when announced', example: 'Systems mapping' }),
    prework: field(z.string().trim().min(1).max(4000).optional(), {
      description: 'pre-work participants do before the session, in Markdown',
      example: 'Read the iceberg model handout.',
    }),
    resources: field(z.array(idRef('resource', 'iceberg-model')).default([]), {
      description: 'ids of resources (readings, tools, recordings) that are part of the pre-work',
      example: '[iceberg-model]',
    }),
    speakers: field(z.array(idRef('faculty member', 'peter-m-senge')).default([]), {
      description: 'ids of faculty who lead or speak',
      example: '[peter-m-senge]',
    }),
  })
  .superRefine((s, ctx) => {
    if (s.start === 'tba') {
      if (s.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'a session whose start is tba cannot have an end yet; remove end or give the start' });
      return;
    }
    if (!s.end && !s.durationMinutes) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'a dated session needs end (YYYY-MM-DDTHH:MM) or durationMinutes (for example 180)' });
    }
    if (s.end && s.durationMinutes) {
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'give end or durationMinutes, not both' });
    }
    if (s.end && s.end <= s.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${s.end}) must come after start (${s.start})` });
    }
  });

export type Session = z.infer<typeof sessionSchema>;
