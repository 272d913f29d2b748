/** One calendar file per dated session, for "add to calendar". Sessions still to be announced have none. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSessions } from '../../../data/program.ts';
import { sessionCalendar, sessionCalendarName } from '../../../data/calendars.ts';

export const getStaticPaths = (async () =>
  (await getSessions())
    .filter((s) => s.interval)
    .map((s) => ({ params: { cohort: s.cohort, session: sessionCalendarName(s) }, props: { session: s } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { session } = props as { session: Awaited<ReturnType<typeof getSessions>>[number] };
  return new Response(await sessionCalendar(session, site), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
