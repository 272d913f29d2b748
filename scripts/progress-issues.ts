/**
 * node scripts/progress-issues.ts --list
 *
 * For the faculty records repository's progress workflow (split-repository mode): prints one line
 * per participant whose portfolio lives in its own GitHub repository, `<participant>\t<owner/name>`,
 * read from content/sources.yaml. Each participant's progress goes to that repository only.
 */
import { readSources } from '../src/lib/sync/sources.ts';
import { progressTargets } from '../src/lib/sync/progress-targets.ts';
import { formatProblem } from '../src/lib/problems.ts';

const sources = readSources(process.cwd());
if (!sources.present) {
  console.error('There is no content/sources.yaml: in single-repository mode progress is shown in each pull request check instead.');
  process.exit(0);
}
if (sources.problems.length) {
  console.error(sources.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
const { targets, skipped } = progressTargets(sources.sources);
for (const line of skipped) console.error(line);
for (const { participant, repository } of targets) process.stdout.write(`${participant}\t${repository}\n`);
