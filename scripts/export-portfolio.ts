/**
 * npm run export:portfolio -- --participant ID [--out FILE]
 *
 * Writes one participant's portfolio as a zip archive that opens on any machine (unzip, open
 * index.html): their entries rendered as offline HTML, the original files with attachments, their
 * evidence against the criteria, and the faculty's decision once it is released. Nothing of
 * another participant and no assessment. See src/lib/export-portfolio/archive.ts.
 *
 * Exit status: 0 written, 1 unknown participant or a portfolio with problems, 2 wrong usage.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildInstantFromEnv } from '../src/lib/build-date.ts';
import { parseCommand, requireContentFolder, usageError } from './lib/cli.ts';
import { exportPortfolio, ExportError } from '../src/lib/export-portfolio/archive.ts';
import { credentialPath } from '../src/lib/credentials/credential.ts';
import { publicSite, publicUrl } from '../src/lib/credentials/issuer.ts';
import { readSettings } from '../src/lib/settings.ts';

const USAGE = `Usage: npm run export:portfolio -- --participant ID [--out FILE]

Writes one participant's portfolio as a zip archive: unzip it and open index.html.
  --participant ID   the participant, the name of their file in content/participants/ without .yaml
  --out FILE         where to write (default portfolio-ID.zip in the current folder)

Exit status: 0 written, 1 unknown participant or problems in the portfolio, 2 wrong usage.`;

const COMMAND = { name: 'export:portfolio', usage: USAGE };

function fail(message: string, status: number, usage = false): number {
  if (usage) return usageError(COMMAND, message);
  process.stderr.write(`export:portfolio: ${message}\n`);
  return status;
}

function main(argv: readonly string[]): number {
  const parsed = parseCommand(COMMAND, argv, { participant: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' } });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const participant = values.participant;
  if (participant === undefined || participant === '') return fail('--participant is required, for example --participant maria-lopez', 2, true);
  const root = process.cwd();
  const noContent = requireContentFolder(COMMAND, root);
  if (noContent !== undefined) return noContent;

  const settings = readSettings(root);
  const site = publicSite(process.env, settings);
  const out = resolve(root, values.out ?? `portfolio-${participant}.zip`);
  process.stderr.write(`export:portfolio: reading content/ …\n`);
  try {
    const result = exportPortfolio(root, participant, {
      demo: settings.demo,
      asOf: buildInstantFromEnv(process.env),
      verifyUrl: (id) => publicUrl(site, credentialPath(id)),
      onProgress: (done, total, what) => process.stderr.write(`export:portfolio: [${done}/${total}] ${what}\n`),
    });
    writeFileSync(out, result.zip);
    const n = result.portfolio.entries.length;
    process.stderr.write(
      `export:portfolio: wrote ${values.out ?? `portfolio-${participant}.zip`}: ${n} entr${n === 1 ? 'y' : 'ies'}, ${result.files.length} files${result.portfolio.decision ? ', with the released decision' : ''} (${Math.ceil(result.zip.length / 1024)} KB). Unzip it and open portfolio-${participant}/index.html.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportError) return fail(error.message, 1);
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
