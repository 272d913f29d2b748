/**
 * Which credential records each audience's build gets, derived from the faculty records of the
 * credentials fixture: consent decides the name, release the issue, revocation the status.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildDateFromEnv, deriveCredentials } from '../../../src/lib/credentials/derive.ts';
import { readCredentialSources } from '../../../src/lib/credentials/read-sources.ts';
import { identityHash } from '../../../src/lib/credentials/recipient-hash.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

const ROOT = join(PROJECT_ROOT, 'tests/fixtures/credentials');
const sources = readCredentialSources(ROOT, { demo: false });
const derive = (audience: Parameters<typeof deriveCredentials>[1]['audience'], buildDate = '2026-11-29') => deriveCredentials(sources.records, { audience, buildDate });

describe('derived credential records', () => {
  it('reads the fixture without problems', () => {
    expect(sources.problems).toEqual([]);
    expect(derive({ kind: 'public' }).problems).toEqual([]);
  });

  it('public: every issued credential, named only with consent, nothing of the decision itself', () => {
    const { records } = derive({ kind: 'public' });
    expect(records.map((r) => [r.certificateId, r.status, r.holder?.name ?? null])).toEqual([
      ['CST-2025-0001', 'valid', 'Ana Publica'],
      ['CST-2025-0002', 'valid', null],
      ['CST-2025-0003', 'revoked', 'Cy Revocata'],
    ]);
    const text = JSON.stringify(records);
    for (const secret of ['Zzprivatus', 'bo-private', 'CANARYREVOCATIONREASON', 'recipient@example.org', 'CANARYASSESSMENT', 'Di Pendens', 'CST-2025-0004', 'ada-assessor']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(records.every((r) => r.faculty === undefined)).toBe(true);
  });

  it('carries the recipient as a salted hash of the address in the recipient record', () => {
    const ana = derive({ kind: 'public' }).records[0]!;
    expect(ana.recipient).toEqual({ identityHash: identityHash('ana.recipient@example.org', 'saltana0123456789abcdef'), salt: 'saltana0123456789abcdef' });
  });

  it('links as evidence only the entries a consenting holder made public', () => {
    const [ana, bo] = derive({ kind: 'public' }).records;
    expect(ana?.evidence).toEqual([{ path: 'portfolios/ana-public/public-entry/', title: 'Ana public reflection' }]);
    expect(bo?.evidence).toEqual([]);
  });

  it('revokes from the revocation date on, and issues from the release date on', () => {
    expect(derive({ kind: 'public' }, '2025-08-31').records.find((r) => r.certificateId === 'CST-2025-0003')?.status).toBe('valid');
    expect(derive({ kind: 'public' }, '2025-09-01').records.find((r) => r.certificateId === 'CST-2025-0003')).toMatchObject({ status: 'revoked', revokedOn: '2025-09-01' });
    expect(derive({ kind: 'public' }, '2025-06-24').records).toEqual([]);
  });

  it('cohort: the consenting, valid trainers of earlier cohorts that the cohort lists as assistants', () => {
    expect(derive({ kind: 'cohort', cohort: 'c2026' }).records.map((r) => r.holder?.name)).toEqual(['Ana Publica']);
    expect(derive({ kind: 'cohort', cohort: 'c2024' }).records).toEqual([]);
  });

  it('faculty: every certified decision, with release, reason and whether a recipient is recorded, never the address', () => {
    const { records } = derive({ kind: 'faculty' });
    expect(records.map((r) => [r.certificateId, r.status, r.faculty?.name, r.faculty?.recipientRecorded])).toEqual([
      ['CST-2025-0001', 'valid', 'Ana Publica', true],
      ['CST-2025-0002', 'valid', 'Bo Zzprivatus', true],
      ['CST-2025-0003', 'revoked', 'Cy Revocata', true],
      ['CST-2025-0004', 'pending', 'Di Pendens', true],
    ]);
    expect(records[2]?.faculty?.revocationReason).toContain('CANARYREVOCATIONREASON');
    expect(JSON.stringify(records)).not.toContain('@example.org');
    // the credential's own fields are the same as in the public build, so the badge carries the public credential
    const strip = ({ faculty: _f, ...rest }: (typeof records)[number]) => rest;
    expect(records.slice(0, 3).map(strip)).toEqual(derive({ kind: 'public' }).records);
  });

  it('refuses to issue from a certified, released decision without a recipient record', () => {
    const without = sources.records.filter((r) => !(r.collection === 'recipients' && r.id === 'bo-private'));
    const { records, problems } = deriveCredentials(without, { audience: { kind: 'public' }, buildDate: '2026-11-29' });
    expect(records.map((r) => r.certificateId)).not.toContain('CST-2025-0002');
    expect(problems.map((p) => `${p.file}  ${p.rule}`)).toEqual(['content/decisions/bo-private/2025-06-20.yaml  credential-recipient']);
  });

  it('refuses two decisions with one certificate id, even without the validator', () => {
    const ana = sources.records.find((r) => r.collection === 'decisions' && r.id.startsWith('ana-public/'))!;
    const copy = { ...ana, id: 'bo-private/2025-06-20', file: 'content/decisions/bo-private/2025-06-20.yaml' };
    const others = sources.records.filter((r) => !(r.collection === 'decisions' && r.id.startsWith('bo-private/')));
    const { problems } = deriveCredentials([...others, copy], { audience: { kind: 'public' }, buildDate: '2026-11-29' });
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringContaining('certificateId CST-2025-0001 is also used in content/decisions/ana-public/2025-06-20.yaml'));
  });

  it('takes the build date from CERT_BUILD_DATE, else today', () => {
    expect(buildDateFromEnv({ CERT_BUILD_DATE: '2027-06-30' })).toBe('2027-06-30');
    expect(buildDateFromEnv({}, new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-29');
    expect(() => buildDateFromEnv({ CERT_BUILD_DATE: '30.06.2027' })).toThrow(/CERT_BUILD_DATE must be a date written YYYY-MM-DD/);
  });
});
