/** Builds one participant's progress summary from the records the validator read. */
import { coverageInputFromContent, evaluateCoverage } from '../../src/lib/coverage.ts';
import { buildInstantFromEnv, isReleased, programDate } from '../../src/lib/build-date.ts';
import { progressSummary, type ProgressSummary } from '../../src/lib/progress.ts';
import type { ContentRecord } from '../../src/lib/validate/read-content.ts';
import type { EvidenceRule } from '../../src/schemas/framework.ts';

/** `undefined`: a handle that is not a participant's (say nothing); `'unknown'`: no such participant id. */
export function participantProgress(records: readonly ContentRecord[], who: string, env: NodeJS.ProcessEnv): ProgressSummary | undefined | 'unknown' {
  const participants = records.filter((r) => r.collection === 'participants' && r.valid);
  const byHandle = who.startsWith('@');
  const participant = byHandle
    ? participants.find((p) => String(p.data['gitHandle'] ?? '').toLowerCase() === who.slice(1).toLowerCase())
    : participants.find((p) => p.id === who);
  if (!participant) return byHandle ? undefined : 'unknown';
  const cohort = String(participant.data['cohort']);
  const asOf = buildInstantFromEnv(env);
  const valid = records.filter((r) => r.valid);
  // only this participant's entries and approvals go in: the summary cannot say anything about anyone else
  const own = valid.filter(
    (r) =>
      (r.collection !== 'portfolios' && r.collection !== 'approvals' && r.collection !== 'participants') ||
      r.id === participant.id ||
      r.id.startsWith(`${participant.id}/`),
  );
  const coverage = evaluateCoverage(coverageInputFromContent(own, { cohort, asOf }));
  const criteria = valid
    .filter((r) => r.collection === 'framework')
    .sort((a, b) => Number(a.data['order']) - Number(b.data['order']))
    .map((r) => ({ id: r.id, title: String(r.data['title']), evidence: r.data['evidence'] as EvidenceRule }));
  const practisedOn = own
    .filter((r) => r.collection === 'portfolios' && r.data['type'] === 'practice-log')
    .flatMap((r) => (Array.isArray(r.data['practisedOn']) ? (r.data['practisedOn'] as string[]) : []));
  const today = programDate(asOf);
  const decision = valid
    .filter((r) => r.collection === 'decisions' && r.id.startsWith(`${participant.id}/`))
    .filter((r) => isReleased(typeof r.data['released'] === 'string' ? r.data['released'] : undefined, today))
    .sort((a, b) => String(a.data['date']).localeCompare(String(b.data['date'])))
    .at(-1);
  const composeBase = env['CERT_COMPOSE_URL']?.replace('{cohort}', cohort);
  return progressSummary({
    participant: { id: participant.id, name: String(participant.data['name']), cohort },
    coverage,
    criteria,
    practisedOn,
    decision: decision
      ? {
          outcome: decision.data['outcome'] as 'certified' | 'further-work',
          date: String(decision.data['date']),
          conditions: decision.data['conditions'] as string[] | undefined,
        }
      : undefined,
    composeUrl: composeBase,
  });
}
