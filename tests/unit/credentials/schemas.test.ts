/** The schemas credentials depend on: revocation in a decision, the recipient record, consent, a cohort's assistants. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkSchema } from '../../../src/lib/schema-problems.ts';
import { parseSource } from '../../../src/lib/source-file.ts';
import { cohortSchema } from '../../../src/schemas/cohort.ts';
import { decisionSchema } from '../../../src/schemas/decision.ts';
import { participantSchema } from '../../../src/schemas/participant.ts';
import { recipientSchema } from '../../../src/schemas/recipient.ts';
import { checkContentFile } from '../../../src/lib/validate/read-content.ts';

function check(schema: z.ZodType, text: string, file = 'content/x.yaml'): string[] {
  const source = parseSource(file, text);
  return checkSchema(schema, source.data, file, source.locate).problems.map(formatProblem);
}

const CERTIFIED = `outcome: certified
date: 2027-06-25
panel: [peter-m-senge, mette-miriam-boell]
certificateId: CST-2027-0001
released: 2027-06-30
`;
const REVOKED = `${CERTIFIED}revoked:
  date: 2027-09-01
  reason: Certified in error.
`;

describe('revocation in a decision', () => {
  it('accepts a revocation of a certified, released decision', () => {
    expect(check(decisionSchema, REVOKED)).toEqual([]);
    const source = parseSource('content/x.yaml', REVOKED);
    expect(decisionSchema.parse(source.data).revoked).toEqual({ date: '2027-09-01', reason: 'Certified in error.' });
  });

  it('refuses a revocation of a credential that was never issued: a further-work decision', () => {
    const further = `outcome: further-work
date: 2027-06-25
panel: [peter-m-senge, mette-miriam-boell]
conditions: [Write the final report.]
released: 2027-06-30
revoked: { date: 2027-09-01, reason: Changed our minds. }
`;
    expect(check(decisionSchema, further)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:6:1  error  revoked applies to a certified decision only: a further-work decision issued no credential, so there is nothing to revoke. Remove the revoked lines, for example the line revoked: and the date: and reason: lines under it  [schema]",
      ]
    `);
  });

  it('refuses a revocation of a certified decision that was never released', () => {
    expect(check(decisionSchema, REVOKED.replace('released: 2027-06-30\n', ''))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:5:1  error  revoked: this credential was never issued: a credential is issued when the decision is released, and this decision has no released date. Remove the revoked lines (change the decision instead), or add the released date, for example released: 2021-06-30  [schema]",
      ]
    `);
  });

  it('refuses a revocation dated before the credential was issued, and one without a reason', () => {
    expect(check(decisionSchema, REVOKED.replace('date: 2027-09-01', 'date: 2027-06-01'))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:7:3  error  revoked.date: revoked date (2027-06-01) is before the credential was issued (released: 2027-06-30); write a date on or after it, for example date: 2027-06-30  [schema]",
      ]
    `);
    expect(check(decisionSchema, REVOKED.replace('  reason: Certified in error.\n', ''))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:6:1  error  revoked.reason is missing: why, in a sentence; shown on the faculty site only. Add a line such as reason: Certified in error: the final report was another participant’s.  [schema]",
      ]
    `);
  });

  it('still refuses a certified decision without a certificate id', () => {
    expect(check(decisionSchema, CERTIFIED.replace('certificateId: CST-2027-0001\n', ''))).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  outcome: a certified decision needs a certificateId line, for example certificateId: CST-2027-0001  [schema]",
      ]
    `);
  });
});

describe('recipient record', () => {
  it('accepts an address and a salt', () => {
    expect(check(recipientSchema, 'email: maria.lopez@example.org\nsalt: 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4\n')).toEqual([]);
  });
  it('refuses a name with the address, a short salt and an unknown field', () => {
    expect(check(recipientSchema, 'email: Maria Lopez <maria.lopez@example.org>\nsalt: abc\nphone: 123\n')).toMatchInlineSnapshot(`
      [
        "content/x.yaml:1:1  error  email must be one address without a name or <brackets>, for example email: maria.lopez@example.org  [schema]",
        "content/x.yaml:2:1  error  salt must be 16 to 128 letters, digits, _ or -, different for every person, for example 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4 (make one with: node -e "console.log(crypto.randomUUID())")  [schema]",
        "content/x.yaml:3:1  error  phone is not a field of this file. Allowed fields: email, salt  [unknown-field]",
      ]
    `);
  });
});

describe('public-profile consent', () => {
  const P = 'name: Ana\ncohort: c1\nsite: alpha\nrole: teacher\ngitHandle: ana\n';
  it('is off unless written as true', () => {
    expect(participantSchema.parse(parseSource('content/x.yaml', P).data).publicProfile).toBe(false);
    expect(participantSchema.parse(parseSource('content/x.yaml', `${P}publicProfile: true\n`).data).publicProfile).toBe(true);
  });
  it('refuses anything but true or false', () => {
    expect(check(participantSchema, `${P}publicProfile: yes please\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:6:1  error  publicProfile should be true or false, not the text "yes please" (true only if the participant agreed to a public profile; without it nothing of theirs is public (default false), for example false)  [schema]",
      ]
    `);
  });
});

describe('cohort assistants', () => {
  const C = 'title: Cohort\nstart: 2026-06-01\nend: 2027-06-30\napplicationDeadline: 2026-04-01\ncost: { amount: 100, currency: USD }\n';
  it('defaults to none and takes participant ids', () => {
    expect(cohortSchema.parse(parseSource('content/x.yaml', C).data).assistants).toEqual([]);
    expect(check(cohortSchema, `${C}assistants: [ana-public]\n`)).toEqual([]);
  });
  it('refuses a name where an id belongs', () => {
    expect(check(cohortSchema, `${C}assistants: [Ana Publica]\n`)).toMatchInlineSnapshot(`
      [
        "content/x.yaml:6:14  error  assistants[0]: expected the id of a participant: lowercase letters, digits and hyphens, for example maria-lopez  [schema]",
      ]
    `);
  });
});

describe('the issuer keys record (content/issuer-keys.yaml)', () => {
  const FILE = 'content/issuer-keys.yaml';
  const A = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
  const B = 'eaLvfv4jxFKzYH8E8ZXKYluyOtF45detKwWRKV0mfkk';
  const keys = (text: string) => checkContentFile(FILE, text).problems.map(formatProblem);

  it('accepts one current key after retired ones, a compromised retired key among them', () => {
    expect(keys(`keys:\n  - publicKey: ${A}\n    from: 2027-06-01\n    retired: 2028-06-01\n    compromised: { date: 2028-07-01, reason: The key was found on a shared drive. }\n  - publicKey: ${B}\n    from: 2028-06-01\n`)).toEqual([]);
  });

  it('says which line is wrong and what to write, as npm run validate does', () => {
    expect(keys(`keys:\n  - publicKey: ${A}\n    from: 2027-06-01\n  - publicKey: ${B}\n    from: 2028-06-01\n`)).toEqual([
      expect.stringMatching(/^content\/issuer-keys\.yaml:\d+:\d+ +error +keys: only one key can be current, but keys 1 and 2 have no retired: date; give the older one the day the newer one took over/),
    ]);
    expect(keys(`keys:\n  - publicKey: ${A}\n    from: 2027-06-01\n    compromised: { date: 2028-07-01, reason: leaked }\n`)[0]).toMatch(/:4:\d+ +error +.*the current key cannot be marked compromised; run npm run credential-key -- rotate --compromised/);
    expect(keys(`keys:\n  - publicKey: not-a-key\n    from: 2027-02-30\n`)).toEqual([
      expect.stringMatching(/:2:\d+ +error +.*publicKey must be the "x" of an Ed25519 JSON Web Key/),
      expect.stringMatching(/:3:\d+ +error +.*February 2027 has 28 days/),
    ]);
  });

  it('is content the validator knows, not a stray file to delete', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'cert-keys-'));
    try {
      mkdirSync(join(root, 'content'));
      cpSync('content/settings.yaml', join(root, 'content/settings.yaml'));
      writeFileSync(join(root, FILE), `keys:\n  - publicKey: ${A}\n    from: 2027-06-01\n`);
      const { validateContent } = await import('../../../src/lib/validate/index.ts');
      const result = validateContent(root);
      expect(result.problems.filter((p) => p.file === FILE)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
