/**
 * `npm run deploy:config` without a server: allow-lists from content, the users file's rules (kept
 * outside the repository, every handle known to content), the _headers file and the precompressed
 * copies every build gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { cacheControl, headersFile, siteHeaders } from '../../../src/lib/deploy/headers.ts';
import { precompressSite } from '../../../src/lib/deploy/compress.ts';
import { parseUsers } from '../../../src/lib/deploy/passwords.ts';
import { commonParent } from '../../../src/lib/deploy/deployment.ts';
import { quote } from '../../../src/lib/deploy/nginx.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/deploy/content');

describe('npm run deploy:config', () => {
  let project: FixtureProject;
  let outside: string;
  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
    outside = mkdtempSync(join(tmpdir(), 'cert-operator-'));
  });
  afterAll(() => {
    project?.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });
  const users = (text: string) => {
    const file = join(outside, `users-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, text);
    return file;
  };

  it('writes allow-lists from content: a cohort’s participants and assessing or coordinating faculty; no guests', () => {
    const file = users('pia-c1,pia reads cohort one\nasha-assessor,asha assesses everything\n');
    const r = project.run('deploy-config', ['--users', file, '--faculty-host', 'faculty.cert.example.org', '--cohort-host', 'cohort-{cohort}.cert.example.org', '--public-host', 'cert.example.org']);
    expect(r.status, r.stderr).toBe(0);
    const allow = (site: string) => readFileSync(join(project.root, 'dist/deploy/allow', `${site}.txt`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(allow('cohort-c1')).toEqual(['asha-assessor', 'Colm-Coord', 'pia-c1']);
    expect(allow('cohort-c2')).toEqual(['asha-assessor', 'Colm-Coord', 'olga-c2']);
    expect(allow('faculty')).toEqual(['asha-assessor', 'Colm-Coord']);
    expect(r.stdout).toContain('cohort-c1.cert.example.org (80) →');
    expect(r.stderr).toContain('warning: Colm-Coord may open the cohort c1 site but has no line in');
    const conf = readFileSync(join(project.root, 'dist/deploy/nginx/sites.conf'), 'utf8');
    expect(conf).toContain('server_name cohort-c2.cert.example.org;');
  });

  it('refuses a users file naming a handle that is not in content, with the file, line and what to do', () => {
    const file = users('handle,password\npia-c1,pia reads cohort one\nmallory,mallory wants in too\n');
    const r = project.run('deploy-config', ['--users', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${file}:3: mallory is not in content: no participant or faculty file has gitHandle: mallory. Remove the line, or add gitHandle: mallory to that person's file under content/ (a handle only opens the sites content allows)`,
    );
    expect(r.stderr).toContain('Nothing was written');
  });

  it('refuses a users file kept inside the repository, and basic mode without one', () => {
    project.write('users.csv', 'pia-c1,pia reads cohort one\n');
    const inside = project.run('deploy-config', ['--users', 'users.csv']);
    expect(inside.status).toBe(1);
    expect(inside.stderr).toContain(`--users ${join(project.root, 'users.csv')} is inside the project folder ${project.root}; keep the users file outside the repository (it holds passwords)`);
    const none = project.run('deploy-config', []);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('--users FILE is needed in basic mode: a file you keep outside the repository, one handle,password line per person');
  });

  it('checks each line of the users file', () => {
    const { users: ok, problems } = parseUsers('# comment\nhandle,password\npia-c1,has,commas,in it\nbad handle,xxxxxxxxxxxxxxx\nolga-c2,short\nnocomma\nPIA-C1,twice over again\n', 'users.csv');
    expect(ok).toEqual([{ handle: 'pia-c1', password: 'has,commas,in it', line: 3 }]);
    expect(problems).toEqual([
      'users.csv:4: "bad handle" is not a git handle; write the person\'s user name on the git host (letters, digits and single hyphens), then a comma and the password',
      'users.csv:5: the password for olga-c2 is 5 characters long; use at least 12 (a passphrase of several words is easiest to pass on)',
      'users.csv:6: write handle,password (the git handle, a comma, then the password); this line has no comma',
      'users.csv:7: PIA-C1 is listed twice (also on line 3); keep one line per person',
    ]);
  });

  it('sign-in mode writes the oauth2-proxy configuration: secrets from the environment, everyone admitted, one cookie domain', () => {
    const r = project.run('deploy-config', ['--mode', 'auth-request', '--public-host', 'cert.example.org', '--cohort-host', 'cohort-{cohort}.cert.example.org', '--faculty-host', 'faculty.cert.example.org', '--auth-host', 'auth.cert.example.org', '--tls']);
    expect(r.status, r.stderr).toBe(0);
    const cfg = readFileSync(join(project.root, 'dist/deploy/oauth2-proxy/oauth2-proxy.cfg'), 'utf8');
    expect(cfg).toContain('provider = "github"');
    expect(cfg).toContain('github_users = [ "asha-assessor", "Colm-Coord", "olga-c2", "pia-c1" ]');
    expect(cfg).toContain('cookie_domains = [ ".cert.example.org" ]');
    expect(cfg).toContain('redirect_url = "https://auth.cert.example.org/oauth2/callback"');
    expect(cfg).toContain('set_xauthrequest = true');
    expect(cfg).not.toMatch(/client_secret\s*=|cookie_secret\s*=/);
    const conf = readFileSync(join(project.root, 'dist/deploy/nginx/sites.conf'), 'utf8');
    expect(conf).toContain('return 302 https://auth.cert.example.org/oauth2/start?rd=$scheme://$http_host$request_uri;');
    expect(conf).toContain('server_name auth.cert.example.org;');
    expect(conf).toContain('listen 443 ssl;');
    expect(conf).toContain('ssl_certificate "/etc/letsencrypt/live/faculty.cert.example.org/fullchain.pem";');
    expect(conf).toContain('add_header Strict-Transport-Security "max-age=63072000" always;');
    expect(conf).toContain("add_header Content-Security-Policy \"frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'; upgrade-insecure-requests\" always;");
    expect(conf).toContain('return 301 https://$host$request_uri;');
    expect(conf).toMatch(/map \$cert_user \$cert_allowed_cohort_c1 \{\n {2}default 0;\n {2}"~\*\^\(\?:asha-assessor\|Colm-Coord\|pia-c1\)\$" 1;\n\}/);
  });

  it('refuses host names that are not host names, and one cohort pattern for several cohorts', () => {
    const r = project.run('deploy-config', ['--mode', 'auth-request', '--cohort-host', 'cohorts.example', '--faculty-host', 'Faculty Site']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--cohort-host cohorts.example: there are 2 cohorts, each served on its own host name; write the pattern with {cohort}, for example cohort-{cohort}.example.org');
    expect(r.stderr).toContain('the host name of the faculty site, "Faculty Site", is not a host name');
  });
});

describe('headers and precompressed files', () => {
  it('private sites are noindex, private and no-store; only hashed code and assets are cached long', () => {
    expect(siteHeaders('faculty')['X-Robots-Tag']).toBe('noindex, nofollow, noarchive');
    expect(siteHeaders('public')['X-Robots-Tag']).toBeUndefined();
    expect(siteHeaders('cohort')['Referrer-Policy']).toBe('no-referrer');
    expect(cacheControl('public', '/_astro/Base.abc123.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('public', '/pagefind/fragment/en_abc.pf_fragment')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('public', '/pagefind/pagefind.js')).toBe('public, max-age=0, must-revalidate');
    // a search shard's folder is named by its digest; the list of shards is not
    expect(cacheControl('public', '/pagefind/shards/2026-0123456789abcdef/pagefind-entry.json')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('public', '/pagefind/shards.json')).toBe('public, max-age=0, must-revalidate');
    expect(cacheControl('public', '/schedule/')).toBe('public, max-age=0, must-revalidate');
    expect(cacheControl('faculty', '/_astro/Browse.abc.js')).toBe('private, max-age=31536000, immutable');
    expect(cacheControl('faculty', '/_astro/secret-picture.abc.webp')).toBe('private, no-store');
    expect(cacheControl('cohort', '/pagefind/fragment/en_abc.pf_fragment')).toBe('private, no-store');
  });

  it('the _headers file sets each header once per path (hosts join duplicates)', () => {
    const pub = headersFile('public');
    expect(pub).toContain("/*\n  Content-Security-Policy: frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'\n");
    expect(pub).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(pub).toContain('/pagefind/shards/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(pub.match(/Cache-Control/g)).toHaveLength(5);
    const faculty = headersFile('faculty');
    expect(faculty).toContain('  X-Robots-Tag: noindex, nofollow, noarchive\n');
    expect(faculty.match(/Cache-Control/g)).toEqual(['Cache-Control']);
    expect(faculty).toContain('  Cache-Control: private, no-store\n');
  });

  it('writes gzip and Brotli copies that decompress to the original, skipping small and binary files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-compress-'));
    try {
      const html = `<!doctype html><title>t</title>${'<p>compress me</p>'.repeat(200)}`;
      writeFileSync(join(dir, 'index.html'), html);
      writeFileSync(join(dir, 'tiny.css'), 'a{}');
      mkdirSync(join(dir, 'pagefind'));
      writeFileSync(join(dir, 'pagefind/en_1.pf_fragment'), Buffer.alloc(4096, 1));
      expect(precompressSite(dir)).toEqual({ files: 1, gzip: 1, brotli: 1, reused: 0 });
      expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(html);
      expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(html);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nginx values are quoted, and never carry a variable or a line break by accident', () => {
    expect(quote('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
    expect(() => quote('costs $5')).toThrow('cannot hold a dollar sign');
    expect(() => quote('a\nb')).toThrow('line break');
    expect(quote('\\.map$', { regex: true })).toBe('"\\\\.map$"');
    expect(commonParent(['faculty.cert.example.org', 'cohort-c1.cert.example.org', 'auth.cert.example.org'])).toBe('.cert.example.org');
    expect(commonParent(['a.example', 'b.other'])).toBeUndefined();
  });
});
