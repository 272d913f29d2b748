/**
 * The day a build speaks for: today, or CERT_BUILD_DATE (YYYY-MM-DD) for reproducible builds and
 * tests. Evidence coverage, released decisions, credentials and exports all read it from here, so
 * one variable moves them together. (CERT_AS_OF is accepted as an older name for the same thing.)
 * A day is the program's day: it ends at midnight in the program's time zone.
 */
import { explainIsoDate } from '../schemas/common.ts';
import { endOfDayInZone } from './time.ts';

/** The zone the program counts its days and months in (its calls meet at 09:00 US Eastern time). */
export const PROGRAM_TIME_ZONE = 'America/New_York';

/** The program's calendar date of an instant, YYYY-MM-DD. */
export function programDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The last moment of a program day (what "as of that day" means for evidence). */
export function endOfProgramDay(date: string): Date {
  const problem = explainIsoDate(date);
  if (problem) throw new Error(`the build date must be written YYYY-MM-DD, for example 2027-06-30; ${problem}`);
  return endOfDayInZone(date, PROGRAM_TIME_ZONE);
}

export function buildDateFromEnv(env: Record<string, string | undefined>, now = new Date()): string {
  const given = env['CERT_BUILD_DATE'] || env['CERT_AS_OF'];
  if (given) {
    const problem = explainIsoDate(given);
    if (problem) throw new Error(`CERT_BUILD_DATE must be a date written YYYY-MM-DD, for example 2027-06-30; ${problem}`);
    return given;
  }
  return programDate(now);
}

/**
 * The build's clock for the moments a page states ("built at", the page a visitor's browser
 * starts from): now, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention), so two builds of the same sources can be compared byte for byte.
 */
export function buildClock(env: Record<string, string | undefined>, now = new Date()): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now;
  if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, for example 1767225600; got ${epoch}`);
  return new Date(Number(epoch) * 1000);
}

/** The instant a build evaluates evidence at: now, or the end of CERT_BUILD_DATE. */
export function buildInstantFromEnv(env: Record<string, string | undefined>, now = new Date()): Date {
  const given = env['CERT_BUILD_DATE'] || env['CERT_AS_OF'];
  return given ? endOfProgramDay(buildDateFromEnv(env, now)) : now;
}

/** Has a decision been released to the participant by this date? Before then only faculty see it. */
export function isReleased(released: string | undefined, onDate: string): boolean {
  return released !== undefined && released <= onDate;
}
