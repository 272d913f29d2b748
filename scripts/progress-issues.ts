/**
 * node scripts/progress-issues.ts --list
 *
 * For the faculty records repository's progress workflow (split-repository mode): prints one line
 * per participant whose portfolio lives in its own repository, `<participant>\t<owner/name>`, read
 * from content/sources.yaml. Each participant's progress goes to that repository only.
 */
import { readSources } from '../src/lib/sync/sources.ts';
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
for (const source of sources.sources) {
  const slug = /github\.com[/:]([^/]+\/[^/.]+)/.exec(source.repository)?.[1];
  for (const folder of source.folders) {
    const participant = /^portfolios\/([a-z0-9-]+)$/.exec(folder.folder)?.[1];
    if (participant && slug) process.stdout.write(`${participant}\t${slug}\n`);
  }
}
