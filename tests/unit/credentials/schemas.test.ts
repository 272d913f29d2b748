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
