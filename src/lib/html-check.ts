/**
 * Checking built pages with the W3C Nu HTML checker (`vnu-jar`, run with the machine's Java): one
 * Java process for a whole site, its JSON report read back into one line per problem,
 * `path:line:col  error  message`, the way `npm run validate` reports content.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export interface HtmlProblem {
  /** Relative to the folder the check ran in, forward slashes. */
  file: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  /** The markup around the problem, as the checker quotes it. */
  extract?: string | undefined;
}

interface VnuMessage {
  type?: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message?: string;
  extract?: string;
}

/** The Nu checker's arguments: errors only, as JSON, every .html file under each target. */
export function vnuArguments(jar: string, targets: readonly string[]): string[] {
  return ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', '--verbose', ...targets];
}

/** The problems in the checker's JSON report (its stderr); `root` makes file paths relative. */
export function parseVnuReport(json: string, root: string): HtmlProblem[] {
  const start = json.indexOf('{');
  if (start < 0) throw new Error(`the HTML checker wrote no report:\n${json.trim().slice(0, 2000)}`);
  const report = JSON.parse(json.slice(start)) as { messages?: VnuMessage[] };
  return (report.messages ?? [])
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      let file = m.url ?? '';
      if (file.startsWith('file:')) file = relative(root, fileURLToPath(file)).split(sep).join('/');
      return {
        file,
        line: m.firstLine ?? m.lastLine,
        column: m.firstColumn,
        message: m.type === 'non-document-error' ? `could not be checked: ${m.message ?? ''}` : (m.message ?? ''),
        extract: m.extract,
      };
    });
}

/** One line per problem, `path:line:col  error  message`, with the quoted markup indented below. */
export function formatProblems(problems: readonly HtmlProblem[]): string {
  return problems
    .map((p) => {
      const where = `${p.file}:${p.line ?? 1}:${p.column ?? 1}`;
      const extract = p.extract ? `\n    ${p.extract.replace(/\s+/g, ' ').trim()}` : '';
      return `${where}  error  ${p.message}${extract}`;
    })
    .join('\n');
}

/** Every .html file under the targets (files or folders). */
export function htmlFilesUnder(targets: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (path.endsWith('.html')) out.push(path);
  };
  for (const t of targets) walk(t);
  return out;
}

/** The Java to run the checker with: JAVA_HOME's, else `java` on the PATH; undefined when there is none. */
export function findJava(env: Record<string, string | undefined>): string | undefined {
  const candidates = [env['JAVA_HOME'] ? join(env['JAVA_HOME'], 'bin', 'java') : undefined, 'java'].filter((c): c is string => c !== undefined);
  for (const java of candidates) {
    const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (probe.status === 0) return java;
  }
  return undefined;
}
