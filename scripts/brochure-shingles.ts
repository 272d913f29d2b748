/**
 * npm exec -- node scripts/brochure-shingles.ts BROCHURE.txt [--out FILE]
 *
 * Writes the brochure's fingerprint: SHA-256 hashes of every run of eight words of the program
 * brochure's text, and of each of its sentences, grouped by the brochure's sections
 * (BROCHURE_SECTIONS in src/schemas/framework.ts). Tests use it to find brochure sentences copied
 * onto a page and to check the sentences framework sources quote, on machines that do not have the
 * brochure. The brochure itself never enters the repository; run this again when it changes.
 *
 * Exit status: 0 written, 1 the file is not the brochure (a section heading is missing), 2 wrong usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, usageError } from './lib/cli.ts';
import { fingerprintBrochure } from '../src/lib/own-words.ts';
import { BROCHURE_SECTIONS } from '../src/schemas/framework.ts';

const DEFAULT_OUT = 'tests/fixtures/brochure-shingles.json';

const USAGE = `Usage: npm exec -- node scripts/brochure-shingles.ts BROCHURE.txt [--out FILE]

Writes the hashes of the brochure's eight-word runs and sentences (never its text).
  BROCHURE.txt   the program brochure as a UTF-8 text file
  --out FILE     where to write (default ${DEFAULT_OUT})

Exit status: 0 written, 1 the file is not the brochure, 2 wrong usage.`;

const COMMAND = { name: 'brochure-shingles', usage: USAGE };

const ABOUT =
  'Fingerprint of the program brochure, made by scripts/brochure-shingles.ts: SHA-256 of each run of eight normalised words (by the section it starts in) and of each sentence. Hashes only; the brochure is not in the repository.';

function main(argv: readonly string[]): number {
  const parsed = parseCommand(COMMAND, argv, { out: { type: 'string', default: DEFAULT_OUT } }, true);
  if ('exit' in parsed) return parsed.exit;
  const [path, ...extra] = parsed.positionals;
  if (path === undefined) return usageError(COMMAND, 'name the brochure text file');
  if (extra.length > 0) return usageError(COMMAND, `one brochure file only; also given: ${extra.join(' ')}`);
  if (!existsSync(path)) return usageError(COMMAND, `${path} does not exist`);

  let fingerprint;
  try {
    fingerprint = fingerprintBrochure(readFileSync(path, 'utf8'), BROCHURE_SECTIONS, ABOUT);
  } catch (error) {
    process.stderr.write(`brochure-shingles: ${path}: ${(error as Error).message}\n`);
    return 1;
  }
  const out = resolve(parsed.values.out);
  writeFileSync(out, `${JSON.stringify(fingerprint, null, 1)}\n`);
  const counts = fingerprint.sections.map((s) => `${s.name}: ${s.shingles.length} runs, ${s.sentences.length} sentences`);
  process.stdout.write(`Wrote ${out}\n${counts.map((c) => `  ${c}`).join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
