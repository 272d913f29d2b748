/**
 * Building without the key and signing in a step of its own (`npm run build -- --sign-later`, then
 * `npm run sign`), as the Pages workflow does: the build has no key in any of its processes' environments,
 * its pages name the program's key (not a throwaway one), it signs nothing; the signing step
 * then writes credentials that verify against the DID document it wrote. A build told to sign
 * later while the key is in its environment refuses, and signing before anything is built says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSigningKey } from '../../../src/lib/credentials/keys.ts';
import { verifyDataIntegrity, verifyJwt } from '../../../src/lib/credentials/verify.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, readSite } from '../../helpers/site-files.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/credentials/content');
const DID = 'did:web:fixture.example';
const ID = 'CST-2025-0001';

describe('a build without the key, signed afterwards (--sign-later, npm run sign)', () => {
  let project: FixtureProject;
  let secret: string;
  const dateAndSite = { CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '' };
  const site = () => join(project.root, 'dist/public');

  beforeAll(async () => {
    secret = (await newSigningKey()).secret;
    project = makeFixtureProject(FIXTURE);
    appendFileSync(
      join(project.root, 'astro.config.mjs'),
      `\nimport { appendFileSync as __record } from 'node:fs';\n__record('astro-saw.txt', JSON.stringify({ key: process.env.CREDENTIAL_SIGNING_KEY ?? null, mode: process.env.CERT_CREDENTIAL_KEY ?? null }) + '\\n');\n`,
    );
    const recorded = project.run('credential-key', ['record'], { ...dateAndSite, CREDENTIAL_SIGNING_KEY: secret });
    if (recorded.status !== 0) throw new Error(recorded.stderr);
  }, 120_000);
  afterAll(() => project?.cleanup());

  it('refuses to sign before the site is built, naming the command that builds it', () => {
    const result = project.run('sign-credentials', ['--audience', 'public'], { ...dateAndSite, CREDENTIAL_SIGNING_KEY: secret });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no built public site');
    expect(result.stderr).toContain('--sign-later');
  });

  it('refuses to build with --sign-later while the key is in its environment', () => {
    const result = project.run('build', ['--audience', 'public', '--skip-check', '--sign-later'], { ...dateAndSite, CREDENTIAL_SIGNING_KEY: secret });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CREDENTIAL_SIGNING_KEY is set');
    expect(existsSync(join(project.root, 'astro-saw.txt'))).toBe(false); // stopped before any Astro build
  });

  it('builds without signing, pages naming the program’s key; npm run sign then writes credentials that verify', async () => {
    const built = await project.runAsync('build', ['--audience', 'public', '--skip-check', '--sign-later'], { ...dateAndSite, CREDENTIAL_SIGNING_KEY: '' });
    expect(built.status, built.stderr).toBe(0);
    const seen = readFileSync(join(project.root, 'astro-saw.txt'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string | null; mode: string | null });
    expect(seen).toEqual([{ key: null, mode: 'program' }]);
    const unsigned = readSite(site());
    expect(unsigned.some((f) => f.path === `credentials/${ID}/index.html`)).toBe(true);
    expect(unsigned.filter((f) => /^credentials\/CST-[\d-]+\.(json|jwt)$/.test(f.path) || f.path === '.well-known/did.json')).toEqual([]);
    expect(filesContaining(unsigned, 'throwaway key')).toEqual([]);

    const signed = project.run('sign-credentials', ['--audience', 'public'], { ...dateAndSite, CREDENTIAL_SIGNING_KEY: secret });
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toContain("with the program's key");
    const files = readSite(site());
    const read = async (url: string) => {
      const file = files.find((f) => `https://fixture.example/${f.path}` === url);
      return file ? (JSON.parse(file.bytes.toString('utf8')) as unknown) : undefined;
    };
    const now = new Date('2026-11-30T12:00:00Z');
    const credential = JSON.parse(readFileSync(join(site(), `credentials/${ID}.json`), 'utf8')) as Record<string, unknown>;
    const reports = [
      await verifyDataIntegrity(credential, { did: DID, read, now }),
      await verifyJwt(readFileSync(join(site(), `credentials/${ID}.jwt`), 'utf8'), { did: DID, read, now }),
    ];
    for (const report of reports) expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(filesContaining(files, (JSON.parse(secret) as { d: string }).d)).toEqual([]);
  }, 600_000);
});
