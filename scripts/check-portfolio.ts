/**
 * node scripts/check-portfolio.ts --folder portfolios/<participant> [--without-cohort-records] [--format text|github|json]
 *
 * The check a portfolio repository's pull request gets (.github/workflows/portfolio-validate.yml):
 * the program's validator on one portfolio folder, after `npm run sync -- --from-dir` has put the
 * pull request's files there as data. A portfolio repository cannot read the cohort's records
 * (participants, sessions), so with --without-cohort-records the references to them are reported
 * as warnings: the program's build checks them again with every record.
 *
 * Exit status: 0 no errors, 1 errors, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { validateContent } from '../src/lib/validate/index.ts';
import { formatReport, REPORT_FORMATS, writeGithubStepSummary, type ReportFormat } from '../src/lib/validate/report.ts';
import { folderProblem } from '../src/schemas/sources.ts';

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { folder: { type: 'string' }, 'without-cohort-records': { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
    }));
  } catch (error) {
    process.stderr.write(`check-portfolio: ${(error as Error).message}\n`);
    return 2;
  }
  const folder = values.folder ?? '';
  const why = folderProblem(folder);
  if (why || !folder.startsWith('portfolios/')) {
    process.stderr.write(`check-portfolio: --folder must be portfolios/<participant id>${why ? `: ${why}` : ''}\n`);
    return 2;
  }
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    process.stderr.write(`check-portfolio: --format must be text, github or json; got ${values.format}\n`);
    return 2;
  }
  const result = validateContent(process.cwd(), { paths: [`content/${folder}`] });
  const problems = values['without-cohort-records']
    ? result.problems.map((p) =>
        p.rule === 'reference'
          ? { ...p, severity: 'warning' as const, message: `${p.message} (not checked here: this check cannot read the cohort's records; the program's build checks it again)` }
          : p,
      )
    : result.problems;
  const input = { problems, files: result.files };
  process.stdout.write(formatReport(values.format as ReportFormat, input));
  if (values.format === 'github') writeGithubStepSummary(input);
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
