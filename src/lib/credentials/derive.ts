/**
 * Credential records from the faculty records, for one build's audience. The one place that
 * decides what of a decision a build may publish:
 *
 * - a credential exists for a certified decision; it is issued when the decision is released
 *   (released ≤ the build date); until then it is `pending` and only the faculty build has it;
 * - it is `revoked` from the revocation date on (revoked.date ≤ the build date), else `valid`;
 * - the recipient is the salted hash of the address in recipients/<participant>.yaml;
 * - the holder's name, cohort and site, and the entries they made public (as evidence), are part
 *   of the credential only with their public-profile consent.
 *
 * Which records a build stores:
 * - public: every issued credential (valid or revoked), nothing else of the decision;
 * - cohort C: the valid credentials of consenting trainers that cohort C lists as `assistants`;
 * - faculty: every certified decision, with the participant, the release date, the revocation
 *   reason and whether a recipient is recorded (never the address).
 *
 * Pure: records in, records out.
 */
import type { Audience } from '../audience.ts';
import { problem, type Problem } from '../problems.ts';
import { checkCredentialReferences, RecordIndex, type CredentialSourceRecord } from '../validate/credential-references.ts';
import { identityHash } from './recipient-hash.ts';
import type { CredentialRecord } from './record.ts';
import { statusListIndex } from './status-list.ts';

export interface DeriveOptions {
  audience: Audience;
  /** YYYY-MM-DD: the day the build is made (issue and revocation dates are compared with it). */
  buildDate: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export { buildDateFromEnv } from '../build-date.ts';
import { isReleased } from '../build-date.ts';
import { isVisibleTo, participantExposure } from '../audience.ts';

export function deriveCredentials(sources: readonly CredentialSourceRecord[], options: DeriveOptions): { records: CredentialRecord[]; problems: Problem[] } {
  const valid = sources.filter((r) => r.valid !== false);
  const problems = checkCredentialReferences(valid).filter((p) => p.severity === 'error');
  const index = new RecordIndex(valid);
  const { audience, buildDate } = options;

  const publicEntries = new Map<string, { path: string; title: string; date: string }[]>();
  for (const entry of index.records('portfolios')) {
    if (entry.data['visibility'] !== 'public') continue;
    const [participant = '', slug = ''] = entry.id.split('/');
    const list = publicEntries.get(participant) ?? [];
    list.push({ path: `portfolios/${participant}/${slug}/`, title: String(entry.data['title'] ?? slug), date: String(entry.data['date'] ?? '') });
    publicEntries.set(participant, list);
  }

  const seen = new Map<string, CredentialSourceRecord>();
  const records: CredentialRecord[] = [];
  for (const decision of index.records('decisions').sort((a, b) => a.file.localeCompare(b.file))) {
    const d = decision.data;
    if (d['outcome'] !== 'certified') continue;
    const certificateId = str(d['certificateId']);
    const statusIndex = certificateId === undefined ? undefined : statusListIndex(certificateId);
    if (certificateId === undefined || statusIndex === undefined) continue; // schema and credential-references report it
    const other = seen.get(certificateId);
    if (other) {
      // the validator reports this too (duplicate-certificate); a build must never issue one id twice
      const at = decision.locate(['certificateId']);
      problems.push(
        problem(decision.file, at.line, at.column, 'duplicate-certificate', `certificateId ${certificateId} is also used in ${other.file}; every certificate has its own number, so give one of them the next free number`),
      );
      continue;
    }
    seen.set(certificateId, decision);

    const participantId = decision.id.split('/')[0] ?? '';
    const participant = index.find('participants', participantId, decision.demo);
    if (!participant) continue;
    const recipientRecord = index.find('recipients', participantId, decision.demo);
    const released = str(d['released']);
    const revoked = d['revoked'] && typeof d['revoked'] === 'object' ? (d['revoked'] as Record<string, unknown>) : undefined;
    const revokedOn = str(revoked?.['date']);
    const issuedYet = isReleased(released, buildDate);
    const revokedYet = issuedYet && revokedOn !== undefined && revokedOn <= buildDate;
    const status = !issuedYet ? 'pending' : revokedYet ? 'revoked' : 'valid';
    // the name appears only where the audience rule lets the participant's profile be public
    const consent = isVisibleTo({ kind: 'public' }, participantExposure({ cohort: String(participant.data['cohort'] ?? ''), publicProfile: participant.data['publicProfile'] === true }));
    const participantCohort = String(participant.data['cohort'] ?? '');

    const record: CredentialRecord = {
      certificateId,
      issued: String(d['date']),
      status,
      statusListIndex: statusIndex,
      evidence: consent ? (publicEntries.get(participantId) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path)).map(({ path, title }) => ({ path, title })) : [],
      demo: decision.demo,
    };
    if (revokedYet && revokedOn !== undefined) record.revokedOn = revokedOn;
    if (recipientRecord) {
      record.recipient = { identityHash: identityHash(String(recipientRecord.data['email']), String(recipientRecord.data['salt'])), salt: String(recipientRecord.data['salt']) };
    }
    if (consent) {
      record.holder = { name: String(participant.data['name']), participant: participantId, cohort: participantCohort, site: String(participant.data['site'] ?? '') };
    }

    switch (audience.kind) {
      case 'public':
        if (status !== 'pending' && record.recipient) records.push(record);
        break;
      case 'cohort': {
        const cohort = index.find('cohorts', audience.cohort, true);
        const assistants = Array.isArray(cohort?.data['assistants']) ? (cohort.data['assistants'] as unknown[]) : [];
        if (status === 'valid' && consent && record.recipient && participantCohort !== audience.cohort && assistants.includes(participantId)) records.push(record);
        break;
      }
      case 'faculty': {
        const faculty: NonNullable<CredentialRecord['faculty']> = {
          participant: participantId,
          name: String(participant.data['name']),
          publicProfile: consent,
          recipientRecorded: recipientRecord !== undefined,
          decisionFile: decision.file,
        };
        if (released !== undefined) faculty.released = released;
        const reason = str(revoked?.['reason']);
        if (reason !== undefined) faculty.revocationReason = reason;
        records.push({ ...record, faculty });
        break;
      }
    }
  }
  return { records: records.sort((a, b) => a.certificateId.localeCompare(b.certificateId)), problems };
}
