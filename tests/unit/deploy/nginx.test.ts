/**
 * The generated nginx configuration, run by the real nginx on loopback ports against real builds
 * of a small fixture (public, cohort c1, cohort c2, faculty): who gets in where, in the password
 * mode and in the sign-in mode (a stand-in endpoint decides and nginx obeys it), what is never
 * served, the headers on every page type, precompressed files, and `npm run smoke` against it.
 *
 * Each suite states the Brotli mode it needs (`--brotli off` runs on plain nginx, as Debian installs
 * it); serving Brotli files needs the module, and that suite is skipped, saying so, where it is not
 * installed. Nothing here depends on what happens to be installed beyond nginx itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { finishSite } from '../../../src/lib/deploy/finish-site.ts';
import { cacheControl, siteHeaders, type SiteKind } from '../../../src/lib/deploy/headers.ts';
import type { Audience } from '../../../src/lib/audience.ts';
import { BROTLI_MODULE } from '../../../src/lib/deploy/deployment.ts';
import { basic, freePort, runScript, IS_ROOT, letWorkersRead, NGINX, raw, startNginx, startStandIn, type RawResponse, type RunningNginx, type StandIn } from './helpers.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/deploy/content');
const SITES = ['public', 'cohort-c1', 'cohort-c2', 'faculty'] as const;
type SiteKey = (typeof SITES)[number];
const AUDIENCES: Record<SiteKey, Audience> = { public: { kind: 'public' }, 'cohort-c1': { kind: 'cohort', cohort: 'c1' }, 'cohort-c2': { kind: 'cohort', cohort: 'c2' }, faculty: { kind: 'faculty' } };
const KIND: Record<SiteKey, SiteKind> = { public: 'public', 'cohort-c1': 'cohort', 'cohort-c2': 'cohort', faculty: 'faculty' };

const PASSWORDS = {
  'pia-c1': 'pia reads cohort one',
  'olga-c2': 'olga reads cohort two',
  'asha-assessor': 'asha assesses everything',
  'Colm-Coord': 'colm coordinates the program',
  'gus-guest': 'gus is only a guest here',
} as const;

// CI runs these; a developer machine without nginx skips them (apt-get install nginx)
const run = NGINX !== undefined || process.env['CI'] ? describe : describe.skip;
/** Serving .br files needs nginx's Brotli module (libnginx-mod-http-brotli-static). */
const HAS_BROTLI = existsSync(BROTLI_MODULE);
const runWithBrotli = (NGINX !== undefined || process.env['CI']) && HAS_BROTLI ? describe : describe.skip;

let project: FixtureProject;
let outside: string;

function firstFile(dir: string, pattern: RegExp): string | undefined {
  const name = readdirSync(dir).find((n) => pattern.test(n));
  return name;
}

/** Every page type of a site, plus an asset, Pagefind's script and one of its index chunks. */
function pageTypes(key: SiteKey): string[] {
  const dir = join(project.root, key === 'public' ? 'dist/public' : key === 'faculty' ? 'dist/faculty' : `dist/cohort/${key.slice('cohort-'.length)}`);
  const common = ['/', '/apply/', '/faculty/', '/faculty/asha-assessor/', '/participants/', '/participants/pia-c1/', '/schedule/', '/search/', '/cohorts/c1/', '/calendar/c1.ics', '/pagefind/pagefind.js'];
  const css = firstFile(join(dir, '_astro'), /\.css$/);
  const js = firstFile(join(dir, '_astro'), /\.js$/);
  const fragment = firstFile(join(dir, 'pagefind/fragment'), /\.pf_fragment$/);
  const assets = [css && `/_astro/${css}`, js && `/_astro/${js}`, fragment && `/pagefind/fragment/${fragment}`].filter((p): p is string => typeof p === 'string');
  const own: Record<SiteKey, string[]> = {
    public: ['/portfolios/pia-c1/public-entry/', '/.well-known/did.json'],
    'cohort-c1': ['/portfolios/pia-c1/cohort-entry/', '/browse/', '/compose/'],
    'cohort-c2': ['/participants/olga-c2/', '/browse/'],
    faculty: ['/portfolios/olga-c2/cohort-entry/', '/browse/', '/compose/', '/about-build/', '/dashboard/'],
  };
  return [...common.filter((p) => !(key === 'cohort-c2' && p === '/participants/pia-c1/')), ...own[key], ...assets];
}

function expectHeaders(key: SiteKey, path: string, response: RawResponse): void {
  const kind = KIND[key];
  for (const [name, value] of Object.entries(siteHeaders(kind))) {
    expect(response.headers[name.toLowerCase()], `${key} ${path}: ${name}`).toBe(value);
  }
  const below = path.split('?')[0] ?? path;
  expect(response.headers['cache-control'], `${key} ${path}: Cache-Control`).toBe(cacheControl(kind, below));
}

beforeAll(() => {
  if (!NGINX && !process.env['CI']) return;
  project = makeFixtureProject(FIXTURE);
  for (const key of SITES) {
    const built = project.build(AUDIENCES[key]);
    if (!built.ok) throw new Error(built.log);
    // as npm run build does: the signing step writes the DID document and the signed credentials
    const audience = AUDIENCES[key];
    if (audience.kind !== 'cohort') {
      const signed = project.run('sign-credentials', ['--audience', audience.kind]);
      if (signed.status !== 0) throw new Error(signed.stderr);
    }
    finishSite(built.outDir, KIND[key]);
  }
  // things that must never be served, put where a careless deployment might leave them
  const pub = join(project.root, 'dist/public');
  writeFileSync(join(pub, '.env'), 'SECRET=never-served');
  mkdirSync(join(pub, '.git'), { recursive: true });
  writeFileSync(join(pub, '.git/config'), '[core] never-served');
  writeFileSync(join(pub, 'sources.yaml'), 'sources: never-served');
  writeFileSync(join(pub, '.sources-lock.json'), '{"never":"served"}');
  const js = firstFile(join(pub, '_astro'), /\.js$/);
  writeFileSync(join(pub, `_astro/${js}.map`), '{"never":"served"}');
  writeFileSync(join(pub, 'app.js.map'), '{"never":"served"}');
  outside = mkdtempSync(join(tmpdir(), 'cert-operator-'));
  writeFileSync(join(outside, 'users.csv'), `handle,password\n${Object.entries(PASSWORDS).map(([h, p]) => `${h},${p}`).join('\n')}\n`);
  letWorkersRead([join(project.root, 'dist')]);
}, 600_000);

afterAll(() => {
  project?.cleanup();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

async function configure(args: string[], ports: Record<string, number>): Promise<{ nginx: RunningNginx; out: string }> {
  const out = join(project.root, `dist/deploy-${args.includes('auth-request') ? 'signin' : 'basic'}-brotli-${args[args.indexOf('--brotli') + 1] ?? 'auto'}`);
  const listen = Object.entries(ports).flatMap(([site, port]) => ['--listen', `${site}=127.0.0.1:${port}`]);
  const result = project.run('deploy-config', ['--out', out, ...listen, ...args]);
  if (result.status !== 0) throw new Error(`deploy:config failed:\n${result.stderr}\n${result.stdout}`);
  const secrets = args.includes('basic') ? SITES.filter((s) => s !== 'public').map((s) => join(out, 'nginx/htpasswd', s)) : [];
  letWorkersRead([out], secrets);
  const nginx = await startNginx(join(out, 'nginx'), join(out, 'nginx/nginx.conf'), Object.values(ports));
  return { nginx, out };
}

run('nginx in password mode (basic authentication), plain nginx without Brotli', () => {
  const ports = {} as Record<SiteKey, number>;
  let nginx: RunningNginx;
  let out: string;

  beforeAll(async () => {
    for (const key of SITES) ports[key] = await freePort();
    ({ nginx, out } = await configure(['--mode', 'basic', '--brotli', 'off', '--users', join(outside, 'users.csv')], ports));
  }, 120_000);
  afterAll(async () => nginx?.stop());

  const as = (handle: keyof typeof PASSWORDS) => basic(handle, PASSWORDS[handle]);

  it('writes one password file per private site, with bcrypt hashes of only that site’s people', () => {
    const c1 = readFileSync(join(out, 'nginx/htpasswd/cohort-c1'), 'utf8');
    expect(c1).toMatch(/^pia-c1:\$2[aby]\$10\$/m);
    expect(c1).toMatch(/^asha-assessor:/m);
    expect(c1).not.toMatch(/olga-c2|gus-guest|pia reads/);
    const faculty = readFileSync(join(out, 'nginx/htpasswd/faculty'), 'utf8');
    expect(faculty.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['asha-assessor', 'Colm-Coord', 'colm-coord']);
    expect(readFileSync(join(out, 'allow/cohort-c2.txt'), 'utf8')).toContain('olga-c2\n');
    expect(readFileSync(join(out, 'nginx/sites.conf'), 'utf8')).toContain('auth_basic_user_file');
  });

  it('answers anonymous visitors: public pages 200, private sites 401 with a password prompt', async () => {
    expect((await raw(ports.public, '/')).status).toBe(200);
    for (const key of ['cohort-c1', 'cohort-c2', 'faculty'] as const) {
      const r = await raw(ports[key], '/');
      expect(r.status, key).toBe(401);
      expect(r.headers['www-authenticate'], key).toMatch(/^Basic realm=/);
      expect(r.text, key).not.toContain('audience-banner');
    }
  });

  it('opens a participant’s own cohort site and refuses the other cohort’s and the faculty site', async () => {
    const own = await raw(ports['cohort-c1'], '/portfolios/pia-c1/cohort-entry/', as('pia-c1'));
    expect(own.status).toBe(200);
    expect(own.text).toContain('PIACOHORTWORD');
    expect((await raw(ports['cohort-c2'], '/', as('pia-c1'))).status).toBe(401);
    expect((await raw(ports.faculty, '/', as('pia-c1'))).status).toBe(401);
    expect((await raw(ports['cohort-c2'], '/', as('olga-c2'))).status).toBe(200);
    expect((await raw(ports['cohort-c1'], '/', as('olga-c2'))).status).toBe(401);
    expect((await raw(ports['cohort-c1'], '/', basic('pia-c1', 'not the password'))).status).toBe(401);
  });

  it('opens every site to assessing and coordinating faculty, and none to guest faculty', async () => {
    for (const key of ['cohort-c1', 'cohort-c2', 'faculty'] as const) {
      expect((await raw(ports[key], '/', as('asha-assessor'))).status, key).toBe(200);
      expect((await raw(ports[key], '/', as('Colm-Coord'))).status, key).toBe(200);
      expect((await raw(ports[key], '/', basic('colm-coord', PASSWORDS['Colm-Coord']))).status, key).toBe(200);
      expect((await raw(ports[key], '/', as('gus-guest'))).status, key).toBe(401);
    }
  });

  it('never serves dotfiles, source maps, the sources files or _headers; serves /.well-known/', async () => {
    const js = firstFile(join(project.root, 'dist/public/_astro'), /\.js$/);
    for (const path of ['/.env', '/.git/config', '/.git/', '/sources.yaml', '/.sources-lock.json', `/_astro/${js}.map`, '/app.js.map', '/_headers', '/%2eenv', '/.%65nv']) {
      const r = await raw(ports.public, path);
      expect(r.status, path).not.toBe(200);
      expect(r.text, path).not.toContain('never-served');
      expect(r.text, path).not.toContain('audience-banner');
    }
    expect((await raw(ports.public, '/.well-known/did.json')).status).toBe(200);
  });

  it('refuses to configure a site that holds a symbolic link when Brotli is on (then nginx cannot refuse links itself)', { timeout: 90_000 }, () => {
    // configuration only: generating it needs no Brotli module, so this runs on plain nginx too
    const generated = project.run('deploy-config', ['--out', join(project.root, 'dist/deploy-brotli-on'), '--mode', 'basic', '--brotli', 'on', '--users', join(outside, 'users.csv')]);
    expect(generated.status, generated.stderr).toBe(0);
    expect(readFileSync(join(project.root, 'dist/deploy-brotli-on/nginx/sites.conf'), 'utf8')).toContain('disable_symlinks off;');
    expect(readFileSync(join(out, 'nginx/sites.conf'), 'utf8')).toContain('disable_symlinks on;');
    const link = join(project.root, 'dist/public/linked.html');
    symlinkSync(join(project.root, 'dist/faculty/index.html'), link);
    try {
      const r = project.run('deploy-config', ['--out', join(project.root, 'dist/deploy-refused'), '--mode', 'basic', '--brotli', 'on', '--users', join(outside, 'users.csv')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${link} is a symbolic link inside the built public site; a link could serve files from outside the site. Remove it (the build never makes links), or run with --brotli off`);
    } finally {
      rmSync(link);
    }
  });

  it('refuses path traversal out of a site’s folder', async () => {
    const attempts = ['/../faculty/index.html', '/%2e%2e/faculty/index.html', '/%2E%2E/cohort/c1/index.html', '/..%2ffaculty%2findex.html', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/apply/../../faculty/', '/./../cohort/c2/'];
    for (const path of attempts) {
      const r = await raw(ports.public, path);
      expect([400, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(r.text, path).not.toContain('audience-banner');
      expect(r.text, path).not.toContain('root:x:0');
    }
    const fromCohort = await raw(ports['cohort-c1'], '/%2e%2e/%2e%2e/faculty/about-build/', as('pia-c1'));
    expect([400, 404]).toContain(fromCohort.status);
    expect(fromCohort.text).not.toContain('About this build');
  });

  it('sends every header on every page type of every site, and the site’s own 404 page', { timeout: 90_000 }, async () => {
    for (const key of SITES) {
      const who = key === 'public' ? {} : as('asha-assessor');
      for (const path of pageTypes(key)) {
        const r = await raw(ports[key], path, who);
        expect(r.status, `${key} ${path}`).toBe(200);
        expectHeaders(key, path, r);
      }
      const missing = await raw(ports[key], '/no-such-page/', who);
      expect(missing.status, key).toBe(404);
      expect(missing.text, key).toContain('Page not found');
      expect(missing.text, key).toContain('http-equiv="content-security-policy"');
      expectHeaders(key, '/no-such-page/', missing);
      if (key !== 'public') {
        const refused = await raw(ports[key], '/');
        expect(refused.headers['x-robots-tag'], key).toContain('noindex');
        expect(refused.headers['cache-control'], key).toBe('private, no-store');
      }
    }
    // a folder without index.html is a 404, never a listing
    expect((await raw(ports.public, '/_astro/')).status).toBe(404);
    // a folder without its slash is sent to the address with it (relative links depend on it)
    const redirect = await raw(ports.public, '/schedule');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe('/schedule/');
  });

  it('keeps the public site free of private pages', async () => {
    for (const path of ['/browse/', '/compose/', '/dashboard/', '/about-build/', '/review/', '/portfolios/pia-c1/cohort-entry/']) {
      expect((await raw(ports.public, path)).status, path).toBe(404);
    }
  });

  it('sends the precompressed gzip files, and no Brotli without the module', async () => {
    const file = readFileSync(join(project.root, 'dist/public/index.html'), 'utf8');
    const gz = await raw(ports.public, '/', { 'Accept-Encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toContain('Accept-Encoding');
    expect(gz.text).toBe(file);
    expect(readFileSync(join(out, 'nginx/sites.conf'), 'utf8')).not.toContain('brotli_static on;');
    const plain = await raw(ports.public, '/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(file);
  });

  it('npm run smoke passes on each site as an operator would run it, and fails with the wrong account', { timeout: 90_000 }, () => {
    const smoke = (args: string[]) => project.run('smoke', args);
    const pub = smoke(['--url', `http://127.0.0.1:${ports.public}/`]);
    expect(pub.status, pub.stdout + pub.stderr).toBe(0);
    expect(pub.stdout).toContain('ok    no private page is reachable on the public site');
    const anonymous = smoke(['--url', `http://127.0.0.1:${ports.faculty}/`]);
    expect(anonymous.status, anonymous.stdout).toBe(0);
    expect(anonymous.stdout).toContain('ok    an anonymous visitor is refused: 401');
    const cohort = smoke(['--url', `http://127.0.0.1:${ports['cohort-c1']}/`, '--user', 'pia-c1', '--password', PASSWORDS['pia-c1']]);
    expect(cohort.status, cohort.stdout).toBe(0);
    expect(cohort.stdout).toContain('cohort site');
    expect(cohort.stdout).toContain('ok    private pages are never stored by caches');
    const wrong = smoke(['--url', `http://127.0.0.1:${ports.faculty}/`, '--user', 'pia-c1', '--password', PASSWORDS['pia-c1']]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('FAIL  the home page answers 200: 401');
  });

  it('logs no errors but the refused requests', () => {
    const log = nginx.log();
    expect(log).not.toMatch(/\[(crit|alert|emerg)\]/);
    if (IS_ROOT) expect(log).not.toContain('Permission denied');
  });
});

run('nginx in sign-in mode (auth_request): a stand-in sign-in endpoint decides, nginx obeys', () => {
  const ports = {} as Record<SiteKey | 'gatekeeper', number>;
  let nginx: RunningNginx;
  let standIn: StandIn;
  let signIn: string;

  beforeAll(async () => {
    for (const key of [...SITES, 'gatekeeper'] as const) ports[key] = await freePort();
    standIn = await startStandIn(await freePort());
    signIn = `http://127.0.0.1:${standIn.port}/oauth2/start`;
    ({ nginx } = await configure(
      ['--mode', 'auth-request', '--brotli', 'off', '--identity-url', `http://127.0.0.1:${standIn.port}/oauth2/auth`, '--sign-in-url', signIn, '--sign-out-url', `http://127.0.0.1:${standIn.port}/oauth2/sign_out`],
      ports,
    ));
  }, 120_000);
  afterAll(async () => {
    await nginx?.stop();
    await standIn?.close();
  });

  const user = (handle: string) => ({ 'X-Test-User': handle });

  it('sends visitors who are not signed in to the sign-in page, with the address to come back to', async () => {
    for (const key of ['cohort-c1', 'cohort-c2', 'faculty'] as const) {
      const r = await raw(ports[key], '/participants/?x=1');
      expect(r.status, key).toBe(302);
      expect(r.headers['location'], key).toBe(`${signIn}?rd=http://127.0.0.1:${ports[key]}/participants/?x=1`);
      expect(r.text).not.toContain('audience-banner');
      expect(r.headers['x-robots-tag'], key).toContain('noindex');
    }
    expect((await raw(ports.public, '/')).status).toBe(200);
  });

  it('lets a signed-in participant into their own cohort only (403 elsewhere, with a way out)', async () => {
    const own = await raw(ports['cohort-c1'], '/portfolios/pia-c1/cohort-entry/', user('pia-c1'));
    expect(own.status).toBe(200);
    expect(own.text).toContain('PIACOHORTWORD');
    for (const key of ['cohort-c2', 'faculty'] as const) {
      const r = await raw(ports[key], '/', user('pia-c1'));
      expect(r.status, key).toBe(403);
      expect(r.text).toContain('is not open to your account');
      expect(r.text).toContain('/oauth2/sign_out');
      expect(r.text).not.toContain('audience-banner');
    }
    expect((await raw(ports['cohort-c2'], '/', user('olga-c2'))).status).toBe(200);
    expect((await raw(ports['cohort-c1'], '/', user('olga-c2'))).status).toBe(403);
  });

  it('lets assessing and coordinating faculty into every private site (handles compared without case), not guests', async () => {
    for (const key of ['cohort-c1', 'cohort-c2', 'faculty'] as const) {
      expect((await raw(ports[key], '/', user('asha-assessor'))).status, key).toBe(200);
      expect((await raw(ports[key], '/', user('colm-coord'))).status, key).toBe(200);
      expect((await raw(ports[key], '/', user('ASHA-ASSESSOR'))).status, key).toBe(200);
      expect((await raw(ports[key], '/', user('gus-guest'))).status, key).toBe(403);
      expect((await raw(ports[key], '/', user('stranger'))).status, key).toBe(403);
    }
  });

  it('asks the endpoint on every request and obeys it: when it says 401, nobody gets in', async () => {
    const before = standIn.seen.length;
    expect((await raw(ports.faculty, '/', user('asha-assessor'))).status).toBe(200);
    expect(standIn.seen.length).toBeGreaterThan(before);
    expect(standIn.seen[standIn.seen.length - 1]).toBe('asha-assessor');
    standIn.setOpen(false);
    try {
      const r = await raw(ports.faculty, '/', user('asha-assessor'));
      expect(r.status).toBe(302);
      expect(r.headers['location']).toContain(signIn);
    } finally {
      standIn.setOpen(true);
    }
  });

  it('cannot be fooled by a visitor sending the identity headers themselves', async () => {
    for (const forged of [{ 'X-Auth-Request-User': 'asha-assessor' }, { 'X-Cert-User': 'asha-assessor' }, { 'X-Auth-Request-User': 'asha-assessor', 'X-Test-User': 'pia-c1' }]) {
      const r = await raw(ports.faculty, '/', forged);
      expect([302, 403], JSON.stringify(forged)).toContain(r.status);
    }
  });

  it('sends the headers on every page type, and serves no internal locations', async () => {
    for (const key of ['cohort-c1', 'faculty'] as const) {
      for (const path of pageTypes(key)) {
        const r = await raw(ports[key], path, user('asha-assessor'));
        expect(r.status, `${key} ${path}`).toBe(200);
        expectHeaders(key, path, r);
      }
      for (const path of ['/_cert_auth', '/site/faculty', '/_identity']) {
        expect((await raw(ports[key], path, user('asha-assessor'))).status, `${key} ${path}`).toBe(404);
      }
    }
    // the gatekeeper only answers the sites' questions
    expect((await raw(ports.gatekeeper, '/_identity', user('asha-assessor'))).status).toBe(404);
    expect((await raw(ports.gatekeeper, '/anything')).status).toBe(404);
  });

  it('without Brotli, nginx itself refuses symbolic links, and serves the gzip files', async () => {
    const link = join(project.root, 'dist/faculty/linked.html');
    symlinkSync(join(project.root, 'dist/faculty/index.html'), link);
    try {
      const r = await raw(ports.faculty, '/linked.html', user('asha-assessor'));
      expect(r.status).not.toBe(200);
      expect(r.text).not.toContain('audience-banner');
    } finally {
      rmSync(link);
    }
    const gz = await raw(ports.faculty, '/', { ...user('asha-assessor'), 'Accept-Encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(readFileSync(join(project.root, 'dist/faculty/index.html'), 'utf8'));
  });

  it('smoke: a private site behind sign-in refuses anonymous visitors by redirecting them', async () => {
    // not project.run: a blocking child would starve the stand-in endpoint, which lives in this process
    const r = await runScript(project, 'smoke', ['--url', `http://127.0.0.1:${ports.faculty}/`]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain(`ok    an anonymous visitor is refused: 302 → ${signIn}`);
  });
});

runWithBrotli(`nginx with the Brotli module (${HAS_BROTLI ? 'installed' : `skipped: ${BROTLI_MODULE} is not installed; apt-get install libnginx-mod-http-brotli-static`})`, () => {
  const ports = {} as Record<SiteKey, number>;
  let nginx: RunningNginx;

  beforeAll(async () => {
    for (const key of SITES) ports[key] = await freePort();
    ({ nginx } = await configure(['--mode', 'basic', '--brotli', 'on', '--users', join(outside, 'users.csv')], ports));
  }, 120_000);
  afterAll(async () => nginx?.stop());

  it('sends the precompressed Brotli files, and gzip to those who ask for gzip only', async () => {
    const file = readFileSync(join(project.root, 'dist/public/index.html'), 'utf8');
    const br = await raw(ports.public, '/', { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding'], JSON.stringify(br.headers)).toBe('br');
    expect(br.text).toBe(file);
    const gz = await raw(ports.public, '/', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });
});

