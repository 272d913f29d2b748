/**
 * npm run check:pr -- --author HANDLE --base REF [--head REF] [--sender HANDLE] [--format text|github]
 *
 * Checks that merging HEAD into BASE changes only what the author may change
 * (src/lib/scope/permissions.ts). What is judged is the tree the host's merge would produce,
 * compared with BASE: not the diff from one merge base, which a history with criss-cross merges
 * can choose so that the merge reverts someone else's change unseen. Run it in the project's git
 * repository. Who is who (participant and faculty files, .github/maintainers.txt) is read from
 * BASE, never from the changes being judged, so a pull request cannot grant itself rights.
 *
 * Exit status: 0 everything allowed, 1 something refused, 2 wrong usage (or unknown refs),
 * 3 a bug in the check.
 */
import { parseCommand, usageError as usage } from './lib/cli.ts';
import { allowedText, checkScope, checkSender } from '../src/lib/scope/check.ts';
import { grantsOf, peopleFromSources } from '../src/lib/scope/people.ts';
import { formatScope, SCOPE_FORMATS, writeScopeStepSummary, type ScopeFormat } from '../src/lib/scope/report.ts';
import { changesBetween, isGitRepository, mergeBases, mergeTree, peopleSourcesAt, resolveCommit } from '../src/lib/scope/repository.ts';
import type { Change } from '../src/lib/scope/diff.ts';

const USAGE = `Usage: npm run check:pr -- --author HANDLE --base REF [--head REF] [--sender HANDLE] [--format text|github]

Checks that merging a change touches only the files its author may change.
  --author HANDLE   git host user name of the pull request's author
  --base REF        the branch or commit the pull request goes into (e.g. main)
  --head REF        the pull request's last commit (default HEAD)
  --sender HANDLE   who pushed it, when that is known (a pull request check): refused unless it
                    is the author or a maintainer
  --format text     one line per refused file, then a summary (default)
  --format github   annotations for GitHub Actions, and a table in the step summary

Exit status: 0 all changes allowed, 1 some refused, 2 wrong usage.`;

const COMMAND = { name: 'check:pr', usage: USAGE };
const usageError = (message: string) => usage(COMMAND, message);

function main(argv: readonly string[]): number {
  const parsed = parseCommand(COMMAND, argv, {
    author: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string', default: 'HEAD' },
    sender: { type: 'string' },
    format: { type: 'string', default: 'text' },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const author = values.author?.trim().replace(/^@/, '') ?? '';
  if (author === '') return usageError('--author is missing: give the git host user name of the pull request\'s author');
  if (values.base === undefined || values.base.trim() === '') return usageError('--base is missing: give the branch the pull request goes into, e.g. --base main');
  if (!(SCOPE_FORMATS as readonly string[]).includes(values.format)) return usageError(`--format must be text or github; got "${values.format}"`);
  const format = values.format as ScopeFormat;

  const cwd = process.cwd();
  if (!isGitRepository(cwd)) return usageError(`${cwd} is not a git repository; run this from the project folder`);
  const base = resolveCommit(cwd, values.base);
  if (!base) return usageError(`--base ${values.base}: there is no such branch or commit here; fetch it first (git fetch origin ${values.base})`);
  const head = resolveCommit(cwd, values.head);
  if (!head) return usageError(`--head ${values.head}: there is no such branch or commit here; fetch the pull request's commits first`);
  const bases = mergeBases(cwd, base, head);
  if (bases.length === 0) return usageError(`${values.base} and ${values.head} share no history, so there is no change to check between them`);

  // the change is what the merge would do to BASE; where git cannot compute the merge (before
  // 2.38), every merge base's diff, so no choice of base can hide a change
  const merged = mergeTree(cwd, base, head);
  let changes: Change[];
  if (merged) {
    changes = changesBetween(cwd, base, merged.tree);
  } else {
    const byPath = new Map<string, Change>();
    for (const from of bases) for (const change of changesBetween(cwd, from, head)) if (!byPath.has(change.path)) byPath.set(change.path, change);
    changes = [...byPath.values()];
  }
  const people = peopleFromSources(peopleSourcesAt(cwd, base));
  // a change the merge makes that the branch's own diff does not show comes from its history
  const shown = new Set(changesBetween(cwd, bases[0] as string, head).map((c) => c.path));
  const refusals = checkScope({ author, changes, people }).map((r) =>
    shown.has(r.path)
      ? r
      : { ...r, reason: `${r.reason}. Merging this pull request would change this file although its own changes do not show it: the branch carries an older version of it. Start again from an up-to-date copy of the base branch` },
  );
  const sender = values.sender?.trim().replace(/^@/, '');
  const senderRefusal = sender ? checkSender({ author, sender, people }) : undefined;
  const report = {
    author,
    changed: changes.length,
    refusals: senderRefusal ? [senderRefusal, ...refusals] : refusals,
    allowed: allowedText(grantsOf(author, people)),
    conflicts: merged?.conflicts ?? [],
  };

  const what = changes.length === 1 ? '1 changed file' : `${changes.length} changed files`;
  process.stdout.write(`Checking ${what} that merging ${head.slice(0, 7)} into ${base.slice(0, 7)} would make, by @${author}${sender && sender.toLowerCase() !== author.toLowerCase() ? ` (pushed by @${sender})` : ''}\n`);
  process.stdout.write(formatScope(format, report));
  if (format === 'github') writeScopeStepSummary(report);
  return report.refusals.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `check:pr: internal error: ${message.split('\n')[0]}. This is a bug in the check, not a problem in your pull request; please report it with the command you ran.\n`,
  );
  process.exitCode = 3;
}
