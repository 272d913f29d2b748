/**
 * Cross-file rules for issuing credentials, over the whole set of records:
 *
 * - a certified decision that is released needs the participant's recipient record
 *   (`recipients/<participant>.yaml`), since a credential is issued to an address; before release
 *   a missing record is a warning;
 * - a certificate id must map to a status-list index (its year within 2000–2103, see
 *   src/lib/credentials/status-list.ts);
 * - a recipient record belongs to an existing participant;
 * - a cohort's `assistants` are certified trainers of another cohort, with a valid credential; the
 *   cohort site names only those with a public profile (a warning otherwise).
 *
 * (Single-file rules are in the schemas: a certified decision needs a certificateId, and only a
 * certified, released decision can be revoked. Duplicate certificate ids are reported by
 * assessment-references.ts.)
 *
 * Pure: works on the records only. Demo content may refer to real content, real content may not
 * refer to demo content (the rule of references.ts).
 */
import { problem, type Problem, type Severity } from '../problems.ts';
import { suggest } from '../schema-problems.ts';
import type { PathSegment } from '../source-file.ts';
import { FIRST_YEAR, LAST_YEAR, statusListIndex } from '../credentials/status-list.ts';
import type { ContentRecord } from './read-content.ts';
import { RecordIndex, listIds, text } from './record-index.ts';

export { RecordIndex };

/** The fields of a content record these checks read (the validator's ContentRecord fits). */
export type CredentialSourceRecord = Pick<ContentRecord, 'id' | 'file' | 'data' | 'demo' | 'locate'> & { collection: string; valid?: boolean };

const EXAMPLE_RECIPIENT = 'email: maria.lopez@example.org and salt: 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4';

const str = text;

/** Where a participant's recipient record goes. */
export function recipientFile(participant: string, demo: boolean): string {
  return demo ? `content/demo/recipients/${participant}.yaml` : `content/recipients/${participant}.yaml`;
}

/** The latest certified decision of a participant (by date), if any. */
export function certifiedDecision<R extends CredentialSourceRecord>(index: RecordIndex<R>, participant: string, fromDemo: boolean): R | undefined {
  return index
    .records('decisions')
    .filter((d) => d.id.split('/')[0] === participant && (fromDemo || !d.demo) && d.data['outcome'] === 'certified')
    .sort((a, b) => (a.id < b.id ? 1 : -1))[0];
}

export function checkCredentialReferences(records: readonly CredentialSourceRecord[]): Problem[] {
  const index = new RecordIndex(records);
  const problems: Problem[] = [];
  const at = (record: CredentialSourceRecord, path: readonly PathSegment[], rule: string, message: string, severity: Severity = 'error') => {
    const pos = path.length ? record.locate(path) : { line: 1, column: 1 };
    problems.push(problem(record.file, pos.line, pos.column, rule, message, severity));
  };

  for (const decision of index.records('decisions')) {
    const { data } = decision;
    if (data['outcome'] !== 'certified') continue;
    const participant = decision.id.split('/')[0] ?? '';
    const certificate = str(data, 'certificateId');
    if (certificate !== undefined && /^CST-\d{4}-\d{4}$/.test(certificate) && statusListIndex(certificate) === undefined) {
      at(
        decision,
        ['certificateId'],
        'certificate-year',
        `certificateId ${certificate} has a year outside ${FIRST_YEAR}–${LAST_YEAR}, so it has no place in the revocation list; use the year of the decision, for example CST-${String(data['date'] ?? '2027').slice(0, 4)}-0001`,
      );
    }
    if (!index.find('participants', participant, decision.demo)) continue; // reported by assessment-references.ts
    if (index.find('recipients', participant, decision.demo)) continue;
    const released = str(data, 'released');
    const where = recipientFile(participant, decision.demo);
    if (released !== undefined) {
      at(
        decision,
        ['outcome'],
        'credential-recipient',
        `${participant} is certified and the decision was released, but there is no recipient record for the credential: add ${where} with the address the credential is issued to and a salt, for example ${EXAMPLE_RECIPIENT} (the address never appears on any site)`,
      );
    } else {
      at(
        decision,
        ['outcome'],
        'credential-recipient',
        `${participant} is certified; before the decision is released, add ${where} with the address the credential is issued to and a salt, for example ${EXAMPLE_RECIPIENT}`,
        'warning',
      );
    }
  }

  for (const recipient of index.records('recipients')) {
    if (index.find('participants', recipient.id, recipient.demo)) continue;
    const known = index.ids('participants', recipient.demo);
    const close = suggest(recipient.id, known);
    at(
      recipient,
      [],
      'reference',
      `this recipient record is named after participant "${recipient.id}", but there is no ${recipient.demo ? `content/demo/participants/${recipient.id}.yaml or ` : ''}content/participants/${recipient.id}.yaml. Name the file after the participant's file; participants: ${listIds(known)}${close && close !== recipient.id ? `; did you mean ${close}?` : ''}`,
    );
  }

  for (const cohort of index.records('cohorts')) {
    const assistants = cohort.data['assistants'];
    if (!Array.isArray(assistants)) continue;
    assistants.forEach((value: unknown, i) => {
      if (typeof value !== 'string') return;
      const path = ['assistants', i];
      const participant = index.find('participants', value, cohort.demo);
      if (!participant) {
        const known = index.ids('participants', cohort.demo);
        const close = suggest(value, known);
        at(cohort, path, 'reference', `assistants: participant "${value}" does not exist: there is no content/participants/${value}.yaml. Participants: ${listIds(known)}${close && close !== value ? `; did you mean ${close}?` : ''}`);
        return;
      }
      if (participant.data['cohort'] === cohort.id) {
        at(cohort, path, 'assistant-cohort', `assistants: ${value} is a participant of this cohort (${participant.file}); assistants are certified trainers of an earlier cohort. Remove ${value} from the list`);
        return;
      }
      const decision = certifiedDecision(index, value, cohort.demo);
      if (!decision) {
        at(cohort, path, 'assistant-certified', `assistants: ${value} has no certified decision (content/decisions/${value}/), so is not a certified trainer yet. Remove ${value} from the list, or record the decision first`);
        return;
      }
      if (decision.data['revoked'] !== undefined) {
        at(cohort, path, 'assistant-certified', `assistants: ${value}'s credential was revoked (${decision.file}); remove ${value} from the list`);
        return;
      }
      if (str(decision.data, 'released') === undefined) {
        at(cohort, path, 'assistant-certified', `assistants: ${value}'s certified decision (${decision.file}) is not released yet; release it first, or remove ${value} from the list`);
        return;
      }
      if (participant.data['publicProfile'] !== true) {
        at(
          cohort,
          path,
          'assistant-consent',
          `assistants: ${value} has not agreed to a public profile (publicProfile in ${participant.file}), so the cohort site will not name them; ask them, or remove ${value} from the list`,
          'warning',
        );
      }
    });
  }
  return problems;
}
