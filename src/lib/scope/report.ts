/**
 * How `npm run check:pr` prints its result: `text` for people (one line per refused path, in the
 * validator's `path  error  message  [rule]` shape), `github` for pull-request checks
 * (annotations, and a table in the step summary).
 */
import { appendFileSync } from 'node:fs';
import { escapeData, escapeProperty } from '../validate/report.ts';
import { markdownCode, markdownText } from '../markdown-escape.ts';
import type { Refusal } from './check.ts';

export const SCOPE_FORMATS = ['text', 'github'] as const;
export type ScopeFormat = (typeof SCOPE_FORMATS)[number];

export const SCOPE_RULE = 'scope';

export interface ScopeReport {
  author: string;
  /** Number of changed paths checked. */
  changed: number;
  refusals: readonly Refusal[];
  /** "you may change only content/portfolios/maria-lopez/", for the author. */
  allowed: string;
  /** Paths the merge cannot settle by itself (the pull request needs updating before it can be merged). */
  conflicts?: readonly string[];
}

/** How a refusal that is about the pull request, not one file, is shown in place of a path. */
const NOT_A_FILE = '(this pull request)';

function conflictLine(report: ScopeReport): string | undefined {
  const n = report.conflicts?.length ?? 0;
  if (n === 0) return undefined;
  return `! merging it would conflict in ${plural(n, 'file')} (${(report.conflicts ?? []).slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}): the base branch changed them too. Update your branch before it can be merged`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function scopeSummaryLine(report: ScopeReport): string {
  if (report.refusals.some((r) => r.path === '')) return `✖ this pull request may not be merged as it is: see above`;
  if (report.changed === 0) return '✔ no files changed';
  if (report.refusals.length === 0) return `✔ ${plural(report.changed, 'changed file')}, all of them ones @${report.author} may change`;
  return `✖ ${report.refusals.length} of ${plural(report.changed, 'changed file')} ${report.refusals.length === 1 ? 'is' : 'are'} outside what @${report.author} may change`;
}

function allowedLine(report: ScopeReport): string {
  const text = report.allowed.charAt(0).toUpperCase() + report.allowed.slice(1);
  return `@${report.author}: ${text}.`;
}

export function formatScopeText(report: ScopeReport): string {
  const lines = report.refusals.map((r) => `${r.path || NOT_A_FILE}  error  ${r.reason}  [${SCOPE_RULE}]`);
  const conflicts = conflictLine(report);
  if (conflicts) lines.push(conflicts);
  lines.push(scopeSummaryLine(report));
  if (report.refusals.length > 0) lines.push(allowedLine(report));
  return lines.join('\n') + '\n';
}

export function formatScopeGithub(report: ScopeReport): string {
  const lines = report.refusals.map((r) =>
    r.path
      ? `::error file=${escapeProperty(r.path)},title=${escapeProperty('Not yours to change')}::${escapeData(r.reason)}`
      : `::error title=${escapeProperty('Pushed by someone else')}::${escapeData(r.reason)}`,
  );
  const conflicts = conflictLine(report);
  if (conflicts) lines.push(`::warning title=${escapeProperty('Conflicts')}::${escapeData(conflicts.slice(2))}`);
  lines.push(scopeSummaryLine(report));
  if (report.refusals.length > 0) lines.push(allowedLine(report));
  return lines.join('\n') + '\n';
}

const cell = markdownText;
const code = (text: string) => markdownCode(text, { table: true });

/** The Markdown for `$GITHUB_STEP_SUMMARY`. */
export function scopeStepSummary(report: ScopeReport): string {
  const lines = ['## Who may change what', '', scopeSummaryLine(report), ''];
  if (report.refusals.length === 0) return lines.join('\n') + '\n';
  lines.push(
    cell(allowedLine(report)),
    '',
    'A pull request may change only the files its author looks after. Undo the changes listed below (in the browser: open the file on the pull request\'s branch and restore or delete it), or close this pull request and start again from your own folder.',
    '',
    '| File | Why it cannot be changed here |',
    '| --- | --- |',
  );
  for (const r of report.refusals) lines.push(`| ${r.path ? code(r.path) : cell(NOT_A_FILE)} | ${cell(r.reason)} |`);
  lines.push('');
  return lines.join('\n');
}

/** Append the summary to the file GitHub names in GITHUB_STEP_SUMMARY, when it is set. */
export function writeScopeStepSummary(report: ScopeReport, env: Record<string, string | undefined> = process.env): boolean {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return false;
  appendFileSync(file, scopeStepSummary(report));
  return true;
}

export function formatScope(format: ScopeFormat, report: ScopeReport): string {
  return format === 'github' ? formatScopeGithub(report) : formatScopeText(report);
}
