/** One yearly cycle of the program: `content/cohorts/<id>.yaml`. */
import { z } from 'zod';
import { field, idRef, isoDate, line, tba, timeZone, webUrl } from './common.ts';

export const costSchema = z.strictObject({
  amount: field(z.number().int().positive(), { description: 'tuition per participant, in whole units', example: '14000' }),
  currency: field(z.string().regex(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' }), {
    description: 'ISO 4217 currency code',
    example: 'USD',
  }),
  notIncluded: field(z.array(line('a cost not included', 80)).default([]), {
    description: 'costs participants pay themselves',
    example: '[travel, accommodation, meals]',
  }),
});

export const discountSchema = z.strictObject({
  who: field(line('who the discount is for', 80), { description: 'who may claim it', example: 'students' }),
  percent: field(z.number().min(1).max(100), { description: 'percentage off the tuition', example: '50' }),
});

export const callPatternSchema = z.strictObject({
  frequency: field(z.enum(['monthly']), { description: 'how often the virtual calls meet', example: 'monthly' }),
  time: field(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM on a 24-hour clock, for example 09:00' }), {
    description: 'local start time of each call, HH:MM',
    example: '09:00',
  }),
  timeZone: field(timeZone, { description: 'IANA time zone the start time is in', example: 'America/New_York' }),
  durationMinutes: field(z.number().int().positive(), { description: 'length of each call in minutes', example: '180' }),
  platform: field(line('the video platform', 60), { description: 'video conference platform', example: 'Zoom' }),
});

const dateOrTba = z.union([tba, isoDate], {
  error: 'expected a date written YYYY-MM-DD, or tba when it is not announced yet',
});

export const cohortSchema = z.strictObject({
  title: field(line('the cohort title', 120), { description: 'name of the cycle', example: '2020–2021 cycle' }),
  start: field(dateOrTba, { description: 'first day of the cycle, or tba', example: '2020-06-28' }),
  end: field(dateOrTba, { description: 'last day of the cycle, or tba', example: '2021-06-30' }),
  applicationDeadline: field(isoDate, {
    description: 'last day applications are accepted; they close at the end of that day in deadlineTimeZone',
    example: '2020-05-01',
  }),
  deadlineTimeZone: field(timeZone.default('America/New_York'), {
    description: 'time zone the deadline day is counted in (default America/New_York)',
    example: 'America/New_York',
  }),
  applicationContact: field(webUrl.optional(), {
    description: 'where to apply: a mailto: or https: address; until it is set the apply page shows a marked placeholder',
    example: 'mailto:certification@example.org',
  }),
  cost: costSchema,
  discounts: field(z.array(discountSchema).default([]), { description: 'discounts on the tuition', example: '[{ who: students, percent: 50 }]' }),
  scholarships: field(line('the scholarship note', 200).optional(), {
    description: 'a sentence on scholarships, if any are offered',
    example: 'A limited number of scholarships are available.',
  }),
  calls: field(callPatternSchema.optional(), {
    description: 'the standing pattern of the virtual calls, shown until each call is dated',
    example: '{ frequency: monthly, time: "09:00", timeZone: America/New_York, durationMinutes: 180, platform: Zoom }',
  }),
  assistants: field(z.array(idRef('participant', 'maria-lopez')).default([]), {
    description: 'ids of certified trainers from earlier cohorts who assist this cohort; the cohort site lists those with a public profile (default none)',
    example: '[maria-lopez]',
  }),
});

export type Cohort = z.infer<typeof cohortSchema>;
