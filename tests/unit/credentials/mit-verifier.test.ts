/**
 * The credentials as a graduate and an employer would try them: in the MIT Digital Credentials
 * Consortium's verifier (verifier-core, offline: see mit-verifier.ts), signed the way a production
 * deployment signs, with the coordinator's own commands.
 *
 * - The demo content, with a key made by `npm run credential-key -- new` and given to the signing
 *   step in CREDENTIAL_SIGNING_KEY: every credential verifies, signature and revocation status both
 *   checked, and each is valid against the OB 3.0 JSON schema (the fixture's structural subset: no
 *   npm package ships the published schema). A tampered copy fails on its signature.
 * - The credentials fixture (one revoked credential): revocation is reported from the signed list.
 * - Key rotation (`rotate`): a copy signed with the previous key still verifies after the site is
 *   rebuilt with the new key, and the re-signed credential verifies with the new key, keeping its
 *   certificate number and status list index. After `compromised`, the old copy no longer
 *   verifies, and the command lists the certificates to re-issue.
 * - A key the record does not list is refused before anything is signed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { newSigningKey } from '../../../src/lib/credentials/keys.ts';
import { ob3Errors } from './helpers.ts';
import { DID_CACHE_MS, verifyWithMitVerifier, type BuiltSite } from './mit-verifier.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const DATE = { CERT_BUILD_DATE: '2026-11-29' };
const credentialFiles = (dir: string) => readdirSync(join(dir, 'credentials')).filter((f) => /^CST-\d{4}-\d{4}\.json$/.test(f)).sort();
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('the demo build’s credentials in the MIT DCC verifier (production-style key, offline)', () => {
  let project: FixtureProject;
  let site: BuiltSite;
  let out: string;
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'content'));
    out = mkdtempSync(join(tmpdir(), 'cert-signed-'));
    const made = project.run('credential-key', ['new'], DATE);
    expect(made.status, made.stderr).toBe(0);
    const secret = made.stdout.trim();
    expect(JSON.parse(secret)).toMatchObject({ kty: 'OKP', crv: 'Ed25519', d: expect.any(String) });
    const signed = project.run('sign-credentials', ['--audience', 'public', '--out', out], { ...DATE, SITE_URL: 'https://demo.cert.example', CREDENTIAL_SIGNING_KEY: secret });
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toContain("with the program's key");
    site = { root: 'https://demo.cert.example/', dir: out };
  });
  afterAll(() => {
    project?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('verifies every credential: signature, expiry and revocation status, asking only for the site’s files', async () => {
    const files = credentialFiles(out);
    expect(files).toEqual(['CST-2026-0001.json', 'CST-2026-0002.json']);
    const asked = new Set<string>();
    for (const file of files) {
      const credential = readJson(join(out, 'credentials', file));
      const result = await verifyWithMitVerifier(credential, site);
      expect(result.errors, file).toEqual([]);
      expect(result.steps, file).toMatchObject({ valid_signature: true, expiration: true, revocation_status: true });
      expect(result.refused, file).toEqual([]);
      for (const url of result.asked) asked.add(url);
      expect(result.schemaValid, file).toBe(true);
      expect(ob3Errors(credential), file).toEqual([]);
      expect(credential['name']).toBe('MIT-JWEL Compassionate Systems Trainer (demo)'); // a demo site, even with a real key
    }
    // the DID document (cached by the verifier for a few seconds) and the status list came from the built files
    expect([...asked].sort()).toEqual([
      'https://demo.cert.example/.well-known/did.json',
      'https://demo.cert.example/credentials/status/1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
    ]);
  });

  it('refuses a tampered copy on its signature', async () => {
    const credential = readJson(join(out, 'credentials/CST-2026-0001.json'));
    const result = await verifyWithMitVerifier({ ...credential, validFrom: '2019-01-01T00:00:00Z' }, site);
    expect(result.errors).toEqual(['invalid_signature']);
    const renamed = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    renamed.credentialSubject.identifier[0]!.identityHash = `sha256$${'0'.repeat(64)}`;
    expect((await verifyWithMitVerifier(renamed, site)).errors).toEqual(['invalid_signature']);
  });

  it('would refuse the JWT form’s credential as the issue reported (no embedded proof): the JSON form is the one to give it', async () => {
    const jwt = readFileSync(join(out, 'credentials/CST-2026-0001.jwt'), 'utf8');
    const { iss: _i, jti: _j, nbf: _n, ...credential } = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect((await verifyWithMitVerifier(credential, site)).errors).toEqual(['no_proof']);
    const { proof: _p, ...json } = readJson(join(out, 'credentials/CST-2026-0001.json'));
    expect(json).toEqual(credential); // the same credential, only secured differently
  });
});

describe('revocation and key rotation in the MIT DCC verifier', () => {
  let project: FixtureProject;
  const dirs: string[] = [];
  const site = (dir: string): BuiltSite => ({ root: 'https://fixture.example/', dir });
  const sign = (secret: string, extra: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-signed-'));
    dirs.push(dir);
    const result = project.run('sign-credentials', ['--audience', 'public', '--out', dir], { ...DATE, SITE_BASE: '', CREDENTIAL_SIGNING_KEY: secret, ...extra });
    return { dir, ...result };
  };
  let firstSecret: string;
  let currentSecret = '';
  let first: string;
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/credentials/content'));
    const made = project.run('credential-key', ['new'], { CERT_BUILD_DATE: '2025-01-10' });
    expect(made.status, made.stderr).toBe(0);
    firstSecret = made.stdout.trim();
    const signed = sign(firstSecret);
    expect(signed.status, signed.stderr).toBe(0);
    first = signed.dir;
  });
  afterAll(() => {
    project?.cleanup();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the revoked credential as revoked, from the bit of the signed list, and the others as not revoked', async () => {
    const revoked = await verifyWithMitVerifier(readJson(join(first, 'credentials/CST-2025-0003.json')), site(first));
    expect(revoked.errors).toEqual([]);
    expect(revoked.steps).toMatchObject({ valid_signature: true, revocation_status: false });
    const valid = await verifyWithMitVerifier(readJson(join(first, 'credentials/CST-2025-0001.json')), site(first));
    expect(valid.steps).toMatchObject({ valid_signature: true, revocation_status: true });
  });

  it('after a rotation, a copy signed with the previous key still verifies, and the re-issued credential verifies with the new key', async () => {
    const rotated = project.run('credential-key', ['rotate'], { CERT_BUILD_DATE: '2026-03-01' });
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(rotated.stderr).toContain('stays in the DID document');
    const keys = parse(readFileSync(join(project.root, 'content/issuer-keys.yaml'), 'utf8')) as { keys: { publicKey: string; from: string; retired?: string }[] };
    expect(keys.keys.map((k) => [k.from, k.retired])).toEqual([
      ['2025-01-10', '2026-03-01'],
      ['2026-03-01', undefined],
    ]);
    // the old secret is refused now: the record says it retired
    const stale = sign(firstSecret);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/was retired on 2026-03-01\. Set the secret to the current key/);

    currentSecret = rotated.stdout.trim();
    const second = sign(currentSecret);
    expect(second.status, second.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, DID_CACHE_MS));
    const oldCopy = readJson(join(first, 'credentials/CST-2025-0001.json'));
    const reissued = readJson(join(second.dir, 'credentials/CST-2025-0001.json'));
    const oldProof = oldCopy['proof'] as { verificationMethod: string };
    const newProof = reissued['proof'] as { verificationMethod: string; created: string };
    expect(newProof.verificationMethod).not.toBe(oldProof.verificationMethod);
    expect(newProof.created).toBe('2026-03-01T00:00:00Z'); // re-issued when the key took over
    expect(reissued['id']).toBe(oldCopy['id']);
    expect(reissued['credentialStatus']).toEqual(oldCopy['credentialStatus']);
    for (const credential of [oldCopy, reissued]) {
      const result = await verifyWithMitVerifier(credential, site(second.dir));
      expect(result.errors).toEqual([]);
      expect(result.steps).toMatchObject({ valid_signature: true, revocation_status: true });
    }
  });

  it('after the previous key is marked compromised, its copies stop verifying and the certificates to re-issue are listed', async () => {
    const listed = project.run('credential-key', ['list'], { CERT_BUILD_DATE: '2026-03-02' });
    const [currentLine = '', oldLine = ''] = listed.stdout.trim().split('\n');
    expect(currentLine).toMatch(/ current$/);
    expect(oldLine).toMatch(/retired 2026-03-01$/);
    const oldKid = oldLine.split(/\s+/)[0] ?? '';
    const marked = project.run('credential-key', ['compromised', oldKid, '--reason', 'A copy of the key was found on a shared drive.'], { CERT_BUILD_DATE: '2026-03-02' });
    expect(marked.status, marked.stderr).toBe(0);
    expect(marked.stderr).toContain('Re-issue these 2 certificate(s)');
    expect(marked.stderr).toMatch(/CST-2025-0001 {2}Ana Publica/);
    expect(marked.stderr).toMatch(/CST-2025-0002 {2}Bo Zzprivatus/);
    expect(marked.stderr).not.toContain('CST-2025-0003'); // revoked: nothing to re-issue
    const current = currentLine.split(/\s+/)[0] ?? '';
    const refused = project.run('credential-key', ['compromised', current, '--reason', 'x']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is the current key: replace and mark it in one step with rotate --compromised');

    const third = sign(currentSecret);
    expect(third.status, third.stderr).toBe(0);
    const did = readJson(join(third.dir, '.well-known/did.json')) as { verificationMethod: { id: string; revoked?: string }[]; assertionMethod: string[] };
    const withdrawn = did.verificationMethod.filter((m) => m.revoked === '2026-03-02T00:00:00Z').map((m) => m.id);
    expect(withdrawn).toHaveLength(2);
    expect(did.assertionMethod.filter((id) => withdrawn.includes(id))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, DID_CACHE_MS));
    const oldCopy = await verifyWithMitVerifier(readJson(join(first, 'credentials/CST-2025-0001.json')), site(third.dir));
    expect(oldCopy.errors).toEqual(['invalid_signature']);
    const reissued = await verifyWithMitVerifier(readJson(join(third.dir, 'credentials/CST-2025-0001.json')), site(third.dir));
    expect(reissued.steps).toMatchObject({ valid_signature: true, revocation_status: true });
  });

  it('stops when a build meant for the program’s key has none', () => {
    const result = sign('', { CERT_CREDENTIAL_KEY: 'program' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("CREDENTIAL_SIGNING_KEY is empty, but this build was to be signed with the program's key");
  });

  it('refuses to sign with a key the record does not list, before writing anything', async () => {
    const result = sign((await newSigningKey()).secret);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/CREDENTIAL_SIGNING_KEY holds the key \S+, which content\/issuer-keys\.yaml does not list/);
    expect(readdirSync(result.dir)).toEqual([]);
  });
});
