/**
 * iCalendar (RFC 5545) feeds of sessions, written by ical-generator, with VTIMEZONE definitions
 * from @touch4it/ical-timezones. Nothing here assembles iCalendar text by hand.
 *
 * Each event's DTSTART/DTEND carry `TZID=<zone>` and the local wall time, so a calendar app
 * follows the zone's daylight-saving rules the way the site does. One exception: the bundled
 * VTIMEZONE data is frozen at tzdata 2018g (for example it still gives America/Sao_Paulo a
 * summer time that Brazil abolished in 2019). Before using a zone's definition we check that it
 * gives the same UTC offset as the runtime's time zone database at every start and end that uses
 * it; when it does not, or when the package has no definition for the zone, those events are
 * written in UTC (`DTSTART:20270110T120000Z`), which every client reads as the right instant.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import { wallTimeToInstant } from './time.ts';

export interface CalendarEvent {
  /** Stable across builds and machines, e.g. `2020-2021/module-1-workshop@example.org`. */
  uid: string;
  /** Local wall time YYYY-MM-DDTHH:MM in `timeZone`. */
  start: string;
  /** Local wall time YYYY-MM-DDTHH:MM in `timeZone`. */
  end: string;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Revision number, see `sessionSequence`. */
  sequence: number;
  /** When the session's file last changed; written as DTSTAMP and LAST-MODIFIED. */
  lastModified: Date;
}

export interface CalendarOptions {
  name: string;
  description?: string;
  url?: string;
  events: CalendarEvent[];
}

export const PRODID = { company: 'Compassionate Systems Certification', product: 'Session calendar', language: 'EN' } as const;

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);
const MINUTE_MS = 60_000;

/**
 * SEQUENCE for a session whose file last changed at `lastModified`: whole minutes since
 * 2020-01-01T00:00Z.
 *
 * Calendar apps replace a stored event only when SEQUENCE grows, so it must go up on every edit
 * and every machine that builds the site must compute the same number for the same content.
 * A stored counter would need state outside the repository; the time of the last change
 * (the git committer time, see `lastModifiedTimes`) is already shared, increases with each edit,
 * and in whole minutes since 2020 stays far below the 2^31 limit of an iCalendar INTEGER (until
 * the year 6100). Two edits committed within the same minute share a number. Times before the
 * epoch give 0.
 */
export function sessionSequence(lastModified: Date): number {
  const ms = lastModified.getTime();
  if (Number.isNaN(ms)) throw new Error('sessionSequence needs a valid date of the last change');
  return Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / MINUTE_MS));
}

/** The subscription link for a feed: https://x/cal.ics → webcal://x/cal.ics. */
export function webcalUrl(httpsUrl: string): string {
  if (!/^https:\/\/[^\s/]+/i.test(httpsUrl)) throw new Error(`a calendar feed address must start with https://; got "${httpsUrl}"`);
  return `webcal://${httpsUrl.slice('https://'.length)}`;
}

/**
 * Build an RFC 5545 calendar (CRLF line ends, folded lines) with one VTIMEZONE per zone used.
 * Throws on an event that could not be written correctly (bad uid, times or sequence).
 */
export function buildCalendar(opts: CalendarOptions): string {
  if (opts.url !== undefined) requireUri(opts.url, 'the calendar url');
  const checked = opts.events.map((event) => ({ event, ...checkEvent(event) }));
  const instantsByZone = new Map<string, Date[]>();
  for (const { event, start, end } of checked) instantsByZone.set(event.timeZone, [...(instantsByZone.get(event.timeZone) ?? []), start, end]);
  const trustedZones = new Set([...instantsByZone].filter(([zone, instants]) => vtimezoneAgrees(zone, instants)).map(([zone]) => zone));
  const calendar = ical({
    // ical-generator writes NAME, X-WR-CALNAME and X-WR-CALDESC without TEXT escaping (it does
    // escape SUMMARY, DESCRIPTION and LOCATION), so a comma or a line break would corrupt them.
    name: escape(opts.name, false),
    description: opts.description === undefined ? null : escape(opts.description, false),
    url: opts.url ?? null,
    prodId: PRODID,
    // name null: no calendar-wide zone (so DTSTAMP stays in UTC); the generator adds one
    // VTIMEZONE for each zone an event names.
    timezone: { name: null, generator: (zone) => (trustedZones.has(zone) ? getVtimezoneComponent(zone) : null) },
  });
  for (const { event, start, end } of checked) calendar.createEvent(toEventData(event, { start, end }, trustedZones.has(event.timeZone)));
  // Every content line ends with CRLF (RFC 5545 §3.1), the last one too; the library stops
  // after END:VCALENDAR, which some importers have been seen to truncate.
  return `${calendar.toString()}\r\n`;
}

/** UID and URLs are written verbatim by the library: refuse anything that could break the line. */
function requireUri(value: string, what: string): void {
  if (!value || /[\s\p{Cc}]/u.test(value)) throw new Error(`${what} must be one word with no spaces or line breaks; got ${JSON.stringify(value)}`);
}

function checkEvent(e: CalendarEvent): { start: Date; end: Date } {
  requireUri(e.uid, `the uid of the calendar event "${e.summary}"`);
  if (e.url !== undefined) requireUri(e.url, `the url of the calendar event ${e.uid}`);
  if (!Number.isInteger(e.sequence) || e.sequence < 0) throw new Error(`the calendar event ${e.uid} has sequence ${e.sequence}; expected a whole number 0 or more`);
  if (Number.isNaN(e.lastModified.getTime())) throw new Error(`the calendar event ${e.uid} has an invalid lastModified date`);
  const start = wallTimeToInstant(e.start, e.timeZone);
  const end = wallTimeToInstant(e.end, e.timeZone);
  if (end <= start) throw new Error(`the calendar event ${e.uid} ends (${e.end}) before it starts (${e.start})`);
  return { start, end };
}

function toEventData(e: CalendarEvent, times: { start: Date; end: Date }, zoned: boolean): ICalEventData {
  // A luxon DateTime set to the zone is written as local wall time after TZID=; a plain Date
  // would be written in the *process's* local zone, so it is used only for UTC output.
  const at = (d: Date) => (zoned ? DateTime.fromJSDate(d, { zone: e.timeZone }) : d);
  return {
    id: e.uid,
    sequence: e.sequence,
    // No METHOD is published, so RFC 5545 §3.8.7.2 makes DTSTAMP the last revision time; taking
    // it from the content (not the clock) keeps builds reproducible.
    stamp: e.lastModified,
    lastModified: e.lastModified,
    start: at(times.start),
    end: at(times.end),
    timezone: zoned ? e.timeZone : null,
    summary: e.summary,
    description: e.description ?? null,
    location: e.location ?? null,
    url: e.url ?? null,
  };
}

// --- checking a bundled VTIMEZONE against the runtime's time zone database -------------------

interface Observance {
  offsetFrom: number;
  offsetTo: number;
  /** DTSTART, local wall time read as if UTC. */
  start: Date;
  rule?: { month: number; nth: number; weekday: number };
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Whether the bundled VTIMEZONE for `zone` exists and gives the runtime's offset at every instant. */
function vtimezoneAgrees(zone: string, instants: Date[]): boolean {
  const component = getVtimezoneComponent(zone);
  const observances = component ? parseObservances(component) : undefined;
  if (!observances) return false;
  return instants.every((t) => vtimezoneOffsetAt(observances, t) === DateTime.fromJSDate(t, { zone }).offset);
}

function parseOffset(value: string | undefined): number | undefined {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value ?? '');
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** STANDARD/DAYLIGHT blocks of the simple form the package ships, or undefined for any other. */
function parseObservances(component: string): Observance[] | undefined {
  const lines = component.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const observances: Observance[] = [];
  let props: Map<string, string> | undefined;
  for (const line of lines) {
    if (/^BEGIN:(STANDARD|DAYLIGHT)$/.test(line)) props = new Map();
    else if (/^END:(STANDARD|DAYLIGHT)$/.test(line)) {
      const observance = props && toObservance(props);
      if (!observance) return undefined;
      observances.push(observance);
      props = undefined;
    } else if (props) {
      const colon = line.indexOf(':');
      props.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return observances.length > 0 ? observances : undefined;
}

function toObservance(props: Map<string, string>): Observance | undefined {
  const offsetFrom = parseOffset(props.get('TZOFFSETFROM'));
  const offsetTo = parseOffset(props.get('TZOFFSETTO'));
  const d = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(props.get('DTSTART') ?? '');
  if (offsetFrom === undefined || offsetTo === undefined || !d || props.has('RDATE')) return undefined;
  const start = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6])));
  const rrule = props.get('RRULE');
  if (rrule === undefined) return { offsetFrom, offsetTo, start };
  const r = /^FREQ=YEARLY;BYMONTH=(\d{1,2});BYDAY=([+-]?\d)(SU|MO|TU|WE|TH|FR|SA)$/.exec(rrule);
  if (!r) return undefined;
  return { offsetFrom, offsetTo, start, rule: { month: Number(r[1]), nth: Number(r[2]), weekday: WEEKDAYS.indexOf(r[3] ?? '') } };
}

/** Onset of an observance in a year, as an instant (its wall time is in the offset before it). */
function onsetIn(o: Observance, year: number): number | undefined {
  if (!o.rule) return year === o.start.getUTCFullYear() ? o.start.getTime() - o.offsetFrom * MINUTE_MS : undefined;
  if (year < o.start.getUTCFullYear()) return undefined;
  const { month, nth, weekday } = o.rule;
  let day: number;
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
  } else {
    const lastDate = new Date(Date.UTC(year, month, 0));
    day = lastDate.getUTCDate() - ((lastDate.getUTCDay() - weekday + 7) % 7) + (nth + 1) * 7;
  }
  const wall = Date.UTC(year, month - 1, day, o.start.getUTCHours(), o.start.getUTCMinutes(), o.start.getUTCSeconds());
  return wall - o.offsetFrom * MINUTE_MS;
}

function vtimezoneOffsetAt(observances: Observance[], t: Date): number | undefined {
  let best: { onset: number; offset: number } | undefined;
  for (const o of observances) {
    const years = o.rule ? [t.getUTCFullYear() - 1, t.getUTCFullYear()] : [o.start.getUTCFullYear()];
    for (const year of years) {
      const onset = onsetIn(o, year);
      if (onset !== undefined && onset <= t.getTime() && (!best || onset > best.onset)) best = { onset, offset: o.offsetTo };
    }
  }
  return best?.offset;
}
