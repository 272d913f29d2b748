/**
 * Reads the few content folders credentials are derived from, straight from content/ with the
 * safe YAML reader and each collection's schema: decisions, recipients, participants, cohorts,
 * the qualification framework (criteria titles), and the frontmatter of portfolio entries (to link
 * the entries a graduate made public). Frontmatter is parsed as data only: no Markdown, MDX or
 * other participant code runs here, which is why the signing step may use it. Only the portfolios
 * of participants who have a decision folder are read: no one else can hold a credential, and
 * reading every entry would make each build parse the whole cohort's frontmatter a second time.
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

/** Sub-folders of a content folder (participants with decisions), per content root. */
function subfolders(root: string, dir: string): string[] {
  const abs = join(root, dir);
  return existsSync(abs) ? readdirSync(abs).filter((name) => statSync(join(abs, name)).isDirectory()).sort() : [];
}

/** Every file credentials are derived from, with the collection it is read as (paths relative to `root`). */
export function credentialSourceFiles(root: string, options: { demo: boolean }): { name: CollectionName; file: string }[] {
  const contentRoots = ['content', ...(options.demo ? ['content/demo'] : [])];
  return CREDENTIAL_SOURCES.flatMap((name) => {
    const spec = collectionSpec(name);
    const dirs =
      name === 'portfolios'
        ? contentRoots.flatMap((r) => subfolders(root, `${r}/${collectionSpec('decisions').folder}`).map((participant) => `${r}/${spec.folder}/${participant}`))
        : contentRoots.map((r) => `${r}/${spec.folder}`);
    const depth = name === 'portfolios' ? spec.depth - 1 : spec.depth;
    return dirs.flatMap((d) => files(root, d, depth)).map((file) => ({ name, file }));
  });
}

export function readCredentialSources(root: string, options: { demo: boolean }): { records: SourceRecord[]; problems: Problem[] } {
  const records: SourceRecord[] = [];
  const problems: Problem[] = [];
  for (const { name, file } of credentialSourceFiles(root, options)) {
    const spec = collectionSpec(name);
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
  return { records, problems };
}
