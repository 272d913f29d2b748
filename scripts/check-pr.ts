/**
 * npm run check:pr -- --author HANDLE --base REF [--head REF] [--format text|github]
 *
 * Checks that the changes from the merge base of BASE and HEAD to HEAD touch only what the
 * author may change (src/lib/scope/permissions.ts). Run it in the project's git repository.
 * Who is who (participant and faculty files, .github/maintainers.txt) is read from BASE, never
 * from the changes being judged, so a pull request cannot grant itself rights.
 *
 * Exit status: 0 everything allowed, 1 something refused, 2 wrong usage (or unknown refs),
 * 3 a bug in the check.
 */
import { parseCommand, usageError as usage } from './lib/cli.ts';
import { allowedText, checkScope } from '../src/lib/scope/check.ts';
import { grantsOf, peopleFromSources } from '../src/lib/scope/people.ts';
import { formatScope, SCOPE_FORMATS, writeScopeStepSummary, type ScopeFormat } from '../src/lib/scope/report.ts';
import { changesBetween, isGitRepository, mergeBase, peopleSourcesAt, resolveCommit } from '../src/lib/scope/repository.ts';

const USAGE = `Usage: npm run check:pr -- --author HANDLE --base REF [--head REF] [--format text|github]

Checks that a change only touches the files its author may change.
  --author HANDLE   git host user name of the pull request's author
  --base REF        the branch or commit the pull request goes into (e.g. main)
  --head REF        the pull request's last commit (default HEAD)
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
  const from = mergeBase(cwd, base, head);
  if (!from) return usageError(`${values.base} and ${values.head} share no history, so there is no change to check between them`);

  const changes = changesBetween(cwd, from, head);
  const people = peopleFromSources(peopleSourcesAt(cwd, base));
  const refusals = checkScope({ author, changes, people });
  const report = { author, changed: changes.length, refusals, allowed: allowedText(grantsOf(author, people)) };

  process.stdout.write(`Checking ${changes.length === 1 ? '1 changed file' : `${changes.length} changed files`} from ${from.slice(0, 7)} to ${head.slice(0, 7)} by @${author}\n`);
  process.stdout.write(formatScope(format, report));
  if (format === 'github') writeScopeStepSummary(report);
  return refusals.length > 0 ? 1 : 0;
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
