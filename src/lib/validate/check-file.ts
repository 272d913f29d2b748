/**
 * One content file checked by itself: its path, its YAML or frontmatter, the safety gate when one
 * is given, and its collection's schema. Pure (no file system), so the validator, the build's
 * pre-check and the forms in the browser check a file with the same code.
 */
import type { z } from 'zod';
import { classifyPath, type CollectionName, type FileKind } from '../content-model.ts';
import type { ComponentSpec } from '../gate/allowlists.ts';
import type { LocalImage } from '../gate/check-body.ts';
import { problem, type Problem } from '../problems.ts';
import { checkSchema } from '../schema-problems.ts';
import { parseSource, type ParsedSource, type PathSegment, type Position } from '../source-file.ts';
import { fieldMeta } from '../../schemas/common.ts';

/** One content file that could be read: what the reference checks work on. */
export interface ContentRecord {
  collection: CollectionName;
  /** Id within the collection, e.g. `maria-lopez` or `2020-2021/module-1-workshop`. */
  id: string;
  /** Path relative to the project root, forward slashes, e.g. `content/participants/maria-lopez.yaml`. */
  file: string;
  /**
   * The frontmatter or YAML data: the schema's output (defaults filled in) when `valid`, otherwise
   * the data as written (an empty object when it is not a mapping). Read it defensively.
   */
  data: Record<string, unknown>;
  /** Did the data pass the collection's schema? */
  valid: boolean;
  /** Does the file live under content/demo/? */
  demo: boolean;
  /** Where the value at a path is written in the file. */
  locate: (path: readonly PathSegment[]) => Position;
}

/** The safety gate for a file's body (the node or the browser one), which also parses the file. */
export type FileGate = (file: string, text: string, components: Record<string, ComponentSpec>) => { source: ParsedSource; problems: Problem[]; images?: LocalImage[] | undefined };

/** "title: Systems Awareness": the first field of a schema with its example, for messages. */
function exampleLine(schema: z.ZodType): string {
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def['type'] === 'union') {
    const first = (def['options'] as z.ZodType[] | undefined)?.[0];
    if (first) def = (first as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  }
  const shape = def['type'] === 'object' ? (def['shape'] as Record<string, z.ZodType>) : {};
  const [name, field] = Object.entries(shape)[0] ?? [];
  if (!name || !field) return 'title: My title';
  const fieldDef = (field as unknown as { _zod: { def: { type: string; values?: unknown[] } } })._zod.def;
  const value = fieldDef.type === 'literal' ? String(fieldDef.values?.[0]) : (fieldMeta(field)?.example ?? '...');
  return `${name}: ${value}`;
}

function asObject(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** YAML problems leave no data to check; checking the schema then would only add noise. */
function unreadable(source: ParsedSource): boolean {
  return source.data === undefined && source.problems.length > 0;
}

/**
 * Check a file of a content collection: its name, then (through `gate`, or by parsing the
 * frontmatter only when there is none) its YAML, then the collection's schema. Returns the record
 * the cross-file checks work on, unless the path itself is wrong.
 */
export function checkCollectionFile(
  file: string,
  text: string,
  gate?: FileGate,
): { problems: Problem[]; record?: ContentRecord; images?: LocalImage[] | undefined } {
  const where = classifyPath(file);
  const problems: Problem[] = [];
  let images: LocalImage[] | undefined;
  if (!where) return { problems };
  if (where.problem) problems.push(problem(file, 1, 1, 'file-name', where.problem));
  let source: ParsedSource;
  if (gate === undefined) {
    source = parseSource(file, text);
    problems.push(...source.problems);
  } else {
    const gated = gate(file, text, where.spec.components);
    source = gated.source;
    problems.push(...gated.problems);
    images = gated.images;
  }
  if (unreadable(source) || problems.some((p) => p.rule === 'file-size' || p.rule === 'file-kind')) return { problems, images };
  // the schema still says something useful about a misplaced file, as long as it is of the collection's kind
  if (!(where.spec.kinds as readonly FileKind[]).includes(where.kind)) return { problems, images };
  if (source.data !== null && source.data !== undefined && (typeof source.data !== 'object' || Array.isArray(source.data))) {
    const got = Array.isArray(source.data) ? 'a list' : `the ${typeof source.data === 'string' ? 'text' : 'value'} ${JSON.stringify(source.data).slice(0, 40)}`;
    const pos = source.locate([]);
    problems.push(
      problem(
        file,
        pos.line,
        pos.column,
        'schema',
        `${where.kind === 'yaml' ? 'this file' : 'the frontmatter'} must hold fields, one per line, written as name: value (for example ${exampleLine(where.spec.schema)}); it holds ${got} instead`,
      ),
    );
    return { problems, images };
  }
  const check = checkSchema(where.spec.schema, source.data, file, source.locate, where.spec.what);
  problems.push(...check.problems);
  const bodyProblem = check.value !== undefined ? where.spec.bodyRule?.(asObject(check.value), source.body) : undefined;
  if (bodyProblem) problems.push(problem(file, source.bodyLine, 1, 'body', bodyProblem));
  if (where.problem) return { problems, images };
  const valid = check.problems.length === 0 && check.value !== undefined;
  const record: ContentRecord = {
    collection: where.spec.name as CollectionName,
    id: where.id,
    file,
    data: valid ? asObject(check.value) : asObject(source.data),
    valid,
    demo: where.demo,
    locate: source.locate,
  };
  return { problems, record, images };
}
