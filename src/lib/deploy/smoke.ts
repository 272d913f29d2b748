/**
 * `npm run smoke`: checks a deployed site the way an operator would, from outside: its pages
 * answer 200, an unknown address gives the site's own 404 page, the expected headers are there, a
 * private site refuses an anonymous visitor, a public site has none of the private pages, and
 * dotfiles, source maps and the sources files are never served.
 */
import { randomBytes } from 'node:crypto';
import { siteHeaders, type SiteKind } from './headers.ts';

export type SmokeProfile = 'server' | 'github-pages';

export interface SmokeOptions {
  url: string;
  user?: string | undefined;
  password?: string | undefined;
  /** A session cookie (`name=value`) for sites behind the sign-in proxy. */
  cookie?: string | undefined;
  /** `github-pages`: headers Pages cannot send are reported as warnings, not failures. */
  profile?: SmokeProfile | undefined;
  /** How many linked pages to open (default 20). */
  pages?: number | undefined;
  fetch?: typeof fetch | undefined;
}

export interface SmokeCheck {
  ok: boolean;
  /** A failed warning does not fail the run. */
  severity: 'error' | 'warning';
  name: string;
  detail: string;
}

export interface SmokeReport {
  kind: SiteKind | 'unknown';
  checks: SmokeCheck[];
  failed: number;
}

/** Paths only cohort or faculty sites have: a public site must answer 404 for each. */
export const PRIVATE_PATHS = ['browse/', 'compose/', 'dashboard/', 'review/', 'about-build/', 'coordinator/'] as const;
/** Paths no site may serve. */
export const NEVER_SERVED_PATHS = ['.git/config', '.env', '.htpasswd', 'sources.yaml', 'content/sources.yaml', '.sources-lock.json', 'content/.sources-lock.json', '_headers'] as const;

interface Got {
  status: number;
  headers: Headers;
  body: string;
  url: string;
}

export function formatCheck(c: SmokeCheck): string {
  return `${c.ok ? 'ok  ' : c.severity === 'error' ? 'FAIL' : 'warn'}  ${c.name}${c.detail ? `: ${c.detail}` : ''}`;
}

function kindOf(html: string): SiteKind {
  if (/class="audience-banner faculty"/.test(html)) return 'faculty';
  if (/class="audience-banner cohort"/.test(html)) return 'cohort';
  return 'public';
}

function internalLinks(html: string, base: URL): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/\bhref="([^"#?]+)[^"]*"/g)) {
    const href = m[1] ?? '';
    let url: URL;
    try {
      url = new URL(href.replace(/&amp;/g, '&'), base);
    } catch {
      continue;
    }
    if (url.origin === base.origin && url.pathname.startsWith(base.pathname) && url.pathname.endsWith('/')) out.add(url.href);
  }
  return [...out];
}

function assetLinks(html: string, base: URL): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/\b(?:src|href)="([^"]*\/_astro\/[^"]+)"/g)) {
    try {
      const url = new URL((m[1] ?? '').replace(/&amp;/g, '&'), base);
      if (url.origin === base.origin) out.add(url.href);
    } catch {
      // not an address
    }
  }
  return [...out];
}

export async function smoke(options: SmokeOptions): Promise<SmokeReport> {
  const doFetch = options.fetch ?? fetch;
  const profile = options.profile ?? 'server';
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const checks: SmokeCheck[] = [];
  const check = (ok: boolean, name: string, detail = '', severity: 'error' | 'warning' = 'error') => checks.push({ ok, name, detail, severity });
  const credentials: Record<string, string> = {};
  if (options.user !== undefined) credentials['Authorization'] = `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}`;
  if (options.cookie !== undefined) credentials['Cookie'] = options.cookie;

  const get = async (url: string, signedIn = true, extra: Record<string, string> = {}): Promise<Got> => {
    const response = await doFetch(url, { redirect: 'manual', headers: { ...(signedIn ? credentials : {}), ...extra } });
    const body = (response.headers.get('content-type') ?? '').includes('text') ? await response.text() : (await response.arrayBuffer(), '');
    return { status: response.status, headers: response.headers, body, url };
  };
  const rel = (path: string) => new URL(path, base).href;

  let anonymous: Got;
  try {
    anonymous = await get(base.href, false);
  } catch (error) {
    check(false, 'the site answers', `${base.href}: ${(error as Error).message}`);
    return { kind: 'unknown', checks, failed: 1 };
  }
  const refused = anonymous.status === 401 || anonymous.status === 403 || (anonymous.status >= 300 && anonymous.status < 400 && anonymous.headers.get('location') !== null && !new URL(anonymous.headers.get('location') ?? '', base).href.startsWith(base.href));
  const hasCredentials = options.user !== undefined || options.cookie !== undefined;
  if (refused || hasCredentials) {
    check(refused, 'an anonymous visitor is refused', refused ? `${anonymous.status}${anonymous.headers.get('location') ? ` → ${anonymous.headers.get('location')}` : ''}` : `got ${anonymous.status}: a private site must answer 401 or send visitors to sign in`);
    if (anonymous.status === 401 && options.cookie === undefined) {
      check(/^Basic /i.test(anonymous.headers.get('www-authenticate') ?? ''), 'the refusal asks for a password', anonymous.headers.get('www-authenticate') ?? 'no WWW-Authenticate header');
    }
    if (!hasCredentials) {
      check(true, 'pages behind sign-in were not checked', 'give --user and --password (password mode) or --cookie (sign-in mode) to check them', 'warning');
      return { kind: 'unknown', checks, failed: checks.filter((c) => !c.ok && c.severity === 'error').length };
    }
  }

  const home = hasCredentials ? await get(base.href) : anonymous;
  check(home.status === 200, 'the home page answers 200', `${home.status} ${base.href}`);
  if (home.status !== 200) return { kind: 'unknown', checks, failed: checks.filter((c) => !c.ok && c.severity === 'error').length };
  const kind = kindOf(home.body);
  if (kind !== 'public') check(refused, 'the private site refuses anonymous visitors', refused ? '' : `${kind} site answered an anonymous request with ${anonymous.status}`);
  const expected = siteHeaders(kind);

  // pages
  const links = internalLinks(home.body, base).slice(0, options.pages ?? 20);
  for (const extra of ['search/', 'schedule/']) if (!links.includes(rel(extra))) links.push(rel(extra));
  const broken: string[] = [];
  const pages: Got[] = [home];
  for (const link of links) {
    const page = await get(link);
    if (page.status !== 200) broken.push(`${page.status} ${link}`);
    else pages.push(page);
  }
  check(broken.length === 0, `linked pages answer 200 (${links.length} checked)`, broken.join(', '));
  const noPolicy = pages.filter((p) => !/<meta http-equiv="content-security-policy" content="[^"]*script-src/i.test(p.body)).map((p) => p.url);
  check(noPolicy.length === 0, 'every page carries its content security policy (meta)', noPolicy.join(', '));

  // 404
  const missing = await get(rel(`smoke-check-${randomBytes(6).toString('hex')}/`));
  check(missing.status === 404, 'an unknown address answers 404', String(missing.status));
  check(/<meta http-equiv="content-security-policy"/i.test(missing.body) && /<main\b/i.test(missing.body), 'an unknown address shows the site’s own 404 page', missing.body ? '' : 'empty body');

  // headers
  const asset = assetLinks(home.body, base)[0];
  const assetGot = asset ? await get(asset) : undefined;
  const samples: [string, Got][] = [['home page', home], ['404 page', missing], ...(pages[1] ? [['a linked page', pages[1]] as [string, Got]] : []), ...(assetGot ? [['an asset', assetGot] as [string, Got]] : [])];
  const headerSeverity = profile === 'github-pages' ? 'warning' : 'error';
  for (const [name, value] of Object.entries(expected)) {
    if (name === 'Strict-Transport-Security') continue;
    const wrong = samples.filter(([, g]) => {
      const got = g.headers.get(name) ?? '';
      return name === 'Content-Security-Policy' ? !got.includes("frame-ancestors 'none'") : got.toLowerCase() !== value.toLowerCase();
    });
    check(
      wrong.length === 0,
      `header ${name}`,
      wrong.length ? `missing or different on the ${wrong.map(([n]) => n).join(', ')}${profile === 'github-pages' ? ' (GitHub Pages cannot send it)' : ''}` : '',
      headerSeverity,
    );
  }
  const cache = home.headers.get('cache-control') ?? '';
  if (kind === 'public') {
    if (assetGot) check(/immutable/.test(assetGot.headers.get('cache-control') ?? ''), 'hashed assets are cached long (immutable)', assetGot.headers.get('cache-control') ?? 'no Cache-Control', headerSeverity);
    check(!/immutable/.test(cache), 'pages are not cached as immutable', cache);
  } else {
    const leaky = pages.filter((p) => !/private/.test(p.headers.get('cache-control') ?? '') || !/no-store/.test(p.headers.get('cache-control') ?? '')).map((p) => p.url);
    check(leaky.length === 0, 'private pages are never stored by caches (Cache-Control: private, no-store)', leaky.join(', '));
  }
  if (profile === 'server') {
    const compressed = await get(base.href, true, { 'Accept-Encoding': 'br, gzip' });
    check(/\b(br|gzip)\b/.test(compressed.headers.get('content-encoding') ?? ''), 'pages are sent compressed', compressed.headers.get('content-encoding') ?? 'not compressed', 'warning');
  }

  // what must never be there
  if (kind === 'public') {
    const reachable: string[] = [];
    for (const path of PRIVATE_PATHS) {
      const got = await get(rel(path));
      if (got.status !== 404) reachable.push(`${got.status} ${path}`);
    }
    check(reachable.length === 0, 'no private page is reachable on the public site', reachable.join(', '));
  }
  const exposed: string[] = [];
  const never = [...NEVER_SERVED_PATHS.filter((p) => profile === 'server' || p !== '_headers'), ...(asset ? [`${new URL(asset).pathname.slice(base.pathname.length)}.map`] : [])];
  for (const path of never) {
    const got = await get(rel(path));
    if (got.status === 200) exposed.push(path);
  }
  check(exposed.length === 0, 'dotfiles, source maps and sources files are not served', exposed.join(', '));
  return { kind, checks, failed: checks.filter((c) => !c.ok && c.severity === 'error').length };
}
