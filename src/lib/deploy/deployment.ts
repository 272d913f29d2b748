/**
 * `npm run deploy:config`: everything a server needs to serve the built sites, as files under
 * dist/deploy/: the nginx server blocks (and a standalone nginx.conf), each private site's
 * allow-list from content, and either password files (basic mode) or the oauth2-proxy
 * configuration (sign-in mode). Pure apart from reading content and the users file; the caller
 * writes the files.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { buildPlan } from '../build-plan.ts';
import { audienceOutDir, audienceLabel } from '../audience.ts';
import { readSettings } from '../settings.ts';
import { accessLists, readPeople, type SiteAccess } from './access.ts';
import { htpasswd, parseUsers, unknownUsers, type Hasher } from './passwords.ts';
import { nginxMain, nginxSites, type AccessMode, type SiteServer } from './nginx.ts';
import { authHostBlock, oauth2ProxyConfig } from './oauth2-proxy.ts';

export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export interface DeployOptions {
  mode: AccessMode;
  /** basic mode: the users file (handle,password), kept outside the repository. */
  users?: string | undefined;
  /** Folder holding the built sites on the server (public/, cohort/<id>/, faculty/). */
  siteRoot: string;
  /** Folder the files are written to (for paths inside the configuration). */
  outDir: string;
  hosts: { public: string; cohort: string; faculty: string; auth: string };
  /** listen values per site key (`public`, `cohort-<id>`, `faculty`, `gatekeeper`, `auth`). */
  listen: Record<string, string[]>;
  tls?: { certificate: string; key: string } | undefined;
  identityUrl?: string | undefined;
  signInUrl?: string | undefined;
  signOutUrl?: string | undefined;
  oauth2ProxyAddress: string;
  cookieDomain?: string | undefined;
  brotli: boolean;
  hash: Hasher;
  now?: Date | undefined;
}

export interface DeployFiles {
  /** Path relative to the output folder → contents. */
  files: Map<string, string>;
  /** Files that hold secrets (written with mode 0640). */
  secret: Set<string>;
  errors: string[];
  warnings: string[];
  summary: string[];
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const URL_OK = /^https?:\/\/[^\s;$"'{}]+$/;

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The common parent domain of the host names, with a leading dot: .example.org */
export function commonParent(hosts: readonly string[]): string | undefined {
  const split = hosts.map((h) => h.split('.').reverse());
  const common: string[] = [];
  for (let i = 0; ; i++) {
    const label = split[0]?.[i];
    if (label === undefined || !split.every((s) => s[i] === label && s.length > i + 1)) break;
    common.push(label);
  }
  return common.length ? `.${common.reverse().join('.')}` : undefined;
}

export function generateDeployment(root: string, options: DeployOptions): DeployFiles {
  const out: DeployFiles = { files: new Map(), secret: new Set(), errors: [], warnings: [], summary: [] };
  const settings = readSettings(root);
  const plan = buildPlan(root, settings.demo);
  const { people, problems } = readPeople(root, settings.demo);
  out.errors.push(...problems);
  const lists = accessLists(plan, people);
  const generatedAt = (options.now ?? new Date()).toISOString();

  const hostOf = (l: SiteAccess): string =>
    l.audience.kind === 'public' ? options.hosts.public : l.audience.kind === 'faculty' ? options.hosts.faculty : options.hosts.cohort.replaceAll('{cohort}', l.audience.cohort);
  const cohorts = plan.filter((a) => a.kind === 'cohort');
  if (cohorts.length > 1 && !options.hosts.cohort.includes('{cohort}')) {
    out.errors.push(`--cohort-host ${options.hosts.cohort}: there are ${cohorts.length} cohorts, each served on its own host name; write the pattern with {cohort}, for example cohort-{cohort}.example.org`);
  }
  const hosts = lists.map(hostOf);
  for (const [i, h] of hosts.entries()) {
    if (!HOST.test(h)) out.errors.push(`the host name of the ${audienceLabel(lists[i]?.audience ?? { kind: 'public' })} site, "${h}", is not a host name; write lowercase letters, digits, hyphens and dots, for example faculty.example.org`);
  }
  const dupes = hosts.filter((h, i) => hosts.indexOf(h) !== i);
  if (dupes.length) out.errors.push(`each site needs its own host name; ${[...new Set(dupes)].join(', ')} is used twice (--public-host, --cohort-host, --faculty-host)`);

  for (const l of lists) {
    const dir = join(options.siteRoot, audienceOutDir(l.audience).replace(/^dist\//, ''));
    if (!existsSync(join(dir, 'index.html'))) out.warnings.push(`${dir}/index.html does not exist yet: build the ${audienceLabel(l.audience)} site (npm run build) before starting nginx`);
    if (l.audience.kind !== 'public' && l.handles.length === 0) out.warnings.push(`nobody may open the ${audienceLabel(l.audience)} site: no participant or faculty file in content gives it a gitHandle`);
  }

  if (options.brotli) {
    // nginx cannot refuse links while it serves Brotli files (nginx.ts), so the sites must have none
    for (const l of lists) {
      const dir = join(options.siteRoot, audienceOutDir(l.audience).replace(/^dist\//, ''));
      for (const link of symbolicLinks(dir).slice(0, 5)) {
        out.errors.push(`${link} is a symbolic link inside the built ${audienceLabel(l.audience)} site; a link could serve files from outside the site. Remove it (the build never makes links), or run with --brotli off, which makes nginx refuse links itself`);
      }
    }
  }

  const listenOf = (key: string): string[] => options.listen[key] ?? [options.tls ? '443' : '80'];
  const nginxDir = join(options.outDir, 'nginx');
  const servers: SiteServer[] = lists.map((access) => ({
    access,
    root: join(options.siteRoot, audienceOutDir(access.audience).replace(/^dist\//, '')),
    serverName: hostOf(access),
    listen: listenOf(access.key),
    htpasswd: options.mode === 'basic' && access.audience.kind !== 'public' ? join(nginxDir, 'htpasswd', access.key) : undefined,
  }));

  for (const l of lists) {
    if (l.audience.kind === 'public') continue;
    out.files.set(`allow/${l.key}.txt`, `# Who may open the ${audienceLabel(l.audience)} site (git handles, from content). Generated; do not edit.\n${l.handles.map((h) => `${h}\n`).join('')}`);
  }

  if (options.mode === 'basic') {
    if (!options.users) {
      out.errors.push('--users FILE is needed in basic mode: a file you keep outside the repository, one handle,password line per person (git handle, comma, password)');
    } else if (!existsSync(options.users)) {
      out.errors.push(`--users ${options.users}: there is no such file`);
    } else {
      const usersPath = realpathSync(options.users);
      if (inside(usersPath, realpathSync(root))) {
        out.errors.push(`--users ${options.users} is inside the project folder ${root}; keep the users file outside the repository (it holds passwords), for example in /etc/certification/users.csv`);
      } else {
        const parsed = parseUsers(readFileSync(usersPath, 'utf8'), options.users);
        out.errors.push(...parsed.problems, ...unknownUsers(parsed.users, people, options.users));
        if (out.errors.length === 0) {
          for (const l of lists) {
            if (l.audience.kind === 'public') continue;
            const file = htpasswd(l, parsed.users, options.hash);
            out.files.set(`nginx/htpasswd/${l.key}`, file.text);
            out.secret.add(`nginx/htpasswd/${l.key}`);
            if (file.missing.length) out.warnings.push(`${file.missing.join(', ')} may open the ${audienceLabel(l.audience)} site but ${file.missing.length === 1 ? 'has' : 'have'} no line in ${options.users}, so cannot sign in`);
          }
        }
      }
    }
  }

  let authRequest;
  if (options.mode === 'auth-request') {
    if (!HOST.test(options.hosts.auth)) out.errors.push(`--auth-host "${options.hosts.auth}" is not a host name; write the sign-in host, for example auth.example.org`);
    const identityUrl = options.identityUrl ?? `http://${options.oauth2ProxyAddress}/oauth2/auth`;
    const signInUrl = options.signInUrl ?? `https://${options.hosts.auth}/oauth2/start`;
    const signOutUrl = options.signOutUrl ?? `https://${options.hosts.auth}/oauth2/sign_out`;
    for (const [name, url] of [['--identity-url', identityUrl], ['--sign-in-url', signInUrl], ['--sign-out-url', signOutUrl]] as const) {
      if (!URL_OK.test(url)) out.errors.push(`${name} ${url}: write an http or https address without spaces, quotes, braces or $`);
    }
    authRequest = { identityUrl, signInUrl, signOutUrl, gatekeeperListen: (options.listen['gatekeeper'] ?? ['127.0.0.1:4181'])[0] ?? '127.0.0.1:4181' };
    // the session cookie is for the private sites and the sign-in host; the public site needs none
    const cookieDomain = options.cookieDomain ?? commonParent([...hosts.filter((_, i) => lists[i]?.audience.kind !== 'public'), options.hosts.auth]);
    if (!cookieDomain) {
      out.errors.push('the sites and the sign-in host share no parent domain, so one sign-in cannot cover them; use host names under one domain, or give --cookie-domain');
    } else {
      out.files.set('oauth2-proxy/oauth2-proxy.cfg', oauth2ProxyConfig({ lists, authHost: options.hosts.auth, cookieDomain, httpAddress: options.oauth2ProxyAddress, generatedAt }));
    }
  }
  if (out.errors.length) return out;

  let sites = nginxSites({ sites: servers, mode: options.mode, authRequest, brotli: options.brotli, tls: options.tls, generatedAt });
  if (options.mode === 'auth-request' && !options.identityUrl) {
    sites += `\n${authHostBlock({ authHost: options.hosts.auth, httpAddress: options.oauth2ProxyAddress, listen: listenOf('auth'), tls: options.tls }).join('\n')}\n`;
  }
  out.files.set('nginx/sites.conf', sites);
  out.files.set('nginx/nginx.conf', nginxMain({ prefix: nginxDir, include: join(nginxDir, 'sites.conf'), brotliModule: options.brotli ? BROTLI_MODULE : undefined }));

  out.summary.push(`Private sites: ${options.mode === 'basic' ? 'passwords (basic authentication)' : `sign-in through oauth2-proxy on ${options.hosts.auth}`}.`);
  for (const [i, l] of lists.entries()) {
    const who = l.audience.kind === 'public' ? 'anyone' : l.handles.length ? l.handles.join(', ') : 'nobody';
    out.summary.push(`  ${hosts[i]} (${listenOf(l.key).join(', ')}) → ${servers[i]?.root}: ${who}`);
  }
  return out;
}

/** Symbolic links below a folder (not followed). */
export function symbolicLinks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const item of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, item.name);
      if (item.isSymbolicLink()) out.push(full);
      else if (item.isDirectory()) walk(full);
    }
  };
  if (lstatSync(dir).isSymbolicLink()) return [dir];
  walk(dir);
  return out;
}

/** Read a file path option the way the shell gave it: relative to the current folder. */
export function absolute(path: string, cwd: string): string {
  return resolve(cwd, path);
}
