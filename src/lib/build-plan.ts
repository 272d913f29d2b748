/** Which audience sites a full build makes: public, one per cohort, faculty. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Audience } from './audience.ts';

export function cohortIds(root: string, demo: boolean): string[] {
  const dirs = [join(root, 'content/cohorts'), ...(demo ? [join(root, 'content/demo/cohorts')] : [])];
  return dirs
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : []))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

export function buildPlan(root: string, demo: boolean, only?: { kind: Audience['kind']; cohort?: string | undefined }): Audience[] {
  const cohorts = cohortIds(root, demo);
  const all: Audience[] = [{ kind: 'public' }, ...cohorts.map((cohort) => ({ kind: 'cohort' as const, cohort })), { kind: 'faculty' }];
  if (!only) return all;
  return all.filter((a) => a.kind === only.kind && (a.kind !== 'cohort' || !only.cohort || a.cohort === only.cohort));
}
