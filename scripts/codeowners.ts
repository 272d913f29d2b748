/**
 * npm run codeowners [-- --check]
 *
 * Writes .github/CODEOWNERS from the participant and faculty files, .github/maintainers.txt and
 * the permissions table (src/lib/scope/permissions.ts), in the project in the current folder.
 * With --check, writes nothing and fails when the file is out of date (CI runs this).
 *
 * Exit status: 0 written or up to date, 1 out of date (--check), 2 wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCommand, requireContentFolder } from './lib/cli.ts';
import { CODEOWNERS_FILE, codeownersDifference, generateCodeowners } from '../src/lib/scope/codeowners.ts';
import { peopleFromSources } from '../src/lib/scope/people.ts';
import { peopleSourcesOnDisk } from '../src/lib/scope/repository.ts';

const USAGE = `Usage: npm run codeowners [-- --check]

Writes ${CODEOWNERS_FILE} from the participant and faculty files and .github/maintainers.txt.
  --check   write nothing; exit 1 if ${CODEOWNERS_FILE} is out of date

Exit status: 0 written or up to date, 1 out of date, 2 wrong usage.`;

const SHOW_LINES = 20;

const COMMAND = { name: 'codeowners', usage: USAGE };

function main(argv: readonly string[]): number {
  const parsed = parseCommand(COMMAND, argv, { check: { type: 'boolean', default: false } });
  if ('exit' in parsed) return parsed.exit;
  const root = process.cwd();
  const noContent = requireContentFolder(COMMAND, root);
  if (noContent !== undefined) return noContent;

  const wanted = generateCodeowners(peopleFromSources(peopleSourcesOnDisk(root)));
  const file = join(root, CODEOWNERS_FILE);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;

  if (parsed.values.check) {
    if (current === wanted) {
      process.stdout.write(`✔ ${CODEOWNERS_FILE} is up to date\n`);
      return 0;
    }
    const lines = [
      current === undefined
        ? `✖ ${CODEOWNERS_FILE} is missing.`
        : `✖ ${CODEOWNERS_FILE} is out of date: it no longer matches the participant and faculty files or .github/maintainers.txt.`,
      `Run \`npm run codeowners\` and commit ${CODEOWNERS_FILE}. Do not edit it by hand.`,
    ];
    if (current !== undefined) {
      const { missing, extra } = codeownersDifference(current, wanted);
      const shown = [...missing.map((l) => `+ ${l}`), ...extra.map((l) => `- ${l}`)];
      if (shown.length > 0) lines.push('Lines to add (+) and remove (-):', ...shown.slice(0, SHOW_LINES));
      if (shown.length > SHOW_LINES) lines.push(`… and ${shown.length - SHOW_LINES} more`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 1;
  }

  if (current === wanted) {
    process.stdout.write(`✔ ${CODEOWNERS_FILE} is already up to date\n`);
    return 0;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, wanted);
  process.stdout.write(`✔ wrote ${CODEOWNERS_FILE}; commit it\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`codeowners: internal error: ${message.split('\n')[0]}. This is a bug; please report it with the command you ran.\n`);
  process.exitCode = 3;
}
