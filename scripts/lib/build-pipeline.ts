/**
 * How `npm run build` uses both cores without going over its memory budget: the steps of all the
 * audience builds are tasks with an estimate of the memory they hold at their peak, started in
 * order as soon as what they depend on is done, as long as the estimates of the tasks running
 * together stay within the budget (one task always runs, whatever its estimate).
 *
 * The estimates are measured at cohort scale on the project's machine (npm run bench): an Astro
 * build of N portfolio entries holds about 400 MB plus 0.33 MB per entry at its peak (about
 * 1.1 GB, peaks of 1.4 GB, at 3,000 entries); a Pagefind service about 120 MB plus 0.35 MB per
 * page of the shard it writes. So at cohort scale the audiences' Astro builds run one after the
 * other, each followed by search indexing on both cores; in a small program (the demo) one
 * audience is indexed and compressed while Astro builds the next. (Two Astro builds never run at
 * once: they share the project's .astro/ folder.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SHARD_PAGES } from '../../src/lib/search-index.ts';

/** What the build may hold at once, with headroom below the 1.5 GB limit for the parent process and the measurement's jitter. */
export const MEMORY_BUDGET_MB = 1300;

export function astroEstimateMb(entries: number): number {
  return Math.round(400 + 0.33 * entries);
}

/** Search indexing with `workers` Pagefind services, each writing shards of at most MAX_SHARD_PAGES pages, and compression. */
export function finishEstimateMb(entries: number, workers: number): number {
  return Math.round(100 + workers * (120 + 0.35 * Math.min(entries, MAX_SHARD_PAGES)));
}

/** The number of portfolio entries a build may include (all of them: the faculty build's). */
export function countEntries(root: string, demo: boolean): number {
  const dirs = ['content/portfolios', ...(demo ? ['content/demo/portfolios'] : [])].map((d) => join(root, d));
  let n = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const participant of readdirSync(dir, { withFileTypes: true })) {
      if (!participant.isDirectory()) continue;
      n += readdirSync(join(dir, participant.name)).filter((f) => /\.mdx?$/.test(f)).length;
    }
  }
  return n;
}

export interface Task {
  name: string;
  estimateMb: number;
  /** Names of tasks that must finish first. */
  after: readonly string[];
  run: () => Promise<void>;
}

export interface ScheduleOptions {
  budgetMb: number;
  /** At most this many tasks at once (the number of cores). */
  concurrency: number;
  onStart?: (task: Task, running: readonly Task[]) => void;
  /** Once aborted, no further step starts (the ones running finish) and the run fails with the reason. */
  signal?: AbortSignal;
}

/** The tasks that may start now, in order, given what is running and what is done. */
export function startable(pending: readonly Task[], running: readonly Task[], done: ReadonlySet<string>, options: Pick<ScheduleOptions, 'budgetMb' | 'concurrency'>): Task[] {
  const started: Task[] = [];
  let held = running.reduce((n, t) => n + t.estimateMb, 0);
  let count = running.length;
  for (const task of pending) {
    if (count >= options.concurrency) break;
    if (!task.after.every((name) => done.has(name))) continue;
    if (count > 0 && held + task.estimateMb > options.budgetMb) continue;
    started.push(task);
    held += task.estimateMb;
    count++;
  }
  return started;
}

/** Runs every task; rejects with the first failure (tasks already running are left to the caller to stop). */
export async function runTasks(tasks: readonly Task[], options: ScheduleOptions): Promise<void> {
  const pending = [...tasks];
  const running: Task[] = [];
  const done = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const pump = () => {
      if (failed) return;
      if (options.signal?.aborted) {
        failed = true;
        return reject(options.signal.reason instanceof Error ? options.signal.reason : new Error('the build was stopped'));
      }
      if (pending.length === 0 && running.length === 0) return resolve();
      const next = startable(pending, running, done, options);
      if (next.length === 0 && running.length === 0) return reject(new Error(`tasks wait on something that never runs: ${pending.map((t) => t.name).join(', ')}`));
      for (const task of next) {
        pending.splice(pending.indexOf(task), 1);
        running.push(task);
        options.onStart?.(task, running);
        task.run().then(
          () => {
            running.splice(running.indexOf(task), 1);
            done.add(task.name);
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    };
    pump();
  });
}
