/**
 * Whose problems a report may show. `npm run validate -- --participant X` is posted where X reads
 * it (their pull request's summary, an issue in their own portfolio repository), so it shows only
 * the problems in X's own folder: never another participant's file names or messages. Faculty,
 * the coordinator and maintainers, who may read everything, get everything. The other problems
 * still count (the check must still fail when the change breaks someone else's file), and the
 * report says how many there are without naming them.
 */
import type { Problem } from '../problems.ts';
import { grantsOf, type People } from '../scope/people.ts';
import { portfolioFolder } from '../scope/permissions.ts';

export type ReportScope =
  /** Everything: no participant named, or someone who may read every file. */
  | { kind: 'everything' }
  /** One participant: their own folder(s) only. */
  | { kind: 'participant'; id: string; folders: readonly string[] }
  /** A git handle nobody's file names: no file is theirs, so nothing is shown. */
  | { kind: 'nobody'; handle: string };

/**
 * The scope for `--participant ID` or `--participant @HANDLE`. `participantIds` are the ids of the
 * participant files (for an id); `people` says who holds a handle (read from the base branch in a
 * pull-request check, so the pull request cannot change who it is judged as).
 */
export function reportScopeFor(who: string, people: People, participantIds: readonly string[]): ReportScope | 'unknown' {
  if (!who.startsWith('@')) {
    if (!participantIds.includes(who)) return 'unknown';
    return { kind: 'participant', id: who, folders: [portfolioFolder({ id: who, demo: false }), portfolioFolder({ id: who, demo: true })] };
  }
  const handle = who.slice(1);
  const grants = grantsOf(handle, people);
  if (grants.roles.size > 0) return { kind: 'everything' };
  const participant = grants.participants[0];
  if (participant) return { kind: 'participant', id: participant.id, folders: grants.ownFolders };
  return { kind: 'nobody', handle };
}

export interface ScopedProblems {
  shown: Problem[];
  hidden: { errors: number; warnings: number };
}

export function scopeProblems(problems: readonly Problem[], scope: ReportScope): ScopedProblems {
  if (scope.kind === 'everything') return { shown: [...problems], hidden: { errors: 0, warnings: 0 } };
  const mine = (p: Problem) => scope.kind === 'participant' && scope.folders.some((f) => p.file.startsWith(f));
  const shown = problems.filter(mine);
  const others = problems.filter((p) => !mine(p));
  const errors = others.filter((p) => p.severity === 'error').length;
  return { shown, hidden: { errors, warnings: others.length - errors } };
}

/** The sentence about problems not shown, or undefined when there are none. */
export function hiddenLine(hidden: ScopedProblems['hidden'], scope: ReportScope): string | undefined {
  const n = hidden.errors + hidden.warnings;
  if (n === 0) return undefined;
  const what = [hidden.errors ? `${hidden.errors} error${hidden.errors === 1 ? '' : 's'}` : '', hidden.warnings ? `${hidden.warnings} warning${hidden.warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const whose = scope.kind === 'nobody' ? `files (none of them yours: @${scope.handle} is not the git handle of any participant)` : 'files that are not yours';
  const fix = hidden.errors
    ? ' If your change deleted or renamed an entry that other files refer to, undo that; otherwise the program coordinator will fix them.'
    : '';
  return `${what} in ${whose} ${n === 1 ? 'is' : 'are'} not shown here.${fix}`;
}
