/**
 * Reads the few content folders credentials are derived from, straight from content/ with the
 * safe YAML reader and each collection's schema: decisions, recipients, participants, cohorts,
 * the qualification framework (criteria titles), and the frontmatter of portfolio entries (to link
 * the entries a graduate made public). Frontmatter is parsed as data only: no Markdown, MDX or
 * other participant code runs here, which is why the signing step may use it.
 *
 * This is how faculty-only files become public facts without ever entering a public build's data
 * store: only src/lib/credentials/derive.ts sees what is read here, and it returns the derived
 * public fields. Problems are reported for decisions and recipients (the files only credentials
 * depend on); the other folders have their own loaders that report theirs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPath, collectionSpec, type CollectionName } from '../content-model.ts';
import type { Problem } from '../problems.ts';
import { checkSchema } from '../schema-problems.ts';
import { parseSource } from '../source-file.ts';
import type { CredentialSourceRecord } from '../validate/credential-references.ts';

export const CREDENTIAL_SOURCES = ['decisions', 'recipients', 'participants', 'cohorts', 'portfolios', 'framework'] as const satisfies readonly CollectionName[];
const REPORTED = new Set<string>(['decisions', 'recipients']);

export interface SourceRecord extends CredentialSourceRecord {
  valid: boolean;
}

function files(root: string, dir: string, depth: number): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => {
      const rel = `${dir}/${name}`;
      const stat = statSync(join(root, rel));
      if (stat.isDirectory()) return depth > 0 ? files(root, rel, depth - 1) : [];
      return stat.isFile() ? [rel] : [];
    });
}

export function readCredentialSources(root: string, options: { demo: boolean }): { records: SourceRecord[]; problems: Problem[] } {
  const records: SourceRecord[] = [];
  const problems: Problem[] = [];
  for (const name of CREDENTIAL_SOURCES) {
    const spec = collectionSpec(name);
    const dirs = [`content/${spec.folder}`, ...(options.demo ? [`content/demo/${spec.folder}`] : [])];
    for (const file of dirs.flatMap((d) => files(root, d, spec.depth))) {
      const where = classifyPath(file);
      if (!where || where.spec.name !== name) continue;
      const report = REPORTED.has(name);
      if (where.problem) {
        if (report) problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: where.problem });
        continue;
      }
      const source = parseSource(file, readFileSync(join(root, file), 'utf8'));
      if (source.problems.length) {
        if (report) problems.push(...source.problems);
        continue;
      }
      const check = checkSchema(spec.schema, source.data, file, source.locate, spec.what);
      if (report) problems.push(...check.problems);
      const valid = check.problems.length === 0;
      const data = (valid ? check.value : source.data) as Record<string, unknown> | undefined;
      records.push({ collection: name, id: where.id, file, data: data && typeof data === 'object' ? data : {}, demo: where.demo, valid, locate: source.locate });
    }
  }
  return { records, problems };
}
