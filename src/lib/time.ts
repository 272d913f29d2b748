/**
 * Session times: wall-clock `YYYY-MM-DDTHH:MM` in an IANA zone, turned into instants and into
 * the text people read. Pure functions over luxon; no Astro imports.
 *
 * Wall times that do not exist or exist twice are resolved as RFC 5545 §3.3.5 resolves a
 * DTSTART with a TZID, so the site and every calendar app agree on the instant:
 * - a wall time in a spring-forward gap is read with the offset in force before the gap, which
 *   moves it forward by the size of the gap (02:30 on 8 March 2026 in New York is 03:30 EDT);
 * - a wall time in a fall-back overlap is its first occurrence, the earlier instant, taking the
 *   offset in force before the change (01:30 on 1 November 2026 in New York is 01:30 EDT).
 * Luxon alone is not consistent about overlaps (it picks the later instant in New York and
 * Copenhagen but the earlier one in Sydney), so `wallTimeToInstant` chooses explicitly.
 */
import { DateTime, IANAZone } from 'luxon';

export interface Interval {
  start: Date;
  end: Date;
}

export interface SessionTimes {
  start: string;
  end?: string | undefined;
  durationMinutes?: number | undefined;
  timeZone: string;
}

export interface FormatWhenOptions {
  /** Append the zone, e.g. "(EDT, America/New_York)". Default true. */
  showZone?: boolean;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Day-month order and names as written in British English: "Sunday 28 June 2020". */
const LOCALE = 'en-GB';

function requireZone(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new Error(`"${timeZone}" is not an IANA time zone name; write one like America/New_York`);
  return zone;
}

function parseWallTime(value: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const m = LOCAL_DATE_TIME.exec(value);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) } : undefined;
  if (!parts || !DateTime.fromObject(parts, { zone: 'UTC' }).isValid) {
    throw new Error(`"${value}" is not a date and time written YYYY-MM-DDTHH:MM, for example 2020-06-28T14:00`);
  }
  return parts;
}

/**
 * The instant a wall-clock time `YYYY-MM-DDTHH:MM` names in `timeZone`
 * (gap: moved forward; overlap: the earlier instant; see the module comment).
 */
export function wallTimeToInstant(local: string, timeZone: string): Date {
  const zone = requireZone(timeZone);
  const p = parseWallTime(local);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const offsetBefore = zone.offset(wallAsUtc - DAY_MS);
  const offsetAfter = zone.offset(wallAsUtc + DAY_MS);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => zone.offset(instant) * MINUTE_MS === wallAsUtc - instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wallAsUtc - offsetBefore * MINUTE_MS);
}

/** A session's start and end as instants, or undefined while its start is `tba`. */
export function sessionInterval(s: SessionTimes): Interval | undefined {
  if (s.start === 'tba') return undefined;
  const start = wallTimeToInstant(s.start, s.timeZone);
  if (s.end !== undefined) return { start, end: wallTimeToInstant(s.end, s.timeZone) };
  if (s.durationMinutes !== undefined) return { start, end: new Date(start.getTime() + s.durationMinutes * MINUTE_MS) };
  throw new Error(`the session starting ${s.start} needs end (YYYY-MM-DDTHH:MM) or durationMinutes`);
}

function inZone(date: Date, timeZone: string): DateTime {
  requireZone(timeZone);
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale(LOCALE);
}

/**
 * The zone's usual abbreviation at that moment (EDT, EST, CEST, BST), or GMT+5:30 where English
 * has none. ICU only knows some abbreviations per locale (en-US: EDT but GMT+2 for Copenhagen;
 * en-GB: CEST but GMT-4 for New York), so both are asked.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  let fallback = '';
  for (const locale of ['en-US', 'en-GB']) {
    const name = DateTime.fromJSDate(date, { zone: timeZone }).setLocale(locale).toFormat('ZZZZ');
    if (!/^GMT[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

const DAY_FORMAT = 'cccc d LLLL yyyy';
const TIME_FORMAT = 'HH:mm';

/**
 * When a session happens, in its own zone: "Tuesday 13 October 2026, 09:00–12:00 (EDT, America/New_York)",
 * or across days "Sunday 28 June 2020, 14:00 – Friday 3 July 2020, 12:30 (EDT, America/New_York)".
 * When the offset changes between start and end, each time carries its abbreviation.
 */
export function formatWhen(interval: Interval, timeZone: string, opts: FormatWhenOptions = {}): string {
  const start = inZone(interval.start, timeZone);
  const end = inZone(interval.end, timeZone);
  const startZone = zoneAbbreviation(interval.start, timeZone);
  const endZone = zoneAbbreviation(interval.end, timeZone);
  const showZone = opts.showZone ?? true;
  const perTime = showZone && startZone !== endZone;
  const startTime = start.toFormat(TIME_FORMAT) + (perTime ? ` ${startZone}` : '');
  const endTime = end.toFormat(TIME_FORMAT) + (perTime ? ` ${endZone}` : '');
  const sameDay = start.hasSame(end, 'day');
  const when = sameDay
    ? `${start.toFormat(DAY_FORMAT)}, ${startTime}–${endTime}`
    : `${start.toFormat(DAY_FORMAT)}, ${startTime} – ${end.toFormat(DAY_FORMAT)}, ${endTime}`;
  if (!showZone) return when;
  return perTime ? `${when} (${timeZone})` : `${when} (${startZone}, ${timeZone})`;
}

function parseIsoDate(isoDate: string): DateTime {
  const date = ISO_DATE.test(isoDate) ? DateTime.fromISO(isoDate, { zone: 'UTC' }) : undefined;
  if (!date?.isValid) throw new Error(`"${isoDate}" is not a date written YYYY-MM-DD, for example 2020-05-01`);
  return date.setLocale(LOCALE);
}

/** A calendar date as people write it: "1 May 2020". */
// a build formats the same few hundred dates on thousands of pages
const formattedDates = new Map<string, string>();

export function formatDate(isoDate: string): string {
  let formatted = formattedDates.get(isoDate);
  if (formatted === undefined) {
    formatted = parseIsoDate(isoDate).toFormat('d LLLL yyyy');
    formattedDates.set(isoDate, formatted);
  }
  return formatted;
}

/**
 * Two calendar dates without repeating what they share:
 * "28–30 June 2020", "28 June – 3 July 2020", "28 June 2020 – 30 June 2021", "1 May 2020".
 */
export function formatDateRange(startIsoDate: string, endIsoDate: string): string {
  const start = parseIsoDate(startIsoDate);
  const end = parseIsoDate(endIsoDate);
  if (start.hasSame(end, 'day')) return formatDate(startIsoDate);
  if (start.hasSame(end, 'month')) return `${start.toFormat('d')}–${end.toFormat('d LLLL yyyy')}`;
  if (start.hasSame(end, 'year')) return `${start.toFormat('d LLLL')} – ${end.toFormat('d LLLL yyyy')}`;
  return `${start.toFormat('d LLLL yyyy')} – ${end.toFormat('d LLLL yyyy')}`;
}

/**
 * The last instant of a day in a zone, 23:59:59.999 local: the millisecond before the next day
 * starts there (correct also where a DST change happens at midnight).
 */
export function endOfDayInZone(isoDate: string, timeZone: string): Date {
  requireZone(timeZone);
  const day = parseIsoDate(isoDate);
  const nextDayStart = DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: timeZone })
    .plus({ days: 1 })
    .startOf('day');
  return new Date(nextDayStart.toMillis() - 1);
}

/** Whether a deadline day has not yet ended in its zone at `now` (open through 23:59:59.999 local). */
export function isOpen(deadlineDate: string, timeZone: string, now: Date): boolean {
  return now.getTime() <= endOfDayInZone(deadlineDate, timeZone).getTime();
}

/** An instant as ISO 8601 in UTC, for `<time datetime>` and feeds: "2020-06-28T18:00:00Z". */
export function toIsoInstant(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
