/**
 * Serves each built audience site on its own loopback port for the browser tests, building first
 * when a site is missing. Test files receive the URLs through `inject('sites')`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { audienceOutDir } from '../../../src/lib/audience.ts';
import { buildPlan } from '../../../src/lib/build-plan.ts';
import { readSettings } from '../../../src/lib/settings.ts';
import { serveSite, type RunningSite } from '../../../src/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, string>;
  }
}

const running: RunningSite[] = [];

export async function setup(project: TestProject): Promise<void> {
  const root = process.cwd();
  const plan = buildPlan(root, readSettings(root).demo);
  if (plan.some((a) => !existsSync(join(root, audienceOutDir(a), 'index.html')))) {
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed; the browser tests need the built sites');
  }
  const sites: Record<string, string> = {};
  for (const audience of plan) {
    const site = await serveSite(join(root, audienceOutDir(audience)));
    running.push(site);
    sites[audience.kind === 'cohort' ? `cohort:${audience.cohort}` : audience.kind] = site.url;
  }
  project.provide('sites', sites);
}

export async function teardown(): Promise<void> {
  await Promise.all(running.map((s) => s.close()));
}
