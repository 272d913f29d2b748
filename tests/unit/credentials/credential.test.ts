/**
 * One credential, end to end without a build: built as an Open Badges 3.0 OpenBadgeCredential,
 * valid against the OB 3.0 schema and as JSON-LD, signed as a JWT, verified with the public key,
 * a tampered copy refused; the issuer's did:web and DID document; the signing key's checks.
 */
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { createHash } from 'node:crypto';
import {
  ACHIEVEMENT_NAME,
  buildCredential,
  buildStatusListCredential,
  DEMO_MARK,
  signCredential,
  verifyCredentialJwt,
} from '../../../src/lib/credentials/credential.ts';
import { didDocument, didDocumentPath, didDocumentRoute, didWeb, publicSite, publicUrl } from '../../../src/lib/credentials/issuer.ts';
import { signingKeyFromJwk, SigningKeyError, throwawaySigningKey } from '../../../src/lib/credentials/keys.ts';
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
    await expect(expandSafely(buildCredential(record({ holder: undefined, evidence: [] }), issuer(true), []))).resolves.toHaveLength(1);
    await expect(expandSafely(buildStatusListCredential(encodeStatusList([1]), issuer(), '2027-07-01'))).resolves.toHaveLength(1);
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
      id: 'https://example.org/credentials/status/1.jwt#270001',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '270001',
      statusListCredential: 'https://example.org/credentials/status/1.jwt',
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

  it('says "demo, not verifiable" when signed with a throwaway key', () => {
    const c = buildCredential(record(), issuer(true), CRITERIA);
    expect(c['name']).toBe(`${ACHIEVEMENT_NAME} (${DEMO_MARK})`);
    expect(c['description']).toContain(DEMO_MARK);
    expect(buildCredential(record(), issuer(false), CRITERIA)['name']).toBe(ACHIEVEMENT_NAME);
  });

  it('refuses to build a credential without a recipient', () => {
    expect(() => buildCredential(record({ recipient: undefined }), issuer(), CRITERIA)).toThrow(/no recipient/);
  });
});

describe('the signature', () => {
  it('verifies with the public key of the DID document, and a tampered credential is refused', async () => {
    const key = await throwawaySigningKey();
    const iss = issuer(false, key.kid);
    const jwt = await signCredential(buildCredential(record(), iss, CRITERIA), iss, key.privateKey);
    const doc = didDocument(iss.did, key);
    const method = doc.verificationMethod[0]!;
    const verified = await verifyCredentialJwt(jwt, method.publicKeyJwk);
    expect(verified.kid).toBe(method.id);
    expect(verified.credential['id']).toBe('https://example.org/credentials/CST-2027-0001/');
    expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'EdDSA', kid: `did:web:example.org#${key.kid}`, typ: 'vc+jwt', cty: 'vc' });

    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, validFrom: '2020-01-01T00:00:00Z' })).toString('base64url');
    await expect(verifyCredentialJwt(`${header}.${forged}.${signature}`, method.publicKeyJwk)).rejects.toThrow(/signature verification failed/);
    const other = await throwawaySigningKey();
    await expect(verifyCredentialJwt(jwt, other.publicJwk)).rejects.toThrow(/signature verification failed/);
  });

  it('is the same for the same credential and key (Ed25519 is deterministic), so every build signs alike', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const key = await signingKeyFromJwk(JSON.stringify(await exportJWK(privateKey)));
    const iss = issuer(false, key.kid);
    const a = await signCredential(buildCredential(record(), iss, CRITERIA), iss, key.privateKey);
    const b = await signCredential(buildCredential(record(), iss, CRITERIA), iss, key.privateKey);
    expect(a).toBe(b);
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
    expect(didDocumentRoute('/')).toBe('/.well-known/did.json');

    const sub = publicSite({}, { site: 'https://example.org', base: '/certification/' });
    expect(didWeb(sub)).toBe('did:web:example.org:certification');
    expect(publicUrl(sub, didDocumentPath(sub))).toBe('https://example.org/certification/did.json');
    expect(didDocumentRoute('/certification/')).toBe('/did.json');

    const env = publicSite({ SITE_URL: 'https://org.github.io:8443', SITE_BASE: '/cert/a' }, { site: 'https://example.org', base: '/' });
    expect(env.root).toBe('https://org.github.io:8443/cert/a/');
    expect(didWeb(env)).toBe('did:web:org.github.io%3A8443:cert:a');
  });

  it('publishes one Ed25519 public key for assertions, without the private part', async () => {
    const key = await throwawaySigningKey();
    const doc = didDocument('did:web:example.org', key);
    expect(doc.assertionMethod).toEqual([`did:web:example.org#${key.kid}`]);
    expect(doc.verificationMethod).toEqual([
      { id: `did:web:example.org#${key.kid}`, type: 'JsonWebKey2020', controller: 'did:web:example.org', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x } },
    ]);
    expect(JSON.stringify(doc)).not.toContain('"d"');
  });
});

describe('the signing key', () => {
  it('reads an Ed25519 JWK with its private part and names it by its thumbprint', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    const key = await signingKeyFromJwk(JSON.stringify(jwk));
    expect(key.demo).toBe(false);
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
      name: 'Compassionate Systems Trainer',
      organizationName: 'Compassionate Systems Certification',
      issueYear: '2027',
      issueMonth: '6',
      certUrl: 'https://example.org/credentials/CST-2027-0001/',
      certId: 'CST-2027-0001',
    });
  });
});
