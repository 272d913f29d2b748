/**
 * How `npm run validate` prints its findings: `text` for people, `github` for pull-request checks
 * (annotations plus a full table in the step summary, since GitHub shows only the first ten
 * annotations of a step), `json` for tools, `markdown` for an issue (the step summary's text).
 * Everything that reaches Markdown is escaped: file names and messages come from content.
 */
import { appendFileSync } from 'node:fs';
import { formatProblem, type Problem } from '../problems.ts';
import { markdownCode, markdownText } from '../markdown-escape.ts';

export const REPORT_FORMATS = ['text', 'github', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportInput {
  problems: readonly Problem[];
  /** Files checked. */
  files: number;
  /** Problems counted but not shown (in files that are not the reader's), and the sentence that says so. */
  hidden?: { errors: number; warnings: number; line: string } | undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function counts(problems: readonly Problem[]): { errors: number; warnings: number; files: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors, files: new Set(problems.map((p) => p.file)).size };
}

/** `✖ 3 errors, 1 warning in 2 files (checked 154 files)` or `✔ 154 files checked, no problems`. */
export function summaryLine(input: ReportInput): string {
  const c = counts(input.problems);
  if (input.problems.length === 0) return `✔ ${plural(input.files, 'file')} checked, no problems`;
  const mark = c.errors > 0 ? '✖' : '⚠';
  return `${mark} ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')} in ${plural(c.files, 'file')} (checked ${plural(input.files, 'file')})`;
}

export function formatText(input: ReportInput): string {
  return [...input.problems.map(formatProblem), ...(input.hidden ? [input.hidden.line] : []), summaryLine(input)].join('\n') + '\n';
}

/** Escape the message of a workflow command, as GitHub's toolkit does. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property (file=, title=) of a workflow command: also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(p: Problem): string {
  const command = p.severity === 'error' ? 'error' : 'warning';
  const props = [`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, `title=${escapeProperty(p.rule)}`].join(',');
  return `::${command} ${props}::${escapeData(p.message)}`;
}

/** Workflow commands, one per problem, then the summary line for the log. */
export function formatGithub(input: ReportInput): string {
  const hidden = input.hidden ? [`::${input.hidden.errors ? 'error' : 'warning'} title=${escapeProperty('Other files')}::${escapeData(input.hidden.line)}`] : [];
  return [...input.problems.map(githubAnnotation), ...hidden, summaryLine(input)].join('\n') + '\n';
}

/** The full list as Markdown, grouped by file, for `$GITHUB_STEP_SUMMARY`. */
export function githubStepSummary(input: ReportInput): string {
  const lines = ['## Content check', '', summaryLine(input), ''];
  if (input.hidden) lines.push(markdownText(input.hidden.line), '');
  if (input.problems.length === 0) return lines.join('\n') + '\n';
  lines.push(
    'How to fix: open each file below at the line shown and make the change the message describes (an error must be fixed before the change can be merged; a warning is advice). Then push again, or run `npm run validate` on your computer to check first.',
    '',
  );
  const byFile = new Map<string, Problem[]>();
  for (const p of input.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, problems] of byFile) {
    lines.push(`### ${markdownCode(file)}`, '', '| Line | Severity | Problem | Rule |', '| ---: | --- | --- | --- |');
    for (const p of problems) lines.push(`| ${p.line}:${p.column} | ${p.severity} | ${markdownText(p.message)} | ${markdownCode(p.rule, { table: true })} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Append the summary to the file GitHub names in GITHUB_STEP_SUMMARY, when it is set. */
export function writeGithubStepSummary(input: ReportInput, env: Record<string, string | undefined> = process.env): boolean {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return false;
  appendFileSync(file, githubStepSummary(input));
  return true;
}

export function formatJson(input: ReportInput): string {
  const c = counts(input.problems);
  const hidden = input.hidden ? { hidden: { errors: input.hidden.errors, warnings: input.hidden.warnings } } : {};
  return JSON.stringify({ problems: input.problems, errors: c.errors, warnings: c.warnings, files: input.files, ...hidden }, null, 2) + '\n';
}

export function formatReport(format: ReportFormat, input: ReportInput): string {
  switch (format) {
    case 'text':
      return formatText(input);
    case 'github':
      return formatGithub(input);
    case 'json':
      return formatJson(input);
    case 'markdown':
      return githubStepSummary(input);
  }
}
