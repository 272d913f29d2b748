/** One calendar per cohort: every dated session, for subscribing (webcal) or downloading. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCohorts } from '../../data/program.ts';
import { cohortCalendar, cohortCalendarName } from '../../data/calendars.ts';

export const getStaticPaths = (async () => (await getCohorts()).map((c) => ({ params: { cohort: cohortCalendarName(c) }, props: { cohort: c } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { cohort } = props as { cohort: Awaited<ReturnType<typeof getCohorts>>[number] };
  return new Response(await cohortCalendar(cohort, site), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
