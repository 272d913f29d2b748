/**
 * The nginx configuration that serves each audience's site on its own host name, as written by
 * `npm run deploy:config`. Pure: text in, text out; scripts/deploy-config.ts writes the files and
 * the tests start the result with the real nginx.
 *
 * Every site: the headers of headers.ts on every response (`always`, so errors carry them too),
 * the site's own 404 page, precompressed files (gzip_static, brotli_static), no directory listings,
 * no symbolic links, and never dotfiles (except /.well-known/), source maps, _headers or the
 * sources files.
 *
 * Private sites (cohort, faculty) are behind one of:
 * - `basic`: a password file per site (passwords.ts);
 * - `auth-request`: nginx asks, for every request, a small internal "gatekeeper" server in the
 *   same nginx; the gatekeeper asks the sign-in proxy (oauth2-proxy, or any endpoint answering
 *   202 with X-Auth-Request-User, or 401) who the visitor is, then checks that handle against
 *   the site's allow-list from content. Not signed in: a redirect to the sign-in page; signed in
 *   but not on the list (a participant of another cohort): 403.
 */
import { cacheControl, HASHED_PATHS, NEVER_SERVED, PRIVATE_CODE_PATHS, siteHeaders, HASHED_ASSET_CACHE, PRIVATE_CACHE, PRIVATE_CODE_CACHE, PUBLIC_PAGE_CACHE } from './headers.ts';
import type { SiteAccess } from './access.ts';
import { audienceLabel } from '../audience.ts';

export type AccessMode = 'basic' | 'auth-request';

export interface SiteServer {
  access: SiteAccess;
  /** Folder of the built site on the server (absolute). */
  root: string;
  serverName: string;
  /** listen directive values, e.g. `80`, `127.0.0.1:8081`. */
  listen: string[];
  /** basic mode: the site's htpasswd file (absolute). */
  htpasswd?: string | undefined;
}

export interface AuthRequestOptions {
  /** The sign-in proxy's check endpoint: 202 with X-Auth-Request-User when signed in, else 401. */
  identityUrl: string;
  /** Where a visitor who is not signed in is sent (the proxy's start page); `rd` is added. */
  signInUrl: string;
  /** Sign-out page, named in the refusal message. */
  signOutUrl: string;
  /** listen value of the internal gatekeeper server, e.g. `unix:/run/nginx-cert-gatekeeper.sock`. */
  gatekeeperListen: string;
}

export interface TlsOptions {
  /** Certificate and key paths; `{host}` is replaced by each site's host name. */
  certificate: string;
  key: string;
}

export interface NginxOptions {
  sites: readonly SiteServer[];
  mode: AccessMode;
  authRequest?: AuthRequestOptions | undefined;
  brotli: boolean;
  tls?: TlsOptions | undefined;
  generatedAt?: string | undefined;
}

/**
 * A value as a double-quoted nginx string. Values that nginx interpolates (paths, header values,
 * returned text) must not contain `$`; regular expressions (`regex: true`) are never interpolated.
 */
export function quote(value: string, options: { regex?: boolean } = {}): string {
  if (/[\r\n\0]/.test(value)) throw new Error(`an nginx value cannot hold a line break: ${JSON.stringify(value)}`);
  if (!options.regex && value.includes('$')) throw new Error(`an nginx value cannot hold a dollar sign (nginx would read a variable): ${JSON.stringify(value)}`);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regexSource(re: RegExp): string {
  return quote(re.source, { regex: true });
}

function variableName(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, '_');
}

/** Handles are letters, digits and single hyphens (the schema): safe inside a regular expression. */
function handlePattern(handles: readonly string[]): string {
  for (const h of handles) if (!/^[A-Za-z0-9-]+$/.test(h)) throw new Error(`not a git handle: ${h}`);
  return `~*^(?:${handles.join('|')})$`;
}

function indent(lines: readonly string[], depth = 1): string[] {
  return lines.map((l) => (l === '' ? '' : `${'  '.repeat(depth)}${l}`));
}

function headerLines(site: SiteServer, tls: boolean): string[] {
  const kind = site.access.audience.kind;
  const lines = Object.entries(siteHeaders(kind, { tls })).map(([name, value]) => `add_header ${name} ${quote(value)} always;`);
  lines.push(`add_header Cache-Control $cert_cache_${kind === 'public' ? 'public' : 'private'} always;`);
  return lines;
}

function denyLocations(): string[] {
  return NEVER_SERVED.map((re) => `location ~ ${regexSource(re)} { return 404; }`);
}

function accessLines(site: SiteServer, options: NginxOptions): string[] {
  if (site.access.audience.kind === 'public') return [];
  const label = audienceLabel(site.access.audience);
  if (options.mode === 'basic') {
    if (!site.htpasswd) throw new Error(`the ${label} site needs a password file in basic mode`);
    return [`auth_basic ${quote(`${label[0]?.toUpperCase()}${label.slice(1)} site: sign in with your git handle`)};`, `auth_basic_user_file ${quote(site.htpasswd)};`];
  }
  const auth = options.authRequest;
  if (!auth) throw new Error('auth-request mode needs the sign-in options');
  const gatekeeper = auth.gatekeeperListen.startsWith('unix:') ? `http://${auth.gatekeeperListen}:` : `http://${auth.gatekeeperListen}`;
  return [
    `# every request asks the gatekeeper (below) whether this visitor may open the ${label} site`,
    'auth_request /_cert_auth;',
    'auth_request_set $cert_user $upstream_http_x_cert_user;',
    'error_page 401 = @cert_sign_in;',
    'error_page 403 = @cert_forbidden;',
    'location = /_cert_auth {',
    '  internal;',
    `  proxy_pass ${gatekeeper}/site/${site.access.key};`,
    '  proxy_pass_request_body off;',
    '  proxy_set_header Content-Length "";',
    '  proxy_set_header X-Original-URI $request_uri;',
    '  proxy_set_header X-Forwarded-Host $host;',
    '  proxy_set_header X-Forwarded-Proto $scheme;',
    '}',
    'location @cert_sign_in {',
    '  auth_request off;',
    `  return 302 ${auth.signInUrl}?rd=$scheme://$http_host$request_uri;`,
    '}',
    'location @cert_forbidden {',
    '  auth_request off;',
    '  default_type text/plain;',
    `  return 403 ${quote(`You are signed in, but the ${label} site is not open to your account. If you think it should be, ask the program coordinator; to use another account, sign out at ${auth.signOutUrl}`)};`,
    '}',
  ];
}

function serverBlock(site: SiteServer, options: NginxOptions): string[] {
  const tls = options.tls !== undefined;
  const listen = tls ? site.listen.map((l) => (/\bssl\b/.test(l) ? l : `${l} ssl`)) : site.listen;
  const lines = [
    `# ${audienceLabel(site.access.audience)} site`,
    'server {',
    ...indent([
      ...listen.map((l) => `listen ${l};`),
      `server_name ${site.serverName};`,
      ...(options.tls
        ? [`ssl_certificate ${quote(options.tls.certificate.replaceAll('{host}', site.serverName))};`, `ssl_certificate_key ${quote(options.tls.key.replaceAll('{host}', site.serverName))};`]
        : []),
      `root ${quote(site.root)};`,
      '# a folder is its index.html or nothing: without one, the (refused) dotfile gives the 404 page, never a listing or a 403',
      'index index.html /.cert-no-index;',
      'charset utf-8;',
      'charset_types text/css text/plain text/xml text/calendar application/javascript application/json application/xml image/svg+xml;',
      'server_tokens off;',
      'autoindex off;',
      'absolute_redirect off;',
      // the brotli_static module serves .br files only now and then when disable_symlinks is on
      // (seen with Debian's nginx 1.22 and libnginx-mod-http-brotli-static 1.0.0~rc); with it,
      // deploy:config refuses built sites that contain a link instead
      `disable_symlinks ${options.brotli ? 'off' : 'on'};`,
      'gzip_static on;',
      'gzip_vary on;',
      ...(options.brotli ? ['brotli_static on;'] : []),
      'error_page 404 /404.html;',
      '',
      ...headerLines(site, tls),
      '',
      ...accessLines(site, options),
      '',
      '# never served, whatever the folder holds',
      ...denyLocations(),
      '',
      'location = /404.html { internal; }',
      'location / { }',
    ]),
    '}',
  ];
  return lines;
}

function gatekeeperBlock(options: NginxOptions): string[] {
  const auth = options.authRequest;
  if (!auth) return [];
  const privateSites = options.sites.filter((s) => s.access.audience.kind !== 'public');
  const lines = [
    '# The gatekeeper: asked by each private site for every request. It asks the sign-in proxy who the',
    '# visitor is (202 + X-Auth-Request-User, or 401), then checks the handle against the site’s',
    '# allow-list from content: 202 lets the request through, 403 refuses it.',
    'server {',
    ...indent([
      `listen ${auth.gatekeeperListen};`,
      'server_name cert-gatekeeper;',
      'access_log off;',
      'root /nonexistent;',
      'location = /_identity {',
      '  internal;',
      `  proxy_pass ${auth.identityUrl};`,
      '  proxy_pass_request_body off;',
      '  proxy_set_header Content-Length "";',
      '  proxy_set_header X-Forwarded-Host $http_x_forwarded_host;',
      '  proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;',
      '  proxy_set_header X-Forwarded-Uri $http_x_original_uri;',
      '}',
      ...privateSites.flatMap((s) => {
        const v = variableName(s.access.key);
        return [
          `location = /site/${s.access.key} {`,
          '  auth_request /_identity;',
          '  auth_request_set $cert_user $upstream_http_x_auth_request_user;',
          `  try_files /nonexistent @cert_decide_${v};`,
          '}',
          `location @cert_decide_${v} {`,
          `  if ($cert_allowed_${v} = 1) {`,
          '    add_header X-Cert-User $cert_user always;',
          '    return 202;',
          '  }',
          '  return 403;',
          '}',
        ];
      }),
      'location / { return 404; }',
    ]),
    '}',
  ];
  return lines;
}

function maps(options: NginxOptions): string[] {
  const publicCache = [...HASHED_PATHS.map((re) => `${quote(`~${re.source}`, { regex: true })} ${quote(HASHED_ASSET_CACHE)};`), `default ${quote(PUBLIC_PAGE_CACHE)};`];
  const privateCache = [...PRIVATE_CODE_PATHS.map((re) => `${quote(`~${re.source}`, { regex: true })} ${quote(PRIVATE_CODE_CACHE)};`), `default ${quote(PRIVATE_CACHE)};`];
  // keep the maps in step with cacheControl(), which the smoke check and the tests use
  if (cacheControl('public', '/_astro/x.js') !== HASHED_ASSET_CACHE || cacheControl('faculty', '/x/') !== PRIVATE_CACHE) throw new Error('headers.ts and nginx.ts disagree');
  const lines = [
    'map $uri $cert_cache_public {',
    ...indent(publicCache),
    '}',
    'map $uri $cert_cache_private {',
    ...indent(privateCache),
    '}',
  ];
  if (options.mode === 'auth-request') {
    for (const s of options.sites) {
      if (s.access.audience.kind === 'public') continue;
      const v = variableName(s.access.key);
      lines.push(`# who may open the ${audienceLabel(s.access.audience)} site (from content)`);
      lines.push(`map $cert_user $cert_allowed_${v} {`, '  default 0;');
      if (s.access.handles.length) lines.push(`  ${quote(handlePattern(s.access.handles), { regex: true })} 1;`);
      lines.push('}');
    }
  }
  return lines;
}

/** The server blocks and maps, to include inside `http { }` (Debian: /etc/nginx/sites-enabled/). */
export function nginxSites(options: NginxOptions): string {
  const header = [
    `# Certification sites, generated by npm run deploy:config${options.generatedAt ? ` on ${options.generatedAt}` : ''}.`,
    '# Do not edit: change content or the options and generate it again.',
    `# Private sites: ${options.mode === 'basic' ? 'passwords (auth_basic)' : 'sign-in proxy (auth_request)'}.`,
    options.brotli ? '# brotli_static needs the module libnginx-mod-http-brotli-static (loaded by Debian from modules-enabled/).' : '# Brotli files are not served (no brotli_static module); gzip files are.',
    '',
  ];
  const body = [...maps(options), '', ...options.sites.flatMap((s) => [...serverBlock(s, options), '']), ...gatekeeperBlock(options)];
  if (options.tls) {
    body.push('', '# plain http: send everyone to https', 'server {', '  listen 80;', `  server_name ${options.sites.map((s) => s.serverName).join(' ')};`, '  server_tokens off;', '  return 301 https://$host$request_uri;', '}');
  }
  return `${[...header, ...body].join('\n')}\n`;
}

export interface MainConfigOptions {
  /** nginx's prefix folder: pid, logs and temporary files go below it. */
  prefix: string;
  /** The file with the server blocks. */
  include: string;
  /** Path of the brotli_static module to load, if any. */
  brotliModule?: string | undefined;
  mimeTypes?: string | undefined;
}

/** A complete nginx.conf that runs without root (`nginx -p PREFIX -c nginx.conf`): for a user service and for the tests. */
export function nginxMain(options: MainConfigOptions): string {
  const p = (rel: string) => quote(`${options.prefix.replace(/\/$/, '')}/${rel}`);
  return `${[
    '# A standalone nginx configuration for the certification sites; generated by npm run deploy:config.',
    '# Run: nginx -p <prefix> -c <this file>   (Debian: include sites.conf from /etc/nginx/nginx.conf instead)',
    ...(options.brotliModule ? [`load_module ${quote(options.brotliModule)};`] : []),
    'worker_processes auto;',
    `error_log ${p('logs/error.log')} warn;`,
    `pid ${p('nginx.pid')};`,
    'events { worker_connections 512; }',
    'http {',
    `  include ${quote(options.mimeTypes ?? '/etc/nginx/mime.types')};`,
    '  types { text/calendar ics; application/octet-stream pagefind pf_meta pf_index pf_fragment pf_filter; }',
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  server_tokens off;',
    `  access_log ${p('logs/access.log')};`,
    `  client_body_temp_path ${p('tmp/body')};`,
    `  proxy_temp_path ${p('tmp/proxy')};`,
    `  fastcgi_temp_path ${p('tmp/fastcgi')};`,
    `  uwsgi_temp_path ${p('tmp/uwsgi')};`,
    `  scgi_temp_path ${p('tmp/scgi')};`,
    `  include ${quote(options.include)};`,
    '}',
  ].join('\n')}\n`;
}
