/**
 * The cross-file check the build runs first: every file's schema and every reference, without
 * the body gate, which runs inside each audience build (once per file there).
 *
 * It runs in a process of its own (this file, run by node), while the first Astro build starts:
 * reading every file of a large cohort takes a few hundred megabytes, which a process gives back
 * when it exits and the build's own process would keep until the end.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validateContent } from '../../src/lib/validate/index.ts';
import { formatText } from '../../src/lib/validate/report.ts';

export interface Precheck {
  errors: number;
  text: string;
}

function check(root: string): Precheck {
  const result = validateContent(root, { gate: false });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { errors: errors.length, text: formatText({ problems: errors, files: result.files }).trimEnd() };
}

export function precheck(root: string): Promise<Precheck> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the cross-file check failed: ${stderr.trim() || `exit ${code}`}`));
      try {
        resolve(JSON.parse(stdout) as Precheck);
      } catch {
        reject(new Error(`the cross-file check answered something unexpected: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

if (import.meta.main) process.stdout.write(JSON.stringify(check(process.cwd())));
