/**
 * Reading assessments side by side (pure): levels on the four-step scale, disagreement between
 * assessors, and where each participant stands in the review (complete, under-assessed, awaiting
 * a decision).
 */
import { LEVELS, type Level } from '../schemas/assessment.ts';
import type { CoverageStatus } from './coverage.ts';
import type { EntriesRule, EvidenceRule } from '../schemas/framework.ts';
import type { EntryType } from '../schemas/portfolio-entry.ts';

/** Two assessors two or more steps apart on the scale disagree. */
export const DISAGREEMENT_STEPS = 2;

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function disagrees(levels: readonly Level[]): boolean {
  if (levels.length < 2) return false;
  const ranks = levels.map(levelRank);
  return Math.max(...ranks) - Math.min(...ranks) >= DISAGREEMENT_STEPS;
}

export const STATUS_TEXT: Record<CoverageStatus, { symbol: string; label: string }> = {
  complete: { symbol: '✓', label: 'Complete' },
  'in-progress': { symbol: '◐', label: 'In progress' },
  none: { symbol: '○', label: 'Not started' },
};

/** The kind of entry a participant would write to add evidence for a rule (undefined for attendance). */
export function suggestedEntryType(rule: EvidenceRule): EntryType | undefined {
  switch (rule.rule) {
    case 'entries':
    case 'monthly':
      return rule.type[0];
    case 'project':
      return 'application-project';
    case 'attendance':
      return undefined;
    case 'all': {
      for (const r of rule.rules) {
        const t = suggestedEntryType(r);
        if (t) return t;
      }
      return undefined;
    }
  }
}

export type ReviewStage = 'evidence-complete' | 'needs-assessors' | 'awaiting-decision' | 'decided';

export interface ReviewFacts {
  criteriaComplete: number;
  criteriaTotal: number;
  assessors: number;
  hasDecision: boolean;
}

/** Which lists of the review queue a participant belongs in (a participant can be in several). */
export function reviewStages(f: ReviewFacts): ReviewStage[] {
  const out: ReviewStage[] = [];
  if (f.criteriaTotal > 0 && f.criteriaComplete === f.criteriaTotal) out.push('evidence-complete');
  if (f.hasDecision) out.push('decided');
  else {
    if (f.assessors < 2) out.push('needs-assessors');
    else out.push('awaiting-decision');
  }
  return out;
}

export function isEntriesRule(rule: EvidenceRule): rule is EntriesRule {
  return rule.rule === 'entries';
}
