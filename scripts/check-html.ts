/**
 * npm run check:html [-- PATH...]
 *
 * Checks built pages with the W3C Nu HTML checker (vnu-jar from npm, run with the machine's Java):
 * every .html file under each PATH (default: dist, every audience's site), in one Java process.
 * Prints one line per error, `path:line:col  error  message`, and a count.
 *
 * Exit status: 0 no error, 1 errors (or nothing to check), 2 wrong usage or no Java.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseCommand, usageError } from './lib/cli.ts';
import { findJava, formatProblems, htmlFilesUnder, parseVnuReport, vnuArguments } from '../src/lib/html-check.ts';

const USAGE = `Usage: npm run check:html [-- PATH...]

Checks every .html file under each PATH (default: dist, every built site) with the W3C Nu HTML
checker and prints one line per error: path:line:col  error  message.
Needs Java 11 or later (java on the PATH, or JAVA_HOME). Build the sites first (npm run build).

Exit status: 0 valid, 1 errors found, 2 wrong usage or no Java.`;

const COMMAND = { name: 'check:html', usage: USAGE };

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(COMMAND, argv, {}, true);
  if ('exit' in parsed) return parsed.exit ?? 0;
  const targets = parsed.positionals.length > 0 ? parsed.positionals : ['dist'];
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length) return usageError(COMMAND, `${missing.join(', ')} does not exist${targets.includes('dist') ? '; build the sites first with npm run build' : ''}`);
  const pages = htmlFilesUnder(targets);
  if (pages.length === 0) {
    process.stderr.write(`check:html: no .html file under ${targets.join(', ')}; build the sites first with npm run build\n`);
    return 1;
  }
  const java = findJava(process.env);
  if (!java) {
    process.stderr.write('check:html: the HTML checker needs Java 11 or later; install it (Debian: sudo apt-get install -y default-jre-headless) or set JAVA_HOME\n');
    return 2;
  }
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  process.stderr.write(`checking ${pages.length} pages under ${targets.join(', ')} with the Nu HTML checker… `);
  const started = performance.now();
  const child = spawn(java, vnuArguments(jar, targets), { stdio: ['ignore', 'pipe', 'pipe'] });
  let checked = 0;
  let shown = 0;
  // with --verbose the checker names each file on stdout as it goes: show progress every 10%
  createInterface({ input: child.stdout }).on('line', () => {
    checked++;
    const tenth = Math.floor((checked / pages.length) * 10);
    if (tenth > shown && tenth < 10) {
      shown = tenth;
      process.stderr.write(`${tenth * 10}% `);
    }
  });
  let report = '';
  child.stderr.on('data', (chunk: Buffer) => {
    report += chunk.toString();
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  let problems;
  try {
    problems = parseVnuReport(report, process.cwd());
  } catch (error) {
    process.stderr.write(`check:html: ${(error as Error).message}\n`);
    return 1;
  }
  if (problems.length > 0) {
    process.stdout.write(`${formatProblems(problems)}\n`);
    const files = new Set(problems.map((p) => p.file)).size;
    process.stdout.write(`\n${problems.length} error${problems.length === 1 ? '' : 's'} in ${files} of ${pages.length} pages.\n`);
    return 1;
  }
  if (code !== 0) {
    process.stderr.write(`check:html: the checker stopped with status ${code} without reporting an error:\n${report.trim().slice(0, 2000)}\n`);
    return 1;
  }
  process.stdout.write(`${pages.length} pages checked: no HTML errors.\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
