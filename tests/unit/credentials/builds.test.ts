/**
 * Credentials on real builds of the credentials fixture: the public build (with a signing key),
 * the faculty build (same key), a cohort build, and a public build under a sub-path without a key.
 * Every credential is checked the way a verifier would: signature against the key in the built
 * did.json, the OB 3.0 schema, the bit in the built status list; the baked badge of the faculty
 * build carries the very credential the public build serves; and no email address of the content
 * reaches any byte of any build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import extractChunks from 'png-chunks-extract';
import { verifyCredentialJwt, type Credential } from '../../../src/lib/credentials/credential.ts';
import type { DidDocument } from '../../../src/lib/credentials/issuer.ts';
import { decodeStatusList, isBitSet, statusListIndex } from '../../../src/lib/credentials/status-list.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, readSite, type SiteFile } from '../../helpers/site-files.ts';
import { ob3Errors } from './helpers.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/credentials/content');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

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

describe('credentials in real builds', () => {
  let project: FixtureProject;
  let publicSite: SiteFile[];
  let facultySite: SiteFile[];
  let cohortSite: SiteFile[];
  let subPathSite: SiteFile[];
  let publicStore: string;
  let did: DidDocument;
  let publicKey: JWK;

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const env = { CREDENTIAL_SIGNING_KEY: JSON.stringify(await exportJWK(privateKey)), CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '' };
    project = makeFixtureProject(FIXTURE);
    const pub = project.build({ kind: 'public' }, env);
    if (!pub.ok) throw new Error(pub.log);
    publicSite = readSite(pub.outDir);
    publicStore = readFileSync(join(project.root, 'node_modules/.astro/public/data-store.json'), 'utf8');
    const faculty = project.build({ kind: 'faculty' }, env);
    if (!faculty.ok) throw new Error(faculty.log);
    facultySite = readSite(faculty.outDir);
    const cohort = project.build({ kind: 'cohort', cohort: 'c2026' }, env);
    if (!cohort.ok) throw new Error(cohort.log);
    cohortSite = readSite(cohort.outDir);
    const sub = project.build({ kind: 'public' }, { CREDENTIAL_SIGNING_KEY: '', CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '/certification/' });
    if (!sub.ok) throw new Error(sub.log);
    subPathSite = readSite(sub.outDir);
    did = JSON.parse(text(publicSite, '.well-known/did.json')) as DidDocument;
    publicKey = did.verificationMethod[0]!.publicKeyJwk;
  });
  afterAll(() => project?.cleanup());

  it('serves the DID document at /.well-known/did.json: did:web of the site, one Ed25519 key for assertions', () => {
    expect(did.id).toBe('did:web:fixture.example');
    expect(did.verificationMethod).toHaveLength(1);
    expect(did.assertionMethod).toEqual([did.verificationMethod[0]!.id]);
    expect(publicKey).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
  });

  it('issues exactly the released credentials, each verified with the key from did.json and valid against the OB 3.0 schema', async () => {
    const jwts = publicSite.filter((f) => /^credentials\/CST-\d{4}-\d{4}\.jwt$/.test(f.path)).map((f) => f.path);
    expect(jwts.sort()).toEqual(['credentials/CST-2025-0001.jwt', 'credentials/CST-2025-0002.jwt', 'credentials/CST-2025-0003.jwt']);
    for (const path of jwts) {
      const { credential, kid } = await verifyCredentialJwt(text(publicSite, path), publicKey);
      expect(kid, path).toBe(did.verificationMethod[0]!.id);
      expect(ob3Errors(credential), path).toEqual([]);
      expect(credential['issuer']).toMatchObject({ id: 'did:web:fixture.example' });
      expect(credential['name'], path).toBe('Compassionate Systems Trainer');
    }
  });

  it('refuses a tampered credential', async () => {
    const [header, payload, signature] = text(publicSite, 'credentials/CST-2025-0002.jwt').split('.') as [string, string, string];
    const credential = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Credential;
    const forged = Buffer.from(JSON.stringify({ ...credential, validFrom: '2020-01-01T00:00:00Z' })).toString('base64url');
    await expect(verifyCredentialJwt(`${header}.${forged}.${signature}`, publicKey)).rejects.toThrow(/signature verification failed/);
  });

  it('names a holder only with consent', async () => {
    const ana = (await verifyCredentialJwt(text(publicSite, 'credentials/CST-2025-0001.jwt'), publicKey)).credential;
    const bo = (await verifyCredentialJwt(text(publicSite, 'credentials/CST-2025-0002.jwt'), publicKey)).credential;
    expect(JSON.stringify(ana)).toContain('Ana Publica');
    expect(JSON.stringify(ana)).toContain('https://fixture.example/portfolios/ana-public/public-entry/');
    expect(JSON.stringify(bo)).not.toMatch(/Zzprivatus|bo-private/);
    const page = text(publicSite, 'credentials/CST-2025-0002/index.html');
    expect(page).toContain('A certified trainer');
    expect(page).not.toContain('Zzprivatus');
  });

  it('publishes the signed status list with the revoked credential’s bit set, and only that bit', async () => {
    const { credential } = await verifyCredentialJwt(text(publicSite, 'credentials/status/1.jwt'), publicKey);
    expect(credential['type']).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const subject = credential['credentialSubject'] as { statusPurpose: string; encodedList: string };
    expect(subject.statusPurpose).toBe('revocation');
    const bits = decodeStatusList(subject.encodedList);
    expect(bits.length).toBeGreaterThanOrEqual(16 * 1024);
    for (const path of ['credentials/CST-2025-0001.jwt', 'credentials/CST-2025-0002.jwt', 'credentials/CST-2025-0003.jwt']) {
      const c = (await verifyCredentialJwt(text(publicSite, path), publicKey)).credential;
      const entry = c['credentialStatus'] as { statusListIndex: string; statusListCredential: string };
      expect(entry.statusListCredential).toBe('https://fixture.example/credentials/status/1.jwt');
      expect(Number(entry.statusListIndex)).toBe(statusListIndex(path.slice(12, 25)));
      expect(isBitSet(bits, Number(entry.statusListIndex)), path).toBe(path.includes('0003'));
    }
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
    });
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
    for (const id of ['CST-2025-0001', 'CST-2025-0002', 'CST-2025-0003']) {
      const badge = facultySite.find((f) => f.path === `certificates/${id}/badge.png`);
      expect(badge, id).toBeDefined();
      const chunk = extractChunks(new Uint8Array(badge!.bytes)).find((c) => c.name === 'iTXt');
      const data = Buffer.from(chunk!.data);
      expect(data.subarray(0, 20).toString('latin1')).toBe('openbadgecredential\0');
      expect(data.subarray(24).toString('utf8'), id).toBe(text(publicSite, `credentials/${id}.jwt`));
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

  it('under a sub-path without a key: did.json at /<path>/did.json, and everything marked demo, not verifiable', async () => {
    expect(subPathSite.some((f) => f.path === '.well-known/did.json')).toBe(false);
    const subDid = JSON.parse(text(subPathSite, 'did.json')) as DidDocument;
    expect(subDid.id).toBe('did:web:fixture.example:certification');
    const { credential } = await verifyCredentialJwt(text(subPathSite, 'credentials/CST-2025-0001.jwt'), subDid.verificationMethod[0]!.publicKeyJwk);
    expect(credential['id']).toBe('https://fixture.example/certification/credentials/CST-2025-0001/');
    expect(credential['name']).toBe('Compassionate Systems Trainer (demo, not verifiable)');
    expect(String(credential['description'])).toContain('demo, not verifiable');
    expect(subDid.verificationMethod[0]!.publicKeyJwk.x).not.toBe(publicKey.x);
    for (const page of ['credentials/CST-2025-0001/index.html', 'trainers/index.html']) expect(text(subPathSite, page)).toContain('Demo, not verifiable.');
    expect(text(publicSite, 'credentials/CST-2025-0001/index.html')).not.toContain('Demo, not verifiable.');
  });
});
