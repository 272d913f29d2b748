/**
 * The qualification framework in words, for pages: what each evidence rule asks for, and where it
 * comes from ("stated by the program", "set by the faculty for this cycle", or a proposal the faculty
 * have not confirmed yet). Pure: the public qualification page, the faculty pages and the tests use it.
 *
 * A brochure source is shown by the brochure section it is in, never by the sentence it quotes:
 * program copy is in our own words (the quote stays in the framework file as the record).
 */
import { leafRules, sourceKind, type BrochureSection, type EvidenceRule, type RuleSource, type SourceKind } from '../schemas/framework.ts';
import { APPROVAL_STEP_LABELS } from '../schemas/approval.ts';
import { nounFor } from './coverage.ts';
import { formatDate } from './time.ts';

/** How a page names each kind of source, in words (never by colour or symbol alone). */
export const SOURCE_LABELS: Record<SourceKind, string> = {
  brochure: 'Stated by the program',
  faculty: 'Set by the faculty for this cycle',
  proposal: 'Proposed, not yet confirmed by the faculty',
};

function numberWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
}

/** What one rule (not an `all`) asks of a participant, as a sentence without a full stop. */
export function requirementText(rule: Exclude<EvidenceRule, { rule: 'all' }>): string {
  switch (rule.rule) {
    case 'entries': {
      const noun = nounFor(rule.type, rule.stage, rule.min !== 1);
      const tagged = rule.tagged ? ' that name this criterion' : '';
      return `At least ${numberWord(rule.min)} ${noun}${tagged} in the portfolio`;
    }
    case 'monthly': {
      const noun = nounFor(rule.type, undefined, rule.min !== 1);
      return `${rule.min === 1 ? `A ${noun}` : `At least ${numberWord(rule.min)} ${noun}`} in the portfolio for every month of the participant’s year`;
    }
    case 'attendance':
      return rule.kind === 'workshop' ? 'Present at every face-to-face workshop held so far' : 'Present on every monthly call held so far';
    case 'project':
      return `The project proposal ${APPROVAL_STEP_LABELS.review} and ${APPROVAL_STEP_LABELS.final}, by the program faculty`;
  }
}

export interface SourceView {
  kind: SourceKind;
  label: string;
  /** Where in the brochure, for `brochure`: the section's name ("Participant commitments"). */
  section?: BrochureSection | undefined;
  /** Who and when, for `faculty`: "Peter M. Senge and Mette Miriam Boell, 3 July 2020". */
  decidedBy?: string | undefined;
  /** Why it is proposed, for `proposal`; a faculty decision's note. */
  note?: string | undefined;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** A source in words; `names` maps faculty ids to names (an unknown id is shown as it is). */
export function sourceView(source: RuleSource | undefined, names: ReadonlyMap<string, string>): SourceView {
  if (!source) return { kind: 'proposal', label: SOURCE_LABELS.proposal };
  const kind = sourceKind(source);
  if ('brochure' in source) return { kind, label: SOURCE_LABELS.brochure, section: source.section };
  if ('faculty' in source) {
    const who = joinNames(source.faculty.by.map((id) => names.get(id) ?? id));
    return { kind, label: SOURCE_LABELS.faculty, decidedBy: `${who}, ${formatDate(source.faculty.date)}`, note: source.faculty.note };
  }
  return { kind, label: SOURCE_LABELS.proposal, note: source.proposal };
}

/** Where a brochure source is, in words: "in the brochure’s “Participant commitments” section". */
export function brochurePlace(section: BrochureSection): string {
  return `in the brochure’s “${section}” section`;
}

export interface RequirementView {
  text: string;
  source: SourceView;
}

/** Each part of a criterion's rule, with what it asks for and where that comes from. */
export function requirementsOf(rule: EvidenceRule, names: ReadonlyMap<string, string>): RequirementView[] {
  return leafRules(rule).map((r) => ({ text: requirementText(r), source: sourceView(r.source, names) }));
}
