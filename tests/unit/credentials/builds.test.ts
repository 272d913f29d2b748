/**
 * Credentials on real builds of the credentials fixture, made as npm run build makes them: the
 * Astro build of each audience, then the signing step in a process of its own. The public and
 * faculty builds are signed with the program's key (recorded with npm run credential-key -- record),
 * a cohort build needs no signing, and a public build under a sub-path has no key (throwaway).
 *
 * - The signing key never reaches the Astro build: a line added to the fixture's astro.config.mjs
 *   (code that runs inside the Astro process, as foreign code in a build would) records what that
 *   process sees, and the key is not there; the key's private part is in no built file.
 * - Every credential is checked the way a verifier would, in both forms: the JSON form against the
 *   Multikey in the built did.json, the JWT form (with its registered claims) against the JWK its
 *   kid names; the OB 3.0 schema; the bit in the built, signed status list. The faculty badge
 *   carries the very credential the public build serves; no email address reaches any build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import type { DidDocument } from '../../../src/lib/credentials/issuer.ts';
import { decodeJwt } from '../../../src/lib/credentials/jwt.ts';
import { newSigningKey } from '../../../src/lib/credentials/keys.ts';
import { decodeStatusList, isBitSet, statusListIndex } from '../../../src/lib/credentials/status-list.ts';
import { verifyDataIntegrity, verifyJwt } from '../../../src/lib/credentials/verify.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, readSite, type SiteFile } from '../../helpers/site-files.ts';
import { ob3Errors } from './helpers.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/credentials/content');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IDS = ['CST-2025-0001', 'CST-2025-0002', 'CST-2025-0003'];
const DID = 'did:web:fixture.example';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Every email address written anywhere in the fixture's content. */
const ADDRESSES = [...new Set(walk(FIXTURE).flatMap((f) => readFileSync(f, 'latin1').match(EMAIL) ?? []))];

const text = (site: readonly SiteFile[], path: string) => {
  const file = site.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the build; it has ${site.length} files`);
  return file.bytes.toString('utf8');
};
const json = (site: readonly SiteFile[], path: string) => JSON.parse(text(site, path)) as Record<string, unknown>;
/** Serves the built public site's documents to the verifier, as the site would. */
const reader = (site: readonly SiteFile[], root: string) => async (url: string) => {
  const file = site.find((f) => `${root}${f.path}` === url);
  return file ? (JSON.parse(file.bytes.toString('utf8')) as unknown) : undefined;
};
const AFTER = new Date('2026-11-30T12:00:00Z');

describe('credentials in real builds', () => {
  let project: FixtureProject;
  let publicSite: SiteFile[];
  let facultySite: SiteFile[];
  let cohortSite: SiteFile[];
  let subPathSite: SiteFile[];
  let publicStore: string;
  let did: DidDocument;
  let secretD: string;
  let astroSaw: string;

  beforeAll(async () => {
    const { secret } = await newSigningKey();
    secretD = (JSON.parse(secret) as { d: string }).d;
    const env = { CREDENTIAL_SIGNING_KEY: secret, CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '' };
    project = makeFixtureProject(FIXTURE);
    // code that runs inside the Astro process, as foreign code in a build would: it writes down what it can see
    appendFileSync(
      join(project.root, 'astro.config.mjs'),
      `\nimport { appendFileSync as __record } from 'node:fs';\n__record('astro-saw.txt', JSON.stringify({ key: process.env.CREDENTIAL_SIGNING_KEY ?? null, mode: process.env.CERT_CREDENTIAL_KEY ?? null }) + '\\n');\n`,
    );
    const recorded = project.run('credential-key', ['record'], env);
    if (recorded.status !== 0) throw new Error(recorded.stderr);
    const pub = project.run('build', ['--audience', 'public', '--skip-check'], env);
    if (pub.status !== 0) throw new Error(pub.stderr);
    publicSite = readSite(join(project.root, 'dist/public'));
    publicStore = readFileSync(join(project.root, 'node_modules/.astro/public/data-store.json'), 'utf8');
    const faculty = project.run('build', ['--audience', 'faculty', '--skip-check'], env);
    if (faculty.status !== 0) throw new Error(faculty.stderr);
    facultySite = readSite(join(project.root, 'dist/faculty'));
    astroSaw = readFileSync(join(project.root, 'astro-saw.txt'), 'utf8');
    const cohort = project.build({ kind: 'cohort', cohort: 'c2026' }, env);
    if (!cohort.ok) throw new Error(cohort.log);
    cohortSite = readSite(cohort.outDir);
    const sub = project.run('build', ['--audience', 'public', '--skip-check'], { CREDENTIAL_SIGNING_KEY: '', CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '/certification/' });
    if (sub.status !== 0) throw new Error(sub.stderr);
    subPathSite = readSite(join(project.root, 'dist/public'));
    did = json(publicSite, '.well-known/did.json') as unknown as DidDocument;
  }, 600_000);
  afterAll(() => project?.cleanup());

  it('never lets the Astro build see the signing key, and puts its private part in no built file', () => {
    const seen = astroSaw.trim().split('\n').map((line) => JSON.parse(line) as { key: string | null; mode: string | null });
    expect(seen.length).toBeGreaterThanOrEqual(2); // the config ran in both builds' Astro processes
    expect(seen.every((s) => s.key === null)).toBe(true);
    expect(seen.every((s) => s.mode === 'program')).toBe(true); // positive control: the Astro process was told which kind of key signs
    for (const site of [publicSite, facultySite, cohortSite]) expect(filesContaining(site, secretD)).toEqual([]);
  });

  it('compresses what signing wrote, as every other file (signing runs beside search indexing, before compression)', () => {
    const signedFiles = publicSite.filter((f) => /^credentials\/[^/]+\.(?:json|jwt)$/.test(f.path) || f.path === '.well-known/did.json');
    expect(signedFiles.length).toBeGreaterThan(2);
    const compressible = signedFiles.filter((f) => f.bytes.length >= 512);
    // the signed credentials are kilobytes long: the loop below must have something to check
    expect(compressible.length).toBeGreaterThan(1);
    for (const file of compressible) {
      const gz = publicSite.find((f) => f.path === `${file.path}.gz`);
      expect(gz, `${file.path}.gz`).toBeDefined();
      expect(gunzipSync(gz?.bytes ?? Buffer.alloc(0)).equals(file.bytes), `${file.path}.gz holds the signed bytes`).toBe(true);
    }
    const badges = facultySite.filter((f) => /^certificates\/[^/]+\/badge\.png$/.test(f.path));
    expect(badges.length).toBeGreaterThan(0);
  });

  it('has nothing to re-issue while no key is compromised', () => {
    expect(text(facultySite, 'trainers/index.html')).not.toContain('data-reissue');
  });

  it('serves the DID document at /.well-known/did.json: the recorded key as a Multikey and as a JWK, both allowed to sign', () => {
    expect(did.id).toBe(DID);
    expect(did.verificationMethod.map((m) => m.type)).toEqual(['Multikey', 'JsonWebKey2020']);
    expect(did.assertionMethod).toEqual(did.verificationMethod.map((m) => m.id));
  });

  it('issues exactly the released credentials, each verified in both forms and valid against the OB 3.0 schema', async () => {
    const files = publicSite.filter((f) => /^credentials\/CST-\d{4}-\d{4}\.(json|jwt)$/.test(f.path)).map((f) => f.path);
    expect(files.sort()).toEqual(IDS.flatMap((id) => [`credentials/${id}.json`, `credentials/${id}.jwt`]));
    const read = reader(publicSite, 'https://fixture.example/');
    for (const id of IDS) {
      const credential = json(publicSite, `credentials/${id}.json`);
      const di = await verifyDataIntegrity(credential, { did: DID, read, now: AFTER });
      const jwt = await verifyJwt(text(publicSite, `credentials/${id}.jwt`), { did: DID, read, now: AFTER });
      for (const report of [di, jwt]) {
        expect(report.checks.filter((c) => c.id !== 'status').every((c) => c.ok), `${id} ${report.form}`).toBe(true);
        expect(report.revoked, id).toBe(id === 'CST-2025-0003');
      }
      expect(ob3Errors(credential), id).toEqual([]);
      expect(credential['issuer']).toMatchObject({ id: DID });
      expect(credential['name'], id).toBe('MIT-JWEL Compassionate Systems Trainer');
    }
  });

  it('signs the JWT form with the registered claims of Open Badges 3.0 and a kid that resolves in did.json', () => {
    const { header, payload } = decodeJwt(text(publicSite, 'credentials/CST-2025-0001.jwt'));
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: did.verificationMethod[1]!.id });
    expect(payload).toMatchObject({ iss: DID, jti: 'https://fixture.example/credentials/CST-2025-0001/', nbf: Date.parse(String(payload['validFrom'])) / 1000 });
    expect(payload).not.toHaveProperty('proof');
  });

  it('names a holder only with consent', () => {
    const ana = text(publicSite, 'credentials/CST-2025-0001.json');
    const bo = text(publicSite, 'credentials/CST-2025-0002.json');
    expect(ana).toContain('Ana Publica');
    expect(ana).toContain('https://fixture.example/portfolios/ana-public/public-entry/');
    expect(bo).not.toMatch(/Zzprivatus|bo-private/);
    const page = text(publicSite, 'credentials/CST-2025-0002/index.html');
    expect(page).toContain('A certified trainer');
    expect(page).not.toContain('Zzprivatus');
  });

  it('publishes the status list as a signed credential with the revoked credential’s bit set, and only that bit', () => {
    const list = json(publicSite, 'credentials/status/1.json');
    expect(list['type']).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list['proof']).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: did.verificationMethod[0]!.id });
    expect(list).not.toHaveProperty('validUntil'); // a list that expired would end every credential with it
    const subject = list['credentialSubject'] as { statusPurpose: string; encodedList: string };
    expect(subject.statusPurpose).toBe('revocation');
    const bits = decodeStatusList(subject.encodedList);
    expect(bits.length).toBeGreaterThanOrEqual(16 * 1024);
    for (const id of IDS) {
      const entry = json(publicSite, `credentials/${id}.json`)['credentialStatus'] as { statusListIndex: string; statusListCredential: string };
      expect(entry.statusListCredential).toBe('https://fixture.example/credentials/status/1.json');
      expect(Number(entry.statusListIndex)).toBe(statusListIndex(id));
      expect(isBitSet(bits, Number(entry.statusListIndex)), id).toBe(id === 'CST-2025-0003');
    }
  });

  it('offers the JSON file, the JWT, a QR code of the credential’s address and wallet instructions on the verification page, and says what the build checked', () => {
    const page = text(publicSite, 'credentials/CST-2025-0001/index.html');
    expect(page).toContain('href="/credentials/CST-2025-0001.json" download="CST-2025-0001.json"');
    expect(page).toContain('href="/credentials/CST-2025-0001.jwt" download="CST-2025-0001.jwt"');
    expect(page).toMatch(/<figure class="wallet-qr[^"]*"[^>]*>\s*<div class="qr[^"]*"[^>]*><svg[^>]*viewBox/);
    expect(page).toContain('https://fixture.example/credentials/CST-2025-0001.json');
    expect(page).toContain('Checked when this site was built');
    expect(page).toContain('does not mark it revoked (entry 250001)');
    expect(text(publicSite, 'credentials/CST-2025-0003/index.html')).toContain('marks it revoked (entry 250003)');
    expect(page).toContain('data-credential-verify');
  });

  it('says "revoked" with the date on the revoked credential’s page, and the registry drops that person', () => {
    const revoked = text(publicSite, 'credentials/CST-2025-0003/index.html');
    expect(revoked).toContain('data-status="revoked"');
    expect(revoked).toMatch(/Revoked<\/strong> on <time datetime="2025-09-01"[^>]*>1 September 2025<\/time>/);
    expect(revoked).not.toContain('CANARYREVOCATIONREASON');
    expect(text(publicSite, 'credentials/CST-2025-0001/index.html')).toContain('data-status="valid"');
    const registry = text(publicSite, 'trainers/index.html');
    expect(registry).toContain('Ana Publica');
    expect(registry).not.toContain('Cy Revocata');
    expect(registry).not.toContain('Zzprivatus');
    expect(registry).toContain('href="/credentials/CST-2025-0003/"'); // still in the plain list of numbers: its page says revoked
  });

  it('serves a lookup index of ids and addresses only, and nothing of a pending decision', () => {
    expect(JSON.parse(text(publicSite, 'credentials/index.json'))).toEqual({
      credentials: {
        'CST-2025-0001': '/credentials/CST-2025-0001/',
        'CST-2025-0002': '/credentials/CST-2025-0002/',
        'CST-2025-0003': '/credentials/CST-2025-0003/',
      },
      documents: {
        'CST-2025-0001': '/credentials/CST-2025-0001.json',
        'CST-2025-0002': '/credentials/CST-2025-0002.json',
        'CST-2025-0003': '/credentials/CST-2025-0003.json',
      },
    });
    for (const id of IDS) expect(publicSite.some((f) => f.path === `credentials/${id}.json`), id).toBe(true);
    expect(filesContaining(publicSite, 'CST-2025-0004')).toEqual([]);
    // Di Pendens has a public profile, so her participant page is public; her pending credential is not
    expect(filesContaining(publicSite, 'Di Pendens').filter((f) => f.startsWith('credentials/') || f.startsWith('trainers/'))).toEqual([]);
  });

  it('never puts an email address of the content into any build, nor faculty-only reasons into public ones', () => {
    expect(ADDRESSES.length).toBeGreaterThanOrEqual(4);
    for (const site of [publicSite, facultySite, cohortSite, subPathSite]) {
      for (const address of ADDRESSES) expect(filesContaining(site, address), address).toEqual([]);
    }
    for (const site of [publicSite, cohortSite, subPathSite]) {
      expect(filesContaining(site, 'CANARYREVOCATIONREASON')).toEqual([]);
      expect(filesContaining(site, 'CANARYASSESSMENT')).toEqual([]);
    }
    // positive control: the faculty site shows the reason
    expect(filesContaining(facultySite, 'CANARYREVOCATIONREASON')).toContain('trainers/index.html');
  });

  it('keeps decisions and recipient records out of the public build’s data store', () => {
    for (const secret of ['CANARYREVOCATIONREASON', 'CANARYCONDITIONED', 'CANARYASSESSMENT', ...ADDRESSES, '"panel"', '"outcome"']) {
      expect(publicStore.toLowerCase().includes(secret.toLowerCase()), secret).toBe(false);
    }
    expect(publicStore).toContain('CST-2025-0001');
  });

  it('faculty: a certificate page with a QR code and a badge with the public credential baked in, for each issued credential', () => {
    for (const id of IDS) {
      const badge = facultySite.find((f) => f.path === `certificates/${id}/badge.png`);
      expect(badge, id).toBeDefined();
      const chunk = extractChunks(new Uint8Array(badge!.bytes)).find((c) => c.name === 'iTXt');
      const data = Buffer.from(chunk!.data);
      expect(data.subarray(0, 20).toString('latin1')).toBe('openbadgecredential\0');
      // the same credential, signature and all: the signing of both builds is deterministic
      expect(JSON.parse(data.subarray(24).toString('utf8')), id).toEqual(json(publicSite, `credentials/${id}.json`));
      const page = text(facultySite, `certificates/${id}/index.html`);
      expect(page).toContain(`https://fixture.example/credentials/${id}/`);
      expect(page).toMatch(/<svg[^>]*viewBox/);
      expect(page).toContain('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME');
    }
    expect(facultySite.some((f) => f.path.startsWith('certificates/CST-2025-0004'))).toBe(false);
    const table = text(facultySite, 'trainers/index.html');
    expect(table).toContain('Di Pendens');
    expect(table).toContain('Bo Zzprivatus');
    expect(table).toContain('recipient recorded');
  });

  it('has no verification pages, DID document or status list outside the public build, and no certificates outside the faculty build', () => {
    for (const site of [facultySite, cohortSite]) {
      expect(site.filter((f) => f.path.startsWith('credentials/') || f.path.endsWith('did.json')).map((f) => f.path)).toEqual([]);
    }
    for (const site of [publicSite, cohortSite]) expect(site.filter((f) => f.path.startsWith('certificates/')).map((f) => f.path)).toEqual([]);
  });

  it('cohort: lists the consenting certified trainers of earlier cohorts who assist it', () => {
    const page = text(cohortSite, 'trainers/index.html');
    expect(page).toContain('Certified trainers assisting this cohort');
    expect(page).toContain('Ana Publica');
    expect(page).toContain('https://fixture.example/credentials/CST-2025-0001/');
    expect(page).not.toContain('Zzprivatus');
    expect(page).not.toContain('Cy Revocata');
  });

  it('under a sub-path without a key: did.json at /<path>/did.json, a throwaway key, and everything marked demo', async () => {
    expect(subPathSite.some((f) => f.path === '.well-known/did.json')).toBe(false);
    const subDid = json(subPathSite, 'did.json') as unknown as DidDocument;
    expect(subDid.id).toBe('did:web:fixture.example:certification');
    const read = reader(subPathSite, 'https://fixture.example/certification/');
    const credential = json(subPathSite, 'credentials/CST-2025-0001.json');
    const report = await verifyDataIntegrity(credential, { did: subDid.id, read, now: AFTER });
    expect(report.verified).toBe(true); // verifiable during the build; the key is gone after it
    expect(credential['id']).toBe('https://fixture.example/certification/credentials/CST-2025-0001/');
    expect(credential['name']).toBe('MIT-JWEL Compassionate Systems Trainer (demo)');
    expect(String(credential['description'])).toContain('signed with a throwaway key');
    expect(JSON.stringify(subDid)).not.toContain(JSON.stringify(did.verificationMethod[0]!.id.split('#')[1]));
    for (const page of ['credentials/CST-2025-0001/index.html', 'trainers/index.html']) expect(text(subPathSite, page)).toContain('Demo credentials.');
    expect(text(publicSite, 'credentials/CST-2025-0001/index.html')).not.toContain('Demo credentials.');
  });
});
