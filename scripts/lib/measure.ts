/**
 * Run a command and measure it: wall-clock time, CPU time and peak memory.
 *
 * Peak memory is the largest sum of the resident set sizes (RSS) of the command's whole process
 * tree (the command, its children and theirs: Astro, Pagefind's binary, workers), sampled from
 * /proc every 100 ms. Where GNU time is installed (/usr/bin/time, Debian package `time`), the
 * command runs under it too, which adds the CPU time (user + system, of the whole tree) and the
 * largest RSS of any single process in it, measured by the kernel rather than sampled.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Measured {
  /** Exit status (1 when killed by a signal). */
  code: number;
  ms: number;
  /** User + system CPU time of the whole tree, from GNU time. */
  cpuMs?: number | undefined;
  /** Largest RSS sum of the process tree, sampled (KiB). */
  peakTreeKb: number;
  /** Largest RSS of any single process of the tree, from GNU time (KiB). */
  maxProcessKb?: number | undefined;
  stdout: string;
  stderr: string;
}

const PAGE_KB = 4; // Linux x86-64 and arm64 default page size, used for /proc/<pid>/statm

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name is in parentheses and may contain spaces: read after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function rssKb(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1] ?? 0) * PAGE_KB;
  } catch {
    return 0;
  }
}

/** Sum of the RSS of `root` and all its descendants (KiB); 0 where /proc is missing. */
export function treeRssKb(root: number): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(name);
    if (ppid === undefined) continue;
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  let total = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv | undefined;
  /** Sampling interval of the process tree's memory (default 100 ms). */
  sampleMs?: number | undefined;
  /** Called with each chunk of the command's stderr (to show progress). */
  onStderr?: ((text: string) => void) | undefined;
}

export function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measured> {
  const gnuTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'cert-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const [cmd, argv] = gnuTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      options.onStderr?.(text);
    });
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssKb(child.pid));
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      let cpuMs: number | undefined;
      let maxProcessKb: number | undefined;
      if (gnuTime && existsSync(timeFile)) {
        // the file may start with "Command exited with non-zero status N"
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [, user, sys, max] = last.split(' ').map(Number);
        if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuMs = Math.round((user + sys) * 1000);
        if (max !== undefined && Number.isFinite(max)) maxProcessKb = max;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code: code ?? 1, ms, cpuMs, peakTreeKb: Math.max(peak, maxProcessKb ?? 0), maxProcessKb, stdout, stderr });
    });
  });
}
