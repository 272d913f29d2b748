/**
 * The day a build speaks for: today, or CERT_BUILD_DATE (YYYY-MM-DD) for reproducible builds and
 * tests. Evidence coverage, released decisions and credentials all read it from here, so one
 * variable moves them together. (CERT_AS_OF is accepted as an older name for the same thing.)
 */
import { explainIsoDate } from '../schemas/common.ts';

export function buildDateFromEnv(env: Record<string, string | undefined>, now = new Date()): string {
  const name = env['CERT_BUILD_DATE'] ? 'CERT_BUILD_DATE' : 'CERT_AS_OF';
  const given = env[name];
  if (given !== undefined && given !== '') {
    const problem = explainIsoDate(given);
    if (problem) throw new Error(`CERT_BUILD_DATE must be a date written YYYY-MM-DD, for example 2027-06-30; ${problem}`);
    return given;
  }
  return now.toISOString().slice(0, 10);
}

/** The end of the build's day, as an instant (what "as of" means for evidence). */
export function buildInstantFromEnv(env: Record<string, string | undefined>, now = new Date()): Date {
  const given = env['CERT_BUILD_DATE'] || env['CERT_AS_OF'];
  return given ? new Date(`${buildDateFromEnv(env, now)}T23:59:59Z`) : now;
}
