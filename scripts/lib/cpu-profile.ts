/**
 * node scripts/lib/cpu-profile.ts DIR|FILE... [--top N]
 *
 * Summarises V8 CPU profiles (.cpuprofile, written by node --cpu-prof) by self time: the functions
 * the process spent its own time in, with their file and line, largest first, and the same totals
 * per file (package). Used to find what is slow or quadratic in a build:
 *
 *   NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" node scripts/build.ts --audience faculty
 *   node scripts/lib/cpu-profile.ts /tmp/prof
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
}

/** Self time per function (and per file), from the samples and their time deltas. */
export function summarise(profile: Profile): { total: number; functions: SelfTime[]; files: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    // a sample's time is the delta to the next sample
    const dt = (deltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const fn = new Map<string, SelfTime>();
  const file = new Map<string, SelfTime>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/');
    const where = url ? `${short}:${lineNumber + 1}` : '(native)';
    const name = functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const f = fn.get(key) ?? { name, where, ms: 0 };
    f.ms += ms;
    fn.set(key, f);
    const pkg = short.startsWith('node_modules/') ? short.split('/').slice(0, short.split('/')[1]?.startsWith('@') ? 3 : 2).join('/') : short || name;
    const g = file.get(pkg) ?? { name: pkg, where: '', ms: 0 };
    g.ms += ms;
    file.set(pkg, g);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return { total, functions: [...fn.values()].sort((a, b) => b.ms - a.ms), files: [...file.values()].sort((a, b) => b.ms - a.ms) };
}

function profilesIn(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(p, f))
      : [p],
  );
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  const top = Number(values.top);
  for (const path of profilesIn(positionals)) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
    const { total, functions, files } = summarise(profile);
    console.log(`\n${basename(path)}: ${(total / 1000).toFixed(1)} s profiled`);
    console.log('  self time by function:');
    for (const f of functions.slice(0, top)) console.log(`  ${f.ms.toFixed(0).padStart(8)} ms  ${((f.ms / total) * 100).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`);
    console.log('  self time by file or package:');
    for (const f of files.slice(0, Math.min(top, 15))) console.log(`  ${f.ms.toFixed(0).padStart(8)} ms  ${((f.ms / total) * 100).toFixed(1).padStart(5)}%  ${f.name}`);
  }
}
