/**
 * npm run preview — builds if the sites are missing or older than the sources, then serves each
 * audience's site on its own local port (the cohort and faculty sites are separate sites, as in
 * production, where each has its own host name and sign-in).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { audienceLabel, audienceOutDir } from '../src/lib/audience.ts';
import { buildPlan } from '../src/lib/build-plan.ts';
import { readSettings } from '../src/lib/settings.ts';
import { serveSite } from '../src/lib/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const root = process.cwd();
const plan = buildPlan(root, readSettings(root).demo);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

const sources = Math.max(...['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'].map((p) => newestMtime(join(root, p))));
const stale = plan.some((a) => {
  const index = join(root, audienceOutDir(a), 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < sources;
});
if (stale) {
  console.log('The built sites are missing or older than the sources: building first (npm run build).');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// stable ports: public on --port, faculty on the next one, then one per cohort
const firstPort = Number(values.port);
const order = [...plan.filter((a) => a.kind !== 'cohort'), ...plan.filter((a) => a.kind === 'cohort')];
const lines: string[] = [];
for (const [i, audience] of order.entries()) {
  const site = await serveSite(join(root, audienceOutDir(audience)), firstPort + i, values.host);
  lines.push(`  ${audienceLabel(audience).padEnd(22)} ${site.url}`);
}
console.log(`\nServing ${plan.length} sites (Ctrl+C to stop):\n${lines.join('\n')}\n`);
console.log('Locally the cohort and faculty sites have no sign-in; see README "Deployment" for how they are protected in production.');
