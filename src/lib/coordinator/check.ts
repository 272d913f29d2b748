/**
 * How a coordinator's form checks the file it wrote, in the browser, as `npm run validate` would:
 * the file's path, YAML and schema (the validator's own per-file check), then the validator's
 * cross-file rules run over the file and the records of the build it was opened from (the
 * "context"), keeping only what they say about this file.
 *
 * Pure: runs in the browser and in the tests.
 */
import type { CollectionName } from '../content-model.ts';
import { sortProblems, type Problem } from '../problems.ts';
import { checkCollectionFile, type ContentRecord } from '../validate/check-file.ts';
import { checkAssessmentReferences } from '../validate/assessment-references.ts';
import { checkCredentialReferences } from '../validate/credential-references.ts';
import { checkReferences } from '../validate/references.ts';
import { gateSource, type MarkdownParsers } from '../gate/index.ts';

/** A file of the build, reduced to what the cross-file rules read (see src/data/coordinator.ts). */
export interface ContextRecord {
  collection: CollectionName;
  id: string;
  file: string;
  demo: boolean;
  data: Record<string, unknown>;
}

const TOP = { line: 1, column: 1 };

/** The forms write YAML only, which the gate reads without a Markdown parser. */
const NO_BODY: MarkdownParsers = {
  markdown: () => {
    throw new Error('1:1: the forms write YAML files only');
  },
  mdx: () => {
    throw new Error('1:1: the forms write YAML files only');
  },
  html: () => [],
};

/** The problems `npm run validate` would report in this file, were it added to (or replaced in) the context. */
export function checkFormFile(path: string, text: string, context: readonly ContextRecord[]): Problem[] {
  // the safety gate too, as `npm run validate` runs it: a value carrying a build marker is refused there
  const own = checkCollectionFile(path, text, (file, contents, components) => gateSource(file, contents, components, NO_BODY));
  if (!own.record) {
    if (own.problems.length === 0) {
      return [{ file: path, line: 1, column: 1, severity: 'error', rule: 'file-name', message: 'this is not the path of a content file; the form should never write one (please tell the maintainers)' }];
    }
    return sortProblems(own.problems);
  }
  const records: ContentRecord[] = context.filter((r) => r.file !== path).map((r) => ({ ...r, valid: true, locate: () => TOP }));
  records.push(own.record);
  const cross = [...checkReferences(records), ...checkAssessmentReferences(records), ...checkCredentialReferences(records)].filter((p) => p.file === path);
  return sortProblems([...own.problems, ...cross]);
}

/**
 * The fields of each collection that the cross-file rules read about *other* files. The forms'
 * pages carry only these (a page stays small, and a faculty page never carries a recipient's
 * address); tests/unit/coordinator/check.test.ts proves the browser check then says exactly what
 * `npm run validate` says about every file the forms write.
 */
const CONTEXT_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  cohorts: ['title', 'start', 'end'],
  modules: ['number'],
  sessions: ['kind', 'start', 'end', 'durationMinutes', 'timeZone', 'module'],
  faculty: ['role', 'assessor', 'gitHandle'],
  sites: [],
  participants: ['cohort', 'site', 'buddies', 'gitHandle', 'publicProfile', 'joined'],
  portfolios: ['type', 'stage', 'date'],
  framework: [],
  approvals: ['date'],
  assessments: ['assessor'],
  decisions: ['outcome', 'date', 'certificateId', 'released', 'revoked'],
  resources: [],
  recipients: [],
};

/** A file of the build as the forms' checks need it, or undefined for collections they never read. */
export function contextRecord(collection: CollectionName, id: string, file: string, demo: boolean, data: Record<string, unknown>): ContextRecord | undefined {
  const fields = CONTEXT_FIELDS[collection];
  if (!fields) return undefined;
  const slim: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) slim[field] = data[field];
  return { collection, id, file, demo, data: slim };
}
