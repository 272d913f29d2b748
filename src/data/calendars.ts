/** Calendar files for cohorts and sessions, built from the sessions this build may show. */
import { DateTime } from 'luxon';
import { buildCalendar, sessionSequence, type CalendarEvent } from '../lib/calendar.ts';
import { lastModifiedTimes } from '../lib/revisions.ts';
import { formatLocation } from '../lib/format.ts';
import { getSessions, getSessionsOfCohort, type Cohort, type Session } from './program.ts';
import { href, settings } from './build.ts';
import { demoFileName, demoTitle } from '../lib/demo-mark.ts';

/**
 * The file name of a session's calendar file, without .ics: the session's id, with "demo" in it for
 * a demo session, so that a downloaded file says it is fictional on its own.
 */
export function sessionCalendarName(session: Pick<Session, 'slug' | 'demo'>): string {
  return session.demo ? demoFileName(session.slug) : session.slug;
}

/** The file name of a cohort's calendar, without .ics (with "demo" in it for a demo cohort). */
export function cohortCalendarName(cohort: Pick<Cohort, 'id' | 'demo'>): string {
  return cohort.demo ? demoFileName(cohort.id) : cohort.id;
}

/** Where a session's calendar file is: /calendar/<cohort>/<name>.ics. */
export function sessionCalendarPath(session: Pick<Session, 'cohort' | 'slug' | 'demo'>): string {
  return `/calendar/${session.cohort}/${sessionCalendarName(session)}.ics`;
}

/** Where a cohort's calendar is: /calendar/<name>.ics. */
export function cohortCalendarPath(cohort: Pick<Cohort, 'id' | 'demo'>): string {
  return `/calendar/${cohortCalendarName(cohort)}.ics`;
}

let revisions: Promise<Map<string, Date>> | undefined;
/** When each session file of the build last changed: one git log over all of them, read once (not one per session). */
function sessionRevisions(): Promise<Map<string, Date>> {
  revisions ??= getSessions().then((all) => lastModifiedTimes(process.cwd(), [...new Set(all.map((s) => s.entry.filePath ?? '').filter(Boolean))]));
  return revisions;
}
async function revisionOf(session: Session): Promise<Date> {
  return (await sessionRevisions()).get(session.entry.filePath ?? '') ?? new Date(0);
}

function hostOf(site: URL | undefined): string {
  return new URL(site ?? settings.site).hostname;
}

async function eventOf(session: Session, site: URL | undefined): Promise<CalendarEvent | undefined> {
  const d = session.entry.data;
  if (d.start === 'tba' || !session.interval) return undefined;
  const end = d.end ?? DateTime.fromJSDate(session.interval.end, { zone: d.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const lastModified = await revisionOf(session);
  const description = [
    session.demo ? 'Fictional: a session of the demo cohort, for trying out the site. It does not take place.' : undefined,
    d.theme ? `Theme: ${d.theme}` : undefined,
    d.prework ? `Pre-work: ${d.prework}` : undefined,
    d.meetingUrl ? `Join: ${d.meetingUrl}` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const event: CalendarEvent = {
    uid: `${session.id}@${hostOf(site)}`,
    start: d.start,
    end,
    timeZone: d.timeZone,
    summary: session.demo ? demoTitle(d.title) : d.title,
    url: new URL(href(`/schedule/#${session.cohort}-${session.slug}`), site ?? settings.site).href,
    sequence: sessionSequence(lastModified),
    lastModified,
  };
  const location = formatLocation(d.location) ?? (d.meetingUrl ? d.meetingUrl : d.platform);
  if (location) event.location = location;
  if (description) event.description = description;
  return event;
}

export async function cohortCalendar(cohort: Cohort, site: URL | undefined): Promise<string> {
  const sessions = await getSessionsOfCohort(cohort.id);
  const events = (await Promise.all(sessions.map((s) => eventOf(s, site)))).filter((e): e is CalendarEvent => e !== undefined);
  return buildCalendar({
    name: cohort.demo ? demoTitle(`${settings.title}: ${cohort.entry.data.title}`) : `${settings.title}: ${cohort.entry.data.title}`,
    description: `${cohort.demo ? 'Fictional: the demo cohort, for trying out the site; none of these sessions takes place. ' : ''}Workshops and virtual calls of the ${cohort.entry.data.title}.`,
    url: new URL(href('/schedule/'), site ?? settings.site).href,
    events,
  });
}

export async function sessionCalendar(session: Session, site: URL | undefined): Promise<string> {
  const event = await eventOf(session, site);
  if (!event) throw new Error(`${session.id} has no date yet, so it has no calendar file`);
  return buildCalendar({ name: event.summary, events: [event] });
}
