/**
 * How `npm run build` schedules its steps (scripts/lib/build-pipeline.ts): in order, after what
 * they wait on, two at a time on two cores, never more memory than the budget at once, and the
 * first failure stops the build.
 */
import { describe, expect, it } from 'vitest';
import { astroEstimateMb, finishEstimateMb, MEMORY_BUDGET_MB, runTasks, startable, type Task } from '../../../scripts/lib/build-pipeline.ts';

const task = (name: string, estimateMb: number, after: string[] = [], run: () => Promise<void> = async () => {}): Task => ({ name, estimateMb, after, run });

describe('which steps may start', () => {
  const options = { budgetMb: 1000, concurrency: 2 };
  it('starts what fits the memory budget and the cores, in order', () => {
    expect(startable([task('a', 600), task('b', 300), task('c', 100)], [], new Set(), options).map((t) => t.name)).toEqual(['a', 'b']);
    expect(startable([task('b', 500)], [task('a', 600)], new Set(), options)).toEqual([]);
  });
  it('always starts one step, whatever its estimate, when nothing runs', () => {
    expect(startable([task('big', 5000), task('small', 10)], [], new Set(), options).map((t) => t.name)).toEqual(['big']);
  });
  it('waits for the steps a step depends on', () => {
    expect(startable([task('finish', 100, ['astro'])], [], new Set(), options)).toEqual([]);
    expect(startable([task('finish', 100, ['astro'])], [], new Set(['astro']), options).map((t) => t.name)).toEqual(['finish']);
  });
});

describe('running the steps', () => {
  it('never holds more than the budget at once, and runs steps side by side when they fit', async () => {
    let held = 0;
    let most = 0;
    let together = 0;
    const work = (mb: number) => async () => {
      held += mb;
      most = Math.max(most, held);
      together = Math.max(together, held > mb ? 2 : 1);
      await new Promise((r) => setTimeout(r, 5));
      held -= mb;
    };
    await runTasks(
      [task('astro a', 700, [], work(700)), task('finish a', 400, ['astro a'], work(400)), task('astro b', 700, ['astro a'], work(700)), task('finish b', 400, ['astro b'], work(400))],
      { budgetMb: 1200, concurrency: 2 },
    );
    expect(most).toBeLessThanOrEqual(1200);
    expect(together).toBe(2);
  });

  it('stops at the first failure', async () => {
    const ran: string[] = [];
    await expect(
      runTasks([task('a', 10, [], async () => void ran.push('a')), task('b', 10, ['a'], async () => Promise.reject(new Error('b broke'))), task('c', 10, ['b'], async () => void ran.push('c'))], {
        budgetMb: 100,
        concurrency: 1,
      }),
    ).rejects.toThrow('b broke');
    expect(ran).toEqual(['a']);
  });

  it('starts nothing more once stopped (as a failed cross-file check stops the build), and fails with the reason', async () => {
    const ran: string[] = [];
    const stop = new AbortController();
    const steps = [
      task('sign public', 10, [], async () => {
        ran.push('sign public');
        stop.abort(new Error('content has errors'));
        await new Promise((r) => setTimeout(r, 5));
      }),
      task('finish public', 10, ['sign public'], async () => void ran.push('finish public')),
      task('astro faculty', 10, ['sign public'], async () => void ran.push('astro faculty')),
    ];
    await expect(runTasks(steps, { budgetMb: 100, concurrency: 2, signal: stop.signal })).rejects.toThrow('content has errors');
    expect(ran).toEqual(['sign public']);
  });

  it('at cohort scale builds audiences one after the other; a small program indexes one while Astro builds the next', () => {
    expect(astroEstimateMb(3000) + finishEstimateMb(3000, 2)).toBeGreaterThan(MEMORY_BUDGET_MB);
    expect(astroEstimateMb(100) + finishEstimateMb(100, 2)).toBeLessThanOrEqual(MEMORY_BUDGET_MB);
  });
});
