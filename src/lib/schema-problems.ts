/**
 * Turns zod issues into problems an author can act on: the file, the line of the field, what was
 * expected, and an example taken from the field's own documentation in the schema.
 */
import { z } from 'zod';
import { fieldMeta } from '../schemas/common.ts';
import { problem, type Problem } from './problems.ts';
import { suggest } from './suggest.ts';
import type { PathSegment, Position } from './source-file.ts';

type AnySchema = z.ZodType;

function inner(schema: AnySchema): AnySchema | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def['type'] === 'optional' || def['type'] === 'default' || def['type'] === 'nullable' || def['type'] === 'prefault' || def['type'] === 'readonly') {
    return def['innerType'] as AnySchema;
  }
  if (def['type'] === 'pipe') return def['in'] as AnySchema;
  // a recursive schema (the parts of an `all` rule) documents its fields like any other
  if (def['type'] === 'lazy') return (def['getter'] as () => AnySchema)();
  return undefined;
}

function options(schema: AnySchema): AnySchema[] | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def['type'] === 'union' ? (def['options'] as AnySchema[]) : undefined;
}

function discriminatorOf(schema: AnySchema): string | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return typeof def['discriminator'] === 'string' ? def['discriminator'] : undefined;
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def['type'] === 'object' ? (def['shape'] as Record<string, AnySchema>) : undefined;
}

function elementOf(schema: AnySchema): AnySchema | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def['type'] === 'array' ? (def['element'] as AnySchema) : undefined;
}

/** Pick the union member that fits the data (by its discriminator, e.g. `type`, or the first object member). */
function pickOption(opts: AnySchema[], data: unknown, discriminator = 'type'): AnySchema | undefined {
  const objects = opts.filter((o) => shapeOf(o));
  if (data && typeof data === 'object' && discriminator in data) {
    const wanted = (data as Record<string, unknown>)[discriminator];
    const match = objects.find((o) => {
      const t = shapeOf(o)?.[discriminator];
      const def = t ? (t as unknown as { _zod: { def: { values?: unknown[] } } })._zod.def : undefined;
      return def?.values?.includes(wanted);
    });
    if (match) return match;
  }
  return objects[0];
}

/** The schema found at a path, with every wrapper on the way checked for documentation. */
export function describeAt(schema: AnySchema, path: readonly PathSegment[], data: unknown): { schema?: AnySchema; meta?: ReturnType<typeof fieldMeta> } {
  let current: AnySchema | undefined = schema;
  let value: unknown = data;
  let meta = undefined as ReturnType<typeof fieldMeta>;
  const settle = () => {
    while (current) {
      meta = fieldMeta(current) ?? meta;
      const opts = options(current);
      if (opts) {
        current = pickOption(opts, value, discriminatorOf(current));
        continue;
      }
      const next = inner(current);
      if (!next) break;
      current = next;
    }
  };
  settle();
  for (const segment of path) {
    meta = undefined;
    if (!current) break;
    const shape = shapeOf(current);
    if (shape && typeof segment === 'string') {
      current = shape[segment];
    } else {
      current = elementOf(current);
    }
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined;
    settle();
  }
  const out: { schema?: AnySchema; meta?: ReturnType<typeof fieldMeta> } = {};
  if (current) out.schema = current;
  if (meta) out.meta = meta;
  return out;
}

function fieldsOf(schema: AnySchema, path: readonly PathSegment[], data: unknown): string[] {
  const { schema: at } = describeAt(schema, path, data);
  const shape = at ? shapeOf(at) : undefined;
  return shape ? Object.keys(shape) : [];
}

export { suggest } from './suggest.ts';

function fieldName(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the file';
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const segment of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}

function literalValues(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = (schema as unknown as { _zod: { def: { type: string; values?: unknown[]; entries?: Record<string, unknown> } } })._zod.def;
  if (def.type === 'literal') return (def.values ?? []).map(String);
  if (def.type === 'enum') return Object.values(def.entries ?? {}).map(String);
  const next = inner(schema);
  return next ? literalValues(next) : [];
}

/** The values a field accepts, when it is an enum or the discriminator of a union. */
function allowedValues(schema: AnySchema, path: readonly PathSegment[], data: unknown, issue: z.core.$ZodIssue): string[] {
  if ('values' in issue && Array.isArray(issue.values)) return issue.values.map(String);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  let parent: AnySchema | undefined = schema;
  for (const segment of parentPath) {
    const found: AnySchema | undefined = parent ? describeAt(parent, [segment], valueAt(data, parentPath.slice(0, parentPath.indexOf(segment)))).schema : undefined;
    parent = found;
  }
  while (parent && !options(parent) && inner(parent)) parent = inner(parent);
  const opts = parent ? options(parent) : undefined;
  if (opts && typeof key === 'string') return opts.flatMap((o) => literalValues(shapeOf(o)?.[key]));
  const at = describeAt(schema, path, data).schema;
  return literalValues(at);
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, written [first, second]',
  object: 'a group of fields, each on its own indented line',
};

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the value' : 'the value'} ${String(value)}`;
}

const RESERVED = new Set(['slug', 'layout', 'permalink']);

export interface SchemaCheck<T> {
  value?: T;
  problems: Problem[];
}

/** Validate data against a schema; problems point at the line of the offending key. */
export function checkSchema<S extends AnySchema>(
  schema: S,
  data: unknown,
  file: string,
  locate: (path: readonly PathSegment[]) => Position,
  what = 'this file',
): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { value: result.data as z.output<S>, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number');
    if (issue.code === 'unrecognized_keys') {
      const allowed = fieldsOf(schema, path, data);
      for (const key of issue.keys) {
        const at = locate([...path, key]);
        if (RESERVED.has(key)) {
          problems.push(problem(file, at.line, at.column, 'reserved-key', `${key} is not allowed: ids and page addresses come from the file's path. Remove the ${key} line (rename the file to change its address)`));
          continue;
        }
        const close = suggest(key, allowed);
        const where = path.length ? ` in ${fieldName(path)}` : '';
        problems.push(
          problem(
            file,
            at.line,
            at.column,
            'unknown-field',
            `${key} is not a field${where} of ${what}${close ? `; did you mean ${close}?` : '.'} Allowed fields: ${allowed.join(', ')}`,
          ),
        );
      }
      continue;
    }
    const at = locate(path);
    const { meta } = describeAt(schema, path, data);
    const name = fieldName(path);
    // zod leaves the input out of issues, so "missing" is decided from the data itself
    const parent = valueAt(data, path.slice(0, -1));
    const last = path[path.length - 1];
    const missing =
      path.length > 0 &&
      issue.code !== 'custom' &&
      parent !== null &&
      typeof parent === 'object' &&
      !Array.isArray(parent) &&
      last !== undefined &&
      !Object.prototype.hasOwnProperty.call(parent, last);
    let message: string;
    if (missing && path.length > 0) {
      message = `${name} is missing${meta ? `: ${meta.description}` : ''}`;
      if (meta?.example) message += `. Add a line such as ${String(path[path.length - 1])}: ${meta.example}`;
    } else {
      const base =
        issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
          ? `${String(path[path.length - 1] ?? 'the value')} should be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, not ${describeValue(valueAt(data, path))}`
          : issue.code === 'custom' || issue.message.includes(' ')
            ? issue.message
            : `invalid value`;
      message = path.length > 0 && !base.startsWith(`${String(last)} `) ? `${name}: ${base}` : base;
      const got = valueAt(data, path);
      const close = typeof got === 'string' ? suggest(got, allowedValues(schema, path, data, issue)) : undefined;
      if (close && close !== got) message += `; did you mean ${close}?`;
      // the field's description and example help, unless the message already says what to write
      if (meta && !/for example|such as|must be one of|must be (proposal|workshop|site)|\b(write|add|remove)\b/.test(base)) {
        message += ` (${meta.description}${meta.example ? `, for example ${meta.example}` : ''})`;
      }
    }
    problems.push(problem(file, at.line, at.column, 'schema', message));
  }
  return { problems };
}
