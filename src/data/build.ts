/** Facts about the build in progress: its audience, the settings, and links under its base path. */
import { audienceFromEnv, type Audience } from '../lib/audience.ts';
import { readSettings } from '../lib/settings.ts';
import type { Settings } from '../schemas/settings.ts';

export const audience: Audience = audienceFromEnv(process.env);
export const settings: Settings = readSettings(process.cwd());

/** A site-internal link, under the build's base path, with a trailing slash for pages. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const clean = path.startsWith('/') ? path : `/${path}`;
  const withSlash = /\.[a-z0-9]+$/i.test(clean) || clean.includes('#') || clean.includes('?') || clean.endsWith('/') ? clean : `${clean}/`;
  return `${base}${withSlash}`;
}

export const isPublic = audience.kind === 'public';
export const isFaculty = audience.kind === 'faculty';
