/**
 * Bad input for credentials, as `npm run validate` (and so the build's pre-check) reports it: file,
 * line, field, and what to write instead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { ASSESSMENT_FILES, cleanupProjects, makeProject } from '../validate-assessment/helpers.ts';

afterAll(cleanupProjects);

const DECISION = 'content/decisions/maria-lopez/2021-06-25.yaml';
const RECIPIENT = { 'content/recipients/maria-lopez.yaml': 'email: maria.lopez@example.org\nsalt: 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4\n' };

/** Problems of the rules named, as printed. */
function problems(files: Record<string, string | null>, rules: readonly string[]): string[] {
  const root = makeProject({ ...ASSESSMENT_FILES, ...files });
  return validateContent(root)
    .problems.filter((p) => rules.includes(p.rule) || p.rule === 'schema')
    .map(formatProblem);
}

describe('credential references', () => {
  it('accepts a certified, released decision with its recipient record', () => {
    expect(problems(RECIPIENT, ['credential-recipient', 'reference', 'certificate-year', 'duplicate-certificate'])).toEqual([]);
  });

  it('refuses a certified, released decision without a recipient record', () => {
    expect(problems({}, ['credential-recipient'])).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:1:1  error  maria-lopez is certified and the decision was released, but there is no recipient record for the credential: add content/recipients/maria-lopez.yaml with the address the credential is issued to and a salt, for example email: maria.lopez@example.org and salt: 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4 (the address never appears on any site)  [credential-recipient]",
      ]
    `);
  });

  it('warns about a certified decision without a recipient record before it is released', () => {
    const unreleased = ASSESSMENT_FILES[DECISION]!.replace('released: 2021-06-30\n', '');
    expect(problems({ [DECISION]: unreleased }, ['credential-recipient'])).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:1:1  warning  maria-lopez is certified; before the decision is released, add content/recipients/maria-lopez.yaml with the address the credential is issued to and a salt, for example email: maria.lopez@example.org and salt: 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4  [credential-recipient]",
      ]
    `);
  });

  it('refuses a certified decision without a certificate id', () => {
    const without = ASSESSMENT_FILES[DECISION]!.replace('certificateId: CST-2021-0001\n', '');
    expect(problems({ ...RECIPIENT, [DECISION]: without }, ['credential-recipient'])).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:1:1  error  outcome: a certified decision needs a certificateId line, for example certificateId: CST-2027-0001  [schema]",
      ]
    `);
  });

  it('refuses two decisions with the same certificate id, naming both files', () => {
    const files = {
      ...RECIPIENT,
      'content/assessments/jonas-berg/peter-m-senge.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/peter-m-senge.yaml']!,
      'content/assessments/jonas-berg/mette-miriam-boell.yaml': ASSESSMENT_FILES['content/assessments/maria-lopez/mette-miriam-boell.yaml']!,
      'content/decisions/jonas-berg/2021-06-25.yaml': ASSESSMENT_FILES[DECISION]!,
      'content/recipients/jonas-berg.yaml': 'email: jonas.berg@example.org\nsalt: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d\n',
    };
    expect(problems(files, ['duplicate-certificate'])).toMatchInlineSnapshot(`
      [
        "content/decisions/jonas-berg/2021-06-25.yaml:4:1  error  certificateId CST-2021-0001 is also used in content/decisions/maria-lopez/2021-06-25.yaml; every certificate has its own number, so give one of them the next free number  [duplicate-certificate]",
        "content/decisions/maria-lopez/2021-06-25.yaml:4:1  error  certificateId CST-2021-0001 is also used in content/decisions/jonas-berg/2021-06-25.yaml; every certificate has its own number, so give one of them the next free number  [duplicate-certificate]",
      ]
    `);
  });

  it('refuses a revocation of a credential that was never issued (a further-work decision)', () => {
    const further = `outcome: further-work
date: 2021-06-25
panel: [peter-m-senge, mette-miriam-boell]
conditions: [Write the final report.]
released: 2021-06-30
revoked: { date: 2021-09-01, reason: Changed our minds. }
`;
    expect(problems({ [DECISION]: further }, ['credential-recipient'])).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:6:1  error  revoked applies to a certified decision only: a further-work decision issued no credential, so there is nothing to revoke. Remove the revoked lines, for example the line revoked: and the date: and reason: lines under it  [schema]",
      ]
    `);
  });

  it('refuses a recipient record of an unknown participant and a certificate year outside the status list', () => {
    const files = {
      ...RECIPIENT,
      'content/recipients/maria-lopes.yaml': RECIPIENT['content/recipients/maria-lopez.yaml'],
      [DECISION]: ASSESSMENT_FILES[DECISION]!.replace('CST-2021-0001', 'CST-1999-0001'),
    };
    expect(problems(files, ['reference', 'certificate-year'])).toMatchInlineSnapshot(`
      [
        "content/decisions/maria-lopez/2021-06-25.yaml:4:1  error  certificateId CST-1999-0001 has a year outside 2000–2103, so it has no place in the revocation list; use the year of the decision, for example CST-2021-0001  [certificate-year]",
        "content/recipients/maria-lopes.yaml:1:1  error  this recipient record is named after participant "maria-lopes", but there is no content/participants/maria-lopes.yaml. Name the file after the participant's file; participants: ana-ruiz, jonas-berg, maria-lopez; did you mean maria-lopez?  [reference]",
      ]
    `);
  });

  it('checks a cohort’s assistants: a trainer of another cohort with a valid credential', () => {
    const cohort = (list: string) => ({
      'content/cohorts/2022-2023.yaml': `title: 2022–2023 cycle\nstart: 2022-06-28\nend: 2023-06-30\napplicationDeadline: 2022-05-01\ncost: { amount: 100, currency: USD }\nassistants: ${list}\n`,
    });
    expect(problems({ ...RECIPIENT, ...cohort('[maria-lopez]') }, ['reference', 'assistant-cohort', 'assistant-certified', 'assistant-consent'])).toMatchInlineSnapshot(`
      [
        "content/cohorts/2022-2023.yaml:6:14  warning  assistants: maria-lopez has not agreed to a public profile (publicProfile in content/participants/maria-lopez.yaml), so the cohort site will not name them; ask them, or remove maria-lopez from the list  [assistant-consent]",
      ]
    `);
    expect(problems({ ...RECIPIENT, ...cohort('[jonas-berg, nobody-here]') }, ['reference', 'assistant-cohort', 'assistant-certified', 'assistant-consent'])).toMatchInlineSnapshot(`
      [
        "content/cohorts/2022-2023.yaml:6:14  error  assistants: jonas-berg has no certified decision (content/decisions/jonas-berg/), so is not a certified trainer yet. Remove jonas-berg from the list, or record the decision first  [assistant-certified]",
        "content/cohorts/2022-2023.yaml:6:26  error  assistants: participant "nobody-here" does not exist: there is no content/participants/nobody-here.yaml. Participants: ana-ruiz, jonas-berg, maria-lopez  [reference]",
      ]
    `);
  });
});
