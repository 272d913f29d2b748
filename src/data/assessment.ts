/**
 * Qualification criteria for every build; assessments, decisions, attendance, approvals and the
 * evidence coverage for the faculty build (the loaders leave those collections empty elsewhere).
 * Coverage is computed once for all participants, never per page or per cell.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { coverageInputFromContent, evaluateCoverage, type CoverageResult, type ContentItem } from '../lib/coverage.ts';
import { buildInstantFromEnv } from '../lib/build-date.ts';
import { reviewStages, type ReviewStage } from '../lib/assessment-view.ts';

export type CriterionEntry = CollectionEntry<'framework'>;
export type AssessmentEntry = CollectionEntry<'assessments'>;
export type DecisionEntry = CollectionEntry<'decisions'>;

let criteria: CriterionEntry[] | undefined;
export async function getCriteria(): Promise<CriterionEntry[]> {
  criteria ??= (await getCollection('framework')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  return criteria;
}

/** The instant coverage is computed for: now, or the end of CERT_BUILD_DATE (see src/lib/build-date.ts). */
export function asOf(): Date {
  return buildInstantFromEnv(process.env);
}

function byParticipant<T extends { id: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const participant = item.id.split('/')[0] ?? '';
    map.set(participant, [...(map.get(participant) ?? []), item]);
  }
  return map;
}

let assessments: Promise<Map<string, AssessmentEntry[]>> | undefined;
export function getAssessments(): Promise<Map<string, AssessmentEntry[]>> {
  assessments ??= getCollection('assessments').then((all) => byParticipant(all.sort((a, b) => a.id.localeCompare(b.id))));
  return assessments;
}

let decisions: Promise<Map<string, DecisionEntry[]>> | undefined;
/** Each participant's decisions, oldest first (a "further work" may be followed by "certified"). */
export function getDecisions(): Promise<Map<string, DecisionEntry[]>> {
  decisions ??= getCollection('decisions').then((all) => byParticipant(all.sort((a, b) => a.data.date.localeCompare(b.data.date))));
  return decisions;
}

let coverage: Promise<CoverageResult> | undefined;
export function getCoverage(): Promise<CoverageResult> {
  coverage ??= (async () => {
    const names = ['framework', 'cohorts', 'sessions', 'attendance', 'approvals', 'participants', 'portfolios'] as const;
    const items: ContentItem[] = [];
    for (const name of names) {
      for (const entry of await getCollection(name)) items.push({ collection: name, id: entry.id, data: entry.data as unknown as Record<string, unknown> });
    }
    return evaluateCoverage(coverageInputFromContent(items, { asOf: asOf() }));
  })();
  return coverage;
}

export async function reviewStagesOf(participant: string): Promise<ReviewStage[]> {
  const cov = (await getCoverage()).participants.get(participant);
  const all = [...(cov?.criteria.values() ?? [])];
  return reviewStages({
    criteriaComplete: all.filter((c) => c.status === 'complete').length,
    criteriaTotal: all.length,
    assessors: new Set(((await getAssessments()).get(participant) ?? []).map((a) => a.data.assessor)).size,
    hasDecision: ((await getDecisions()).get(participant) ?? []).length > 0,
  });
}
