/**
 * npm run sync [-- --force]
 * npm run sync -- --from-dir DIR --folder portfolios/<participant>
 *
 * Composes content/ from the repositories listed in content/sources.yaml (split repositories):
 * fetches each one (shallow, at its branch or pinned commit), copies only its content files into
 * its folders, and records each source's commit in content/.sources-lock.json. Without a sources
 * file it says so and exits 0 (single-repository mode).
 *
 * --from-dir copies a folder on disk into one content folder with the same rules (the portfolio
 * check of a portfolio repository's pull request uses it).
 *
 * Exit status: 0 synced (or nothing to sync), 1 a source failed or was refused (content/ unchanged), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { syncFromDirectory, syncSources } from '../src/lib/sync/sync.ts';

const USAGE = `Usage: npm run sync [-- --force]
       npm run sync -- --from-dir DIR --folder portfolios/<participant>

Fetches every repository listed in content/sources.yaml and copies its content into its folders.
  --force           replace files in a listed folder even if no earlier sync put them there
  --from-dir DIR    copy a folder on disk instead (same rules), into --folder
  --folder FOLDER   the content folder --from-dir fills, e.g. portfolios/maria-lopez

Tokens come from the environment variables the sources file names (tokenVariable), never from the file.`;

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        force: { type: 'boolean', default: false },
        'from-dir': { type: 'string' },
        folder: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`sync: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = process.cwd();
  if ((values['from-dir'] === undefined) !== (values.folder === undefined)) {
    process.stderr.write(`sync: --from-dir and --folder go together\n\n${USAGE}\n`);
    return 2;
  }
  const result =
    values['from-dir'] !== undefined && values.folder !== undefined
      ? syncFromDirectory(root, values['from-dir'], values.folder)
      : syncSources(root, { force: values.force, log: (m) => process.stderr.write(`${m}\n`) });
  const out = result.status === 0 ? process.stdout : process.stderr;
  for (const line of result.lines) out.write(`${line}\n`);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  return result.status;
}

process.exitCode = main(process.argv.slice(2));
