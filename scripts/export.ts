/**
 * npm run export -- --cohort ID [--out FILE] [--bom] [--as-of YYYY-MM-DD]
 *
 * Writes the evidence matrix of one cohort as CSV (see src/lib/export-csv.ts), to stdout or to
 * FILE. Reads content/ the way the validator does; files with problems are left out and counted
 * on stderr (run `npm run validate` to see them). Demo content is included when
 * content/settings.yaml says demo: true.
 *
 * Exit status: 0 written, 1 unknown cohort or unreadable content, 2 wrong usage.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, requireContentFolder, usageError } from './lib/cli.ts';
import { coverageInputFromContent, evaluateCoverage, PROGRAM_TIME_ZONE } from '../src/lib/coverage.ts';
import { matrixRows, toCsv, type ExportAssessment, type ExportDecision, type ExportParticipant } from '../src/lib/export-csv.ts';
import { readSettings } from '../src/lib/settings.ts';
import { endOfProgramDay } from '../src/lib/build-date.ts';
import { readContent } from '../src/lib/validate/read-content.ts';
import { explainIsoDate } from '../src/schemas/common.ts';

const USAGE = `Usage: npm run export -- --cohort ID [--out FILE] [--bom] [--as-of YYYY-MM-DD]

Writes the evidence matrix of one cohort as CSV: one row per participant, each criterion's
status and what is missing, each assessor's recommendation and the latest decision.
  --cohort ID          the cohort, e.g. 2020-2021 (required)
  --out FILE           write to FILE instead of the terminal
  --bom                start with a byte-order mark, for spreadsheet apps
  --as-of YYYY-MM-DD   evaluate as at the end of that day in ${PROGRAM_TIME_ZONE} (default: now)

Exit status: 0 written, 1 unknown cohort, 2 wrong usage.`;

const COMMAND = { name: 'export', usage: USAGE };

function fail(message: string, status: number, usage = false): number {
  if (usage) return usageError(COMMAND, message);
  process.stderr.write(`export: ${message}\n`);
  return status;
}

function main(argv: readonly string[]): number {
  const parsed = parseCommand(COMMAND, argv, {
    cohort: { type: 'string' },
    out: { type: 'string', short: 'o' },
    bom: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;

  let asOf = new Date();
  const asOfText = values['as-of'];
  if (asOfText !== undefined) {
    const problem = explainIsoDate(asOfText);
    if (problem) return fail(`--as-of: ${problem}`, 2, true);
    asOf = endOfProgramDay(asOfText);
  }

  const root = process.cwd();
  const noContent = requireContentFolder(COMMAND, root);
  if (noContent !== undefined) return noContent;
  const { demo } = readSettings(root);
  const read = readContent(root, { gate: false });
  const records = read.records.filter((r) => r.valid && (demo || !r.demo));
  const skipped = new Set(read.problems.filter((p) => p.severity === 'error').map((p) => p.file));

  const cohorts = records.filter((r) => r.collection === 'cohorts').map((r) => r.id).sort();
  const cohort = values.cohort;
  if (cohort === undefined) return fail(`--cohort is required; cohorts: ${cohorts.join(', ') || 'none'}`, 2, true);
  if (!cohorts.includes(cohort)) {
    return fail(`there is no cohort "${cohort}" (content/cohorts/${cohort}.yaml); cohorts: ${cohorts.join(', ') || 'none'}`, 1);
  }

  const coverage = evaluateCoverage(coverageInputFromContent(records, { cohort, asOf }));

  const sites = new Map(records.filter((r) => r.collection === 'sites').map((r) => [r.id, String(r.data['name'] ?? r.id)]));
  const participants: ExportParticipant[] = records
    .filter((r) => r.collection === 'participants' && r.data['cohort'] === cohort)
    .map((r) => {
      const site = String(r.data['site'] ?? '');
      return { id: r.id, name: String(r.data['name'] ?? ''), site: sites.get(site) ?? site };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const assessments: ExportAssessment[] = records
    .filter((r) => r.collection === 'assessments')
    .map((r) => ({ participant: r.id.split('/')[0] ?? '', assessor: String(r.data['assessor'] ?? ''), recommendation: String(r.data['recommendation'] ?? '') }));
  const decisions: ExportDecision[] = records
    .filter((r) => r.collection === 'decisions')
    .map((r) => ({
      participant: r.id.split('/')[0] ?? '',
      date: String(r.data['date'] ?? ''),
      outcome: String(r.data['outcome'] ?? ''),
      released: typeof r.data['released'] === 'string' ? r.data['released'] : undefined,
    }));

  const csv = toCsv(matrixRows({ coverage, participants, assessments, decisions }), { bom: values.bom });
  if (skipped.size > 0) {
    process.stderr.write(`export: ${skipped.size} file${skipped.size === 1 ? ' has' : 's have'} problems and ${skipped.size === 1 ? 'was' : 'were'} left out; run npm run validate to see them\n`);
  }
  if (values.out !== undefined) {
    const out = resolve(root, values.out);
    writeFileSync(out, csv, 'utf8');
    process.stderr.write(`export: wrote ${participants.length} participant${participants.length === 1 ? '' : 's'} of ${cohort} × ${coverage.criteria.length} criteria, as of ${coverage.asOf}, to ${values.out}\n`);
  } else {
    process.stdout.write(csv);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
