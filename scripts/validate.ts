/**
 * npm run validate [-- PATH...] [--format text|github|json|markdown] [--participant ID|@HANDLE [--people-from REF]]
 *
 * Checks everything under content/ of the project in the current folder: each file through the
 * safety gate and its schema, then every reference between files and every attachment.
 * With PATHs (files or folders), everything is still read, but only problems in them are shown.
 * With --participant, only that participant's own files' problems are shown (others are counted),
 * then their progress: the output is posted where that participant reads it.
 *
 * Exit status: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage, 3 a bug in the validator.
 */
import { appendFileSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, requireContentFolder, usageError as usage } from './lib/cli.ts';
import { toProjectPath, validateContent } from '../src/lib/validate/index.ts';
import { participantProgress } from './lib/participant-progress.ts';
import { formatReport, REPORT_FORMATS, writeGithubStepSummary, type ReportFormat } from '../src/lib/validate/report.ts';
import { hiddenLine, reportScopeFor, scopeProblems, type ReportScope } from '../src/lib/validate/participant-scope.ts';
import { peopleFromSources } from '../src/lib/scope/people.ts';
import { isGitRepository, peopleSourcesAt, peopleSourcesOnDisk, resolveCommit } from '../src/lib/scope/repository.ts';

const USAGE = `Usage: npm run validate [-- PATH...] [--format text|github|json|markdown] [--participant ID|@HANDLE] [--people-from REF]

Checks the content of the project in the current folder.
  PATH              only report problems in these files or folders (everything is still read)
  --format text     one line per problem, then a summary (default)
  --format github   annotations for GitHub Actions, and a full table in the step summary
  --format json     one JSON document: { problems, errors, warnings, files }
  --format markdown the full table as Markdown (for an issue), file names and messages escaped
  --participant ID  show only the problems in that participant's own folder (the others are
                    counted, not named), then their progress against the qualification criteria.
                    @HANDLE finds the participant by git handle; faculty and maintainers see
                    every problem; a handle nobody's file names sees none
  --people-from REF read who holds which git handle from that commit instead of the files on
                    disk (a pull-request check: the pull request cannot change who it is judged as)

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage.`;

const PROGRESS_MIN_FILES = 300;
const PROGRESS_AFTER_MS = 1000;

const COMMAND = { name: 'validate', usage: USAGE };
const usageError = (message: string) => usage(COMMAND, message);

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function main(argv: readonly string[]): number {
  const parsed = parseCommand(
    COMMAND,
    argv,
    { format: { type: 'string', short: 'f', default: 'text' }, participant: { type: 'string' }, 'people-from': { type: 'string' } },
    true,
  );
  if ('exit' in parsed) return parsed.exit;
  const format = parsed.values.format;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return usageError(`--format must be text, github, json or markdown; got "${format}"`);
  }
  const peopleFrom = parsed.values['people-from'];
  if (peopleFrom !== undefined && parsed.values.participant === undefined) return usageError('--people-from goes with --participant');

  const root = process.cwd();
  const noContent = requireContentFolder(COMMAND, root);
  if (noContent !== undefined) return noContent;
  for (const path of parsed.positionals) {
    if (!exists(resolve(root, path))) return usageError(`${path} does not exist (paths are relative to ${root})`);
    if (toProjectPath(root, path).startsWith('..')) return usageError(`${path} is outside the project folder ${root}`);
  }

  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let shown = false;
  let lastShown = started;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (total <= PROGRESS_MIN_FILES && now - started <= PROGRESS_AFTER_MS) return;
    const last = done === total;
    if (tty) {
      if (now - lastShown < 100 && !last && shown) return;
      process.stderr.write(`\rchecked ${done}/${total} files…`);
    } else {
      if (now - lastShown < 1000 && !last) return;
      process.stderr.write(`checked ${done}/${total} files…\n`);
    }
    shown = true;
    lastShown = now;
  };

  const result = validateContent(root, { paths: parsed.positionals, onProgress });
  if (shown && tty) process.stderr.write('\r\u001b[K');

  const who = parsed.values.participant;
  let scope: ReportScope = { kind: 'everything' };
  if (who !== undefined) {
    let people;
    if (peopleFrom !== undefined) {
      const commit = isGitRepository(root) ? resolveCommit(root, peopleFrom) : undefined;
      if (!commit) return usageError(`--people-from ${peopleFrom}: there is no such commit in ${root}`);
      people = peopleFromSources(peopleSourcesAt(root, commit));
    } else {
      people = peopleFromSources(peopleSourcesOnDisk(root));
    }
    const ids = result.records.filter((r) => r.collection === 'participants').map((r) => r.id);
    const found = reportScopeFor(who, people, ids);
    if (found === 'unknown') return usageError(`there is no participant ${who}`);
    scope = found;
  }
  const scoped = scopeProblems(result.problems, scope);
  const line = hiddenLine(scoped.hidden, scope);
  const input = { problems: scoped.shown, files: result.files, hidden: line ? { ...scoped.hidden, line } : undefined };
  process.stdout.write(formatReport(format as ReportFormat, input));
  if (format === 'github') writeGithubStepSummary(input);
  if (scope.kind === 'participant') {
    const progress = participantProgress(result.records, scope.id, process.env);
    if (progress && progress !== 'unknown') {
      if (format === 'json') process.stderr.write(progress.text);
      else if (format === 'markdown') process.stdout.write(`\n${progress.markdown}`);
      else process.stdout.write(`\n${progress.text}`);
      if (format === 'github' && process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], `\n${progress.markdown}`);
    }
  }
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

// a reader that stops early (npm run validate | head) is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `validate: internal error: ${message.split('\n')[0]}. This is a bug in the validator, not a problem in your content; please report it with the command you ran.\n`,
  );
  process.exitCode = 3;
}
