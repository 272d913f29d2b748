/**
 * Facts for the faculty-only "about this build" page: where the content came from (one
 * repository, or the sources and commits recorded by the last sync) and which commit of the
 * program's code built it.
 */
import { execFileSync } from 'node:child_process';
import { syncState, type SourcesLock } from '../lib/sync/lock.ts';
import { buildClock } from '../lib/build-date.ts';

export interface AboutBuild {
  mode: 'single' | 'split';
  lock?: SourcesLock | undefined;
  /** Commit of the program repository the build ran from, when it is a git checkout. */
  programCommit?: string | undefined;
  builtAt: string;
}

function programCommit(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export function aboutBuild(root: string = process.cwd(), now: Date = buildClock(process.env)): AboutBuild {
  const state = syncState(root);
  if (state.mode === 'unsynced') throw new Error(state.message);
  return { mode: state.mode, lock: state.mode === 'split' ? state.lock : undefined, programCommit: programCommit(root), builtAt: now.toISOString() };
}
