/**
 * One credential, end to end without a build: built as an Open Badges 3.0 OpenBadgeCredential,
 * valid against the OB 3.0 schema and as JSON-LD, signed in both forms (Data Integrity proof and
 * VC-JWT with its registered claims), verified with the DID document, a tampered copy refused; the
 * issuer's did:web and DID document; the signing key's checks.
 */
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { createHash } from 'node:crypto';
import { ACHIEVEMENT_NAME, buildCredential, buildStatusListCredential, DEMO_MARK, type Credential } from '../../../src/lib/credentials/credential.ts';
import { addDataIntegrityProof } from '../../../src/lib/credentials/data-integrity.ts';
import { didDocument, didDocumentPath, didWeb, didWebDocumentUrl, publicSite, publicUrl } from '../../../src/lib/credentials/issuer.ts';
import { decodeJwt, registeredClaims, signCredentialJwt, verifyCredentialJwt } from '../../../src/lib/credentials/jwt.ts';
import { newSigningKey, signingKeyFromJwk, SigningKeyError } from '../../../src/lib/credentials/keys.ts';
import { verifyDataIntegrity, verifyJwt } from '../../../src/lib/credentials/verify.ts';
import { linkedInAddToProfileUrl } from '../../../src/lib/credentials/linkedin.ts';
import { identityHash } from '../../../src/lib/credentials/recipient-hash.ts';
import { encodeStatusList } from '../../../src/lib/credentials/status-list.ts';
import { expandSafely, issuer, ob3Errors, record } from './helpers.ts';

const CRITERIA = [{ title: 'Takes part in every workshop' }, { title: 'Builds a reflective portfolio' }];

describe('the credential', () => {
  it('is valid against the Open Badges 3.0 AchievementCredential schema', () => {
    const credential = buildCredential(record(), issuer(), CRITERIA);
    expect(ob3Errors(credential)).toEqual([]);
    // the schema is not a rubber stamp: it refuses a credential without validFrom or with a bad identifier
    const { validFrom: _v, ...withoutDate } = credential;
    expect(ob3Errors(withoutDate)).toEqual(["/ must have required property 'validFrom'"]);
    const subject = credential['credentialSubject'] as { identifier: object[] };
    expect(ob3Errors({ ...credential, credentialSubject: { ...subject, identifier: [{ type: 'IdentityObject', hashed: true }] } }).length).toBeGreaterThan(0);
  });

  it('uses only terms the VC 2.0 and OB 3.0 contexts define (JSON-LD safe mode, offline)', async () => {
    await expect(expandSafely(buildCredential(record(), issuer(), CRITERIA))).resolves.toHaveLength(1);
    await expect(expandSafely(buildCredential(record({ holder: undefined, evidence: [] }), issuer({ throwawayKey: true, demoSite: true }), []))).resolves.toHaveLength(1);
    await expect(expandSafely(buildStatusListCredential(encodeStatusList([1]), issuer(), '2027-07-01T00:00:00Z'))).resolves.toHaveLength(1);
    // and safe mode does refuse an undefined term
    await expect(expandSafely({ ...buildCredential(record(), issuer(), CRITERIA), recipientEmail: 'x' })).rejects.toThrow();
  });

  it('has one achievement whose criteria link to the public qualification page, and a revocation entry', () => {
    const c = buildCredential(record(), issuer(), CRITERIA) as Record<string, any>; // test reads nested JSON freely
    expect(c['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c['id']).toBe('https://example.org/credentials/CST-2027-0001/');
    expect(c['issuer']).toMatchObject({ id: 'did:web:example.org', type: ['Profile'] });
    expect(c['validFrom']).toBe('2027-06-25T00:00:00Z');
    expect(c['credentialSubject'].achievement).toMatchObject({
      name: ACHIEVEMENT_NAME,
      achievementType: 'Certification',
      criteria: { id: 'https://example.org/qualification/#criteria' },
    });
    expect(c['credentialSubject'].achievement.criteria.narrative).toContain('Takes part in every workshop; Builds a reflective portfolio');
    expect(c['credentialStatus']).toEqual({
      id: 'https://example.org/credentials/status/1.json#270001',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '270001',
      statusListCredential: 'https://example.org/credentials/status/1.json',
    });
    expect(c['evidence']).toEqual([{ id: 'https://example.org/portfolios/maria-lopez/reflection/', type: ['Evidence'], name: 'A reflection' }]);
  });

  it('names the holder only with consent, and always identifies the recipient by a salted hash', () => {
    const named = JSON.stringify(buildCredential(record(), issuer(), CRITERIA));
    const anonymous = JSON.stringify(buildCredential(record({ holder: undefined, evidence: [] }), issuer(), CRITERIA));
    expect(named).toContain('Maria López');
    expect(anonymous).not.toContain('Maria');
    expect(anonymous).not.toContain('evidence');
    expect(anonymous).toContain('"identityType":"emailAddress","hashed":true');
  });

  it('says "demo" in its name and why in its description, for a throwaway key and for a demo site', () => {
    const throwaway = buildCredential(record(), issuer({ throwawayKey: true, demoSite: false }), CRITERIA);
    expect(throwaway['name']).toBe(`MIT-JWEL Compassionate Systems Trainer (${DEMO_MARK})`);
    expect(throwaway['description']).toContain('signed with a throwaway key');
    const demoSite = buildCredential(record(), issuer({ throwawayKey: false, demoSite: true }), CRITERIA);
    expect(demoSite['name']).toBe(`${ACHIEVEMENT_NAME} (${DEMO_MARK})`);
    expect(demoSite['description']).toContain('it is not a real certification');
    expect(demoSite['description']).not.toContain('throwaway');
    expect(buildCredential(record(), issuer(), CRITERIA)['name']).toBe('MIT-JWEL Compassionate Systems Trainer');
    expect(buildCredential(record(), issuer(), CRITERIA)['description']).not.toContain('DEMO');
  });

  it('refuses to build a credential without a recipient', () => {
    expect(() => buildCredential(record({ recipient: undefined }), issuer(), CRITERIA)).toThrow(/no recipient/);
  });
});

const DID = 'did:web:example.org';
// the status list's own proof is checked at the real time (the library does not pass `now` on), so it starts in the past
const LIST_FROM = '2026-01-01T00:00:00Z';

/** A reader that serves the DID document and a status list, as the built site would. */
function publishedBy(docs: Record<string, unknown>) {
  return async (url: string) => docs[url];
}

async function signedPair(key: Awaited<ReturnType<typeof newSigningKey>>['key'], revoked: number[] = []) {
  const credential = buildCredential(record(), issuer(), CRITERIA);
  const statusList = await addDataIntegrityProof(buildStatusListCredential(encodeStatusList(revoked), issuer(), LIST_FROM), key, DID, LIST_FROM);
  const docs = { 'https://example.org/.well-known/did.json': didDocument(DID, [key]), 'https://example.org/credentials/status/1.json': statusList };
  const json = await addDataIntegrityProof(credential, key, DID, '2027-06-25T00:00:00Z');
  expect(credential).not.toHaveProperty('proof'); // the caller's credential stays unsigned
  return {
    json,
    jwt: await signCredentialJwt(credential, `${DID}#${key.kid}`, key.privateKey),
    read: publishedBy(docs),
  };
}

const NOW = new Date('2027-07-02T12:00:00Z');

describe('the signatures', () => {
  it('verify in both forms with the keys of the DID document, and read the revocation bit from the signed list', async () => {
    const { key } = await newSigningKey();
    const ok = await signedPair(key);
    const di = await verifyDataIntegrity(ok.json, { did: DID, read: ok.read, now: NOW });
    expect(di.checks.map((c) => [c.id, c.ok])).toEqual([['issuer', true], ['signature', true], ['dates', true], ['status', true]]);
    expect(di).toMatchObject({ form: 'data-integrity', verified: true, revoked: false });
    expect((ok.json['proof'] as Record<string, unknown>)).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${DID}#${key.publicKeyMultibase}`, created: '2027-06-25T00:00:00Z' });
    await expect(verifyJwt(ok.jwt, { did: DID, read: ok.read, now: NOW })).resolves.toMatchObject({ form: 'jwt', verified: true, revoked: false });

    const revoked = await signedPair(key, [270001]);
    for (const report of [await verifyDataIntegrity(revoked.json, { did: DID, read: revoked.read, now: NOW }), await verifyJwt(revoked.jwt, { did: DID, read: revoked.read, now: NOW })]) {
      expect(report).toMatchObject({ verified: false, revoked: true });
      expect(report.checks.find((c) => c.id === 'status')?.text).toBe('Revoked: entry 270001 of the issuer\'s signed revocation list is set.');
    }
  });

  it('refuses a tampered credential in either form, a key the DID document does not list, and an unsigned status list', async () => {
    const { key } = await newSigningKey();
    const { json, jwt, read } = await signedPair(key);
    const forged = { ...json, validFrom: '2020-01-01T00:00:00Z' };
    const di = await verifyDataIntegrity(forged, { did: DID, read, now: NOW });
    expect(di.verified).toBe(false);
    expect(di.checks.find((c) => c.id === 'signature')).toMatchObject({ ok: false });
    expect(di.revoked).toBeUndefined();

    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Credential;
    const forgedJwt = `${header}.${Buffer.from(JSON.stringify({ ...claims, validFrom: '2020-01-01T00:00:00Z' })).toString('base64url')}.${signature}`;
    const j = await verifyJwt(forgedJwt, { did: DID, read, now: NOW });
    expect(j.checks.find((c) => c.id === 'signature')?.text).toMatch(/signature verification failed/);

    const other = (await newSigningKey()).key;
    const stranger = await signedPair(other);
    const mismatched = await verifyDataIntegrity(stranger.json, { did: DID, read, now: NOW });
    expect(mismatched.checks.find((c) => c.id === 'signature')).toMatchObject({ ok: false });
    expect((await verifyJwt(stranger.jwt, { did: DID, read, now: NOW })).checks.find((c) => c.id === 'signature')?.text).toMatch(/has no key/);

    const unsignedList = publishedBy({ 'https://example.org/.well-known/did.json': didDocument(DID, [key]), 'https://example.org/credentials/status/1.json': buildStatusListCredential(encodeStatusList([]), issuer(), LIST_FROM) });
    const s = await verifyDataIntegrity(json, { did: DID, read: unsignedList, now: NOW });
    expect(s).toMatchObject({ verified: false, revoked: undefined });
    expect(s.checks.find((c) => c.id === 'status')?.text).toMatch(/could not be checked/);
  });

  it('refuses a credential of another issuer without asking for its documents', async () => {
    const { key } = await newSigningKey();
    const { json, read } = await signedPair(key);
    const asked: string[] = [];
    const report = await verifyDataIntegrity(json, { did: 'did:web:elsewhere.example', read: async (u) => (asked.push(u), read(u)), now: NOW });
    expect(report.checks).toEqual([{ id: 'issuer', ok: false, text: 'Not issued by this program: its issuer is "did:web:example.org", the program is did:web:elsewhere.example.' }]);
    expect(asked).toEqual([]);
  });

  it('is the same for the same credential and key (Ed25519 is deterministic, created is given), so every build signs alike', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const key = await signingKeyFromJwk(JSON.stringify(await exportJWK(privateKey)));
    const a = await signedPair(key);
    const b = await signedPair(key);
    expect(a.jwt).toBe(b.jwt);
    expect(JSON.stringify(a.json)).toBe(JSON.stringify(b.json));
  });
});

describe('the JWT form (Open Badges 3.0 JSON Web Token proof format)', () => {
  it('carries the registered claims mapped from the credential, and a kid that names the key in the DID document', async () => {
    const { key } = await newSigningKey();
    const credential = buildCredential(record(), issuer(), CRITERIA);
    const jwt = await signCredentialJwt(credential, `${DID}#${key.kid}`, key.privateKey);
    const { header, payload } = decodeJwt(jwt);
    expect(header).toEqual({ alg: 'EdDSA', kid: `${DID}#${key.kid}`, typ: 'JWT' });
    expect(payload).toMatchObject({ iss: DID, jti: 'https://example.org/credentials/CST-2027-0001/', nbf: Date.parse('2027-06-25T00:00:00Z') / 1000 });
    expect(payload).not.toHaveProperty('sub'); // the subject is a hashed email address, not an id
    expect(payload).not.toHaveProperty('exp'); // no validUntil
    expect(payload['credentialSubject']).toEqual(credential['credentialSubject']);
    expect(payload).not.toHaveProperty('proof');
    const method = didDocument(DID, [key]).verificationMethod.find((m) => m.id === header.kid);
    expect(method).toMatchObject({ type: 'JsonWebKey2020', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: key.x } });
  });

  it('maps sub from a subject id and exp from validUntil, and refuses claims that contradict the credential', async () => {
    const credential = { ...buildCredential(record(), issuer(), CRITERIA), validUntil: '2030-01-01T00:00:00Z', credentialSubject: { id: 'did:example:holder', type: ['AchievementSubject'] } };
    expect(registeredClaims(credential)).toEqual({ iss: DID, jti: 'https://example.org/credentials/CST-2027-0001/', nbf: 1813881600, exp: 1893456000, sub: 'did:example:holder' });
    const { key } = await newSigningKey();
    const { CompactSign } = await import('jose');
    const lying = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...credential, ...registeredClaims(credential), iss: 'did:web:someone.else' })))
      .setProtectedHeader({ alg: 'EdDSA', kid: `${DID}#${key.kid}`, typ: 'JWT' })
      .sign(key.privateKey);
    await expect(verifyCredentialJwt(lying, key.publicJwk)).rejects.toThrow(/iss \("did:web:someone.else"\) does not match the credential in it \("did:web:example.org"\)/);
  });
});

describe('the recipient hash', () => {
  it('is sha256 of the lower-cased address and the salt, as Open Badges defines it', () => {
    expect(identityHash('a@example.com', 'Kosher')).toBe('sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399');
    expect(identityHash(' Maria.Lopez@Example.org ', 'salt1234salt1234')).toBe(
      `sha256$${createHash('sha256').update('maria.lopez@example.orgsalt1234salt1234').digest('hex')}`,
    );
  });
});

describe('the issuer', () => {
  it('is did:web of the public site, with the DID document where did:web resolves it', () => {
    const root = publicSite({}, { site: 'https://example.org', base: '/' });
    expect(didWeb(root)).toBe('did:web:example.org');
    expect(publicUrl(root, didDocumentPath(root))).toBe('https://example.org/.well-known/did.json');
    expect(didWebDocumentUrl(didWeb(root))).toBe('https://example.org/.well-known/did.json');

    const sub = publicSite({}, { site: 'https://example.org', base: '/certification/' });
    expect(didWeb(sub)).toBe('did:web:example.org:certification');
    expect(publicUrl(sub, didDocumentPath(sub))).toBe('https://example.org/certification/did.json');
    expect(didWebDocumentUrl(didWeb(sub))).toBe('https://example.org/certification/did.json');

    const env = publicSite({ SITE_URL: 'https://org.github.io:8443', SITE_BASE: '/cert/a' }, { site: 'https://example.org', base: '/' });
    expect(env.root).toBe('https://org.github.io:8443/cert/a/');
    expect(didWeb(env)).toBe('did:web:org.github.io%3A8443:cert:a');
    expect(didWebDocumentUrl(didWeb(env))).toBe('https://org.github.io:8443/cert/a/did.json');
  });

  it('publishes every key twice (Multikey for Data Integrity, JWK for the JWT form), and withdraws a compromised key from assertionMethod', async () => {
    const current = (await newSigningKey()).key;
    const retired = (await newSigningKey()).key;
    const leaked = (await newSigningKey()).key;
    const doc = didDocument(DID, [current, retired, { ...leaked, compromised: { date: '2028-03-01' } }]);
    expect(doc['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1', 'https://w3id.org/security/suites/jws-2020/v1']);
    expect(doc.verificationMethod.slice(0, 2)).toEqual([
      { id: `${DID}#${current.publicKeyMultibase}`, type: 'Multikey', controller: DID, publicKeyMultibase: current.publicKeyMultibase },
      { id: `${DID}#${current.kid}`, type: 'JsonWebKey2020', controller: DID, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: current.x } },
    ]);
    expect(current.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(doc.assertionMethod).toEqual([`${DID}#${current.publicKeyMultibase}`, `${DID}#${current.kid}`, `${DID}#${retired.publicKeyMultibase}`, `${DID}#${retired.kid}`]);
    expect(doc.verificationMethod.filter((m) => m.revoked !== undefined).map((m) => m.id)).toEqual([`${DID}#${leaked.publicKeyMultibase}`, `${DID}#${leaked.kid}`]);
    expect(JSON.stringify(doc)).not.toMatch(/"d"|secretKey/);
  });
});

describe('the signing key', () => {
  it('reads an Ed25519 JWK with its private part and names it by its thumbprint', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    const key = await signingKeyFromJwk(JSON.stringify(jwk));
    expect(key.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('says what to write when the variable holds something else', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    const other = await exportJWK((await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })).privateKey);
    const cases: [string, RegExp][] = [
      ['not json', /CREDENTIAL_SIGNING_KEY is not JSON\. Write an Ed25519 private key as one line of JSON/],
      [JSON.stringify({ kty: 'EC', crv: 'P-256' }), /must be an Ed25519 key/],
      [JSON.stringify({ ...jwk, d: undefined }), /has no private part/],
      [JSON.stringify({ ...jwk, x: other.x }), /"x" is not the public key of "d"/],
    ];
    for (const [text, message] of cases) {
      await expect(signingKeyFromJwk(text)).rejects.toThrow(SigningKeyError);
      await expect(signingKeyFromJwk(text)).rejects.toThrow(message);
    }
  });
});

describe('LinkedIn', () => {
  it('prefills a certification with its name, issuer, month, address and id', () => {
    const url = new URL(
      linkedInAddToProfileUrl({ name: ACHIEVEMENT_NAME, organizationName: 'Compassionate Systems Certification', issued: '2027-06-25', certUrl: 'https://example.org/credentials/CST-2027-0001/', certId: 'CST-2027-0001' }),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'MIT-JWEL Compassionate Systems Trainer',
      organizationName: 'Compassionate Systems Certification',
      issueYear: '2027',
      issueMonth: '6',
      certUrl: 'https://example.org/credentials/CST-2027-0001/',
      certId: 'CST-2027-0001',
    });
  });
});
