/**
 * One participant's own progress against the qualification criteria, in words, for their
 * pull-request check: never for anyone else, never in a site. Assessments stay out; a decision
 * appears only once released. The practice rhythm is shown as days, never as streaks or rankings.
 */
import type { CoverageResult } from './coverage.ts';
import { STATUS_TEXT, suggestedEntryType } from './assessment-view.ts';
import { practiceCalendar } from './practice-calendar.ts';
import type { EvidenceRule } from '../schemas/framework.ts';
import { OUTCOME_LABELS } from '../schemas/decision.ts';

export interface ProgressInput {
  participant: { id: string; name: string; cohort: string };
  coverage: CoverageResult;
  criteria: { id: string; title: string; evidence: EvidenceRule }[];
  /** Days practised, from the participant's own practice logs. */
  practisedOn: readonly string[];
  /** Released decisions only. */
  decision?: { outcome: 'certified' | 'further-work'; date: string; conditions?: readonly string[] | undefined } | undefined;
  /** Base address of the cohort site's composer, e.g. https://cohort.example.org/compose/; omitted for a path-only link. */
  composeUrl?: string | undefined;
}

/** Next to a criterion whose rule is partly a proposal the faculty have not confirmed. */
export const PROPOSED_NOTE = 'the requirement is proposed, not yet confirmed by the faculty';

export interface ProgressSummary {
  text: string;
  markdown: string;
}

function composeLink(input: ProgressInput, type: string, criterion: string): string {
  const query = new URLSearchParams({ participant: input.participant.id, type, criterion }).toString();
  return `${input.composeUrl ?? '/compose/'}?${query}`;
}

export function progressSummary(input: ProgressInput): ProgressSummary {
  const cov = input.coverage.participants.get(input.participant.id);
  const lines: string[] = [`Progress of ${input.participant.name} against the qualification criteria (as of ${input.coverage.asOf}):`];
  const md: string[] = [
    `### Your progress, ${input.participant.name}`,
    '',
    `As of ${input.coverage.asOf}. Only you and faculty see this summary.`,
    '',
    '| Criterion | Status | What is missing |',
    '|---|---|---|',
  ];
  for (const c of input.criteria) {
    const cell = cov?.criteria.get(c.id);
    const status = STATUS_TEXT[cell?.status ?? 'none'];
    const type = suggestedEntryType(c.evidence);
    const missing = cell?.missing ?? '';
    const link = missing && type ? composeLink(input, type, c.id) : undefined;
    // a requirement nobody has confirmed yet may change: say so next to it
    const proposed = cell?.basis === 'proposal' ? PROPOSED_NOTE : '';
    lines.push(`  ${status.symbol} ${c.title}: ${status.label.toLowerCase()}${missing ? `; ${missing}` : ''}${link ? ` (write one: ${link})` : ''}${proposed ? ` [${proposed}]` : ''}`);
    md.push(`| ${c.title}${proposed ? ` (${proposed})` : ''} | ${status.symbol} ${status.label} | ${missing.replace(/\|/g, '\\|')}${link ? ` [Write an entry](${link})` : ''} |`);
  }
  if (input.decision) {
    const outcome = OUTCOME_LABELS[input.decision.outcome];
    lines.push(`Decision (${input.decision.date}): ${outcome}${input.decision.conditions?.length ? `: ${input.decision.conditions.join('; ')}` : ''}`);
    md.push('', `**Decision (${input.decision.date}):** ${outcome}`, ...(input.decision.conditions ?? []).map((c) => `- ${c}`));
  }
  const months = practiceCalendar(input.practisedOn);
  if (months.length) {
    lines.push('Practice days:', ...months.map((m) => `  ${m.label}: ${m.weeks.flat().filter((d) => d?.practised).map((d) => d?.day).join(', ')}`));
    md.push('', '#### Practice days', '');
    for (const m of months) {
      md.push(`**${m.label}**`, '', '| Mo | Tu | We | Th | Fr | Sa | Su |', '|---|---|---|---|---|---|---|');
      for (const week of m.weeks) md.push(`| ${week.map((d) => (d ? (d.practised ? `**${d.day}** ●` : String(d.day)) : ' ')).join(' | ')} |`);
      md.push('');
    }
  }
  return { text: `${lines.join('\n')}\n`, markdown: `${md.join('\n')}\n` };
}
