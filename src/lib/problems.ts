/**
 * A problem found in content, and the one way it is printed:
 * `path:line:col  error  message  [rule]`, read by participants in pull-request checks.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line; 1 when the problem is about the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  message: string;
  /** Stable rule id, e.g. `schema`, `html-element`, `reference`. */
  rule: string;
}

export function problem(file: string, line: number, column: number, rule: string, message: string, severity: Severity = 'error'): Problem {
  return { file, line: Math.max(1, line), column: Math.max(1, column), severity, message, rule };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.rule}]`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** An error that carries problems, thrown where a build must stop. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], heading = 'Content has problems') {
    const sorted = sortProblems(problems);
    super(`${heading} (${sorted.length}):\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = sorted;
  }
}
