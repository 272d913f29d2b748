/**
 * npm run deploy:config -- [options]
 *
 * Writes into dist/deploy/ what a server needs to serve the built sites with nginx, each audience
 * on its own host name: nginx/sites.conf (server blocks; Debian: /etc/nginx/sites-enabled/),
 * nginx/nginx.conf (standalone, runs without root), allow/<site>.txt (who may open each private
 * site, from content), and nginx/htpasswd/<site> (basic mode) or oauth2-proxy/oauth2-proxy.cfg
 * (sign-in mode). See README.md, "Deployment".
 *
 * Exit status: 0 written, 1 a problem (nothing written), 2 wrong usage.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BROTLI_MODULE, generateDeployment } from '../src/lib/deploy/deployment.ts';
import { bcryptHasher } from '../src/lib/deploy/passwords.ts';
import type { AccessMode } from '../src/lib/deploy/nginx.ts';

const USAGE = `Usage: npm run deploy:config -- [options]

  --mode basic|auth-request   private sites behind passwords (basic, default) or a sign-in proxy (auth-request)
  --users FILE                basic mode: handle,password lines, kept OUTSIDE the repository
  --public-host HOST          public site's host name        (env CERT_PUBLIC_HOST, default public.example)
  --cohort-host PATTERN       each cohort's host, {cohort} is the cohort id (env CERT_COHORT_HOST, default cohort-{cohort}.example)
  --faculty-host HOST         faculty site's host name       (env CERT_FACULTY_HOST, default faculty.example)
  --auth-host HOST            sign-in host (auth-request)    (env CERT_AUTH_HOST, default auth.example)
  --cookie-domain DOMAIN      parent domain of the session cookie (default: worked out from the host names)
  --site-root DIR             where the built sites are on the server (env CERT_SITE_ROOT, default ./dist)
  --out DIR                   where to write (default dist/deploy)
  --listen SITE=ADDRESS       listen address of one site (public, faculty, cohort-<id>, auth, gatekeeper); repeatable
  --tls                       serve https; certificates from --tls-certificate and --tls-key ({host} is each host name)
  --identity-url URL          auth-request: the endpoint answering 202 + X-Auth-Request-User or 401 (default oauth2-proxy's /oauth2/auth)
  --sign-in-url URL           auth-request: where visitors who are not signed in go (default https://<auth-host>/oauth2/start)
  --oauth2-proxy ADDRESS      where oauth2-proxy listens (default 127.0.0.1:4180)
  --brotli auto|on|off        serve .br files with brotli_static (auto: if ${BROTLI_MODULE} exists)`;

function fail(message: string): number {
  process.stderr.write(`deploy:config: ${message}\n\n${USAGE}\n`);
  return 2;
}

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        mode: { type: 'string', default: 'basic' },
        users: { type: 'string' },
        'public-host': { type: 'string' },
        'cohort-host': { type: 'string' },
        'faculty-host': { type: 'string' },
        'auth-host': { type: 'string' },
        'cookie-domain': { type: 'string' },
        'site-root': { type: 'string' },
        out: { type: 'string', default: 'dist/deploy' },
        listen: { type: 'string', multiple: true, default: [] },
        tls: { type: 'boolean', default: false },
        'tls-certificate': { type: 'string', default: '/etc/letsencrypt/live/{host}/fullchain.pem' },
        'tls-key': { type: 'string', default: '/etc/letsencrypt/live/{host}/privkey.pem' },
        'identity-url': { type: 'string' },
        'sign-in-url': { type: 'string' },
        'sign-out-url': { type: 'string' },
        'oauth2-proxy': { type: 'string', default: '127.0.0.1:4180' },
        brotli: { type: 'string', default: 'auto' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.mode !== 'basic' && values.mode !== 'auth-request') return fail(`--mode must be basic or auth-request; got ${values.mode}`);
  if (!['auto', 'on', 'off'].includes(values.brotli)) return fail(`--brotli must be auto, on or off; got ${values.brotli}`);
  const listen: Record<string, string[]> = {};
  for (const item of values.listen) {
    const m = /^([a-z0-9-]+)=([^\s;{}$"']+)$/.exec(item);
    if (!m || !m[1] || !m[2]) return fail(`--listen ${item}: write SITE=ADDRESS, for example faculty=127.0.0.1:8082`);
    (listen[m[1]] ??= []).push(m[2]);
  }
  const cwd = process.cwd();
  const env = process.env;
  const outDir = resolve(cwd, values.out);
  const result = generateDeployment(cwd, {
    mode: values.mode as AccessMode,
    users: values.users !== undefined ? resolve(cwd, values.users) : undefined,
    siteRoot: resolve(cwd, values['site-root'] ?? env['CERT_SITE_ROOT'] ?? 'dist'),
    outDir,
    hosts: {
      public: values['public-host'] ?? env['CERT_PUBLIC_HOST'] ?? 'public.example',
      cohort: values['cohort-host'] ?? env['CERT_COHORT_HOST'] ?? 'cohort-{cohort}.example',
      faculty: values['faculty-host'] ?? env['CERT_FACULTY_HOST'] ?? 'faculty.example',
      auth: values['auth-host'] ?? env['CERT_AUTH_HOST'] ?? 'auth.example',
    },
    listen,
    tls: values.tls ? { certificate: values['tls-certificate'], key: values['tls-key'] } : undefined,
    identityUrl: values['identity-url'],
    signInUrl: values['sign-in-url'],
    signOutUrl: values['sign-out-url'],
    oauth2ProxyAddress: values['oauth2-proxy'],
    cookieDomain: values['cookie-domain'],
    brotli: values.brotli === 'on' || (values.brotli === 'auto' && existsSync(BROTLI_MODULE)),
    hash: bcryptHasher(),
  });
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  if (result.errors.length) {
    for (const e of result.errors) process.stderr.write(`${e}\n`);
    process.stderr.write(`\nNothing was written: fix the ${result.errors.length === 1 ? 'problem' : `${result.errors.length} problems`} above and run npm run deploy:config again.\n`);
    return 1;
  }
  rmSync(outDir, { recursive: true, force: true });
  for (const [rel, text] of result.files) {
    const path = join(outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode: result.secret.has(rel) ? 0o640 : 0o644 });
    if (result.secret.has(rel)) chmodSync(path, 0o640);
  }
  for (const dir of ['logs', 'tmp']) mkdirSync(join(outDir, 'nginx', dir), { recursive: true });
  process.stdout.write(`${result.summary.join('\n')}\nWrote ${result.files.size} files into ${outDir}/ (nginx/sites.conf, nginx/nginx.conf, allow/${values.mode === 'basic' ? ', nginx/htpasswd/' : ', oauth2-proxy/'}).\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
