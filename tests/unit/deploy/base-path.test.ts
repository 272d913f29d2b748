/**
 * The public site under a sub-path (GitHub Pages project sites: SITE_BASE=/certification/) and at
 * the root: every internal link and asset address in the HTML starts with the base, and leads to a
 * file of the built site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { listFiles } from './helpers.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/deploy/content');
const SITE = 'https://your-org.github.io';

function buildPublic(project: FixtureProject, base: string | undefined): string {
  const env: NodeJS.ProcessEnv = { ...process.env, CERT_AUDIENCE: 'public', ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: SITE };
  delete env['CERT_COHORT'];
  // vitest copies import.meta.env (BASE_URL, MODE, …) into process.env; a build must not inherit them
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  if (base === undefined) delete env['SITE_BASE'];
  else env['SITE_BASE'] = base;
  const result = spawnSync(join(project.root, 'node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: project.root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`);
  return join(project.root, 'dist/public');
}

function decode(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Every address an HTML page points at: attributes, srcset entries, island component and props URLs, inline imports. */
function addresses(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src|action|poster|data|component-url|renderer-url|before-hydration-url|content)="([^"]*)"/g)) out.push(decode(m[1] ?? ''));
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) for (const part of decode(m[1] ?? '').split(',')) out.push(part.trim().split(/\s+/)[0] ?? '');
  for (const m of html.matchAll(/\sprops="([^"]*)"/g)) for (const s of decode(m[1] ?? '').matchAll(/"(\/[^"]*)"/g)) out.push(s[1] ?? '');
  for (const m of html.matchAll(/(?:import\(|from\s*)["'`](\/[^"'`]+)["'`]/g)) out.push(m[1] ?? '');
  return out.filter(Boolean);
}

/** The addresses that point inside the site: root-relative ones, and absolute ones on the site's origin. */
function internal(html: string): string[] {
  return addresses(html)
    .map((a) => (a.startsWith(SITE) ? a.slice(SITE.length) || '/' : a))
    .filter((a) => a.startsWith('/') && !a.startsWith('//'));
}

function resolves(dir: string, base: string, address: string): boolean {
  const path = decodeURI(address.slice(base.length).split(/[?#]/)[0] ?? '');
  if (path === '' || path.endsWith('/')) return existsSync(join(dir, path, 'index.html'));
  return existsSync(join(dir, path));
}

describe.each([
  ['under a sub-path', '/certification/'],
  ['at the root', undefined],
])('the public site %s', (_label, base) => {
  let project: FixtureProject;
  let dir: string;
  const prefix = base ?? '/';
  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
    dir = buildPublic(project, base);
  }, 240_000);
  afterAll(() => project?.cleanup());

  it('links and loads everything under the base, and every internal address leads to a built file', () => {
    const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const outside: string[] = [];
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      // the 404 page's canonical address (/404/) is not a page: it is served for every unknown address
      const html = readFileSync(join(dir, page), 'utf8').replace(page === '404.html' ? /<(?:link rel="canonical"|meta property="og:url")[^>]*>/g : /$^/, '');
      for (const address of internal(html)) {
        checked++;
        if (!address.startsWith(prefix)) outside.push(`${page}: ${address}`);
        else if (!resolves(dir, prefix, address)) broken.push(`${page}: ${address}`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(outside).toEqual([]);
    expect([...new Set(broken)]).toEqual([]);
  });

  it('writes the base into the sitemap, the canonical addresses and the search script’s base', () => {
    const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(loc.startsWith(`${SITE}${prefix}`), loc).toBe(true);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${SITE}${prefix}">`);
    const search = readFileSync(join(dir, 'search/index.html'), 'utf8');
    expect(decode(search)).toContain(`"base":[0,"${prefix}"]`);
  });
});
