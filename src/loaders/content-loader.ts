/**
 * The content loader every collection uses: Astro's glob loader, with the safety gate in front of
 * it and the audience rule behind it.
 *
 * - The gate runs on the raw text before anything else reads it (Astro's own YAML parser and the
 *   Markdown or MDX compilers never see a file the gate refused). It runs once per file.
 * - The schema is checked with our messages (file:line:col, what to write instead).
 * - Content the audience may not see is never stored: not in the data store, not as an image
 *   import, not as an MDX module. Stale cache entries are swept after every load.
 * - A stored entry is reused only when its digest matches: the file's text, the audience, the
 *   rule's facts (every participant's cohort and consent) and the code that gates, checks and
 *   renders content (src/lib/build-cache.ts). Such a file was gated and accepted before by the
 *   same code, so the gate is not run on it again; any other file is gated.
 * - All problems of a collection are collected and thrown together, so one build run lists them all.
 */
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { checkSchema } from '../lib/schema-problems.ts';
import { ContentError, problem, type Problem } from '../lib/problems.ts';
import { classifyPath, type CollectionSpec } from '../lib/content-model.ts';
import { gateFile } from '../lib/gate/node.ts';
import { guardViolationFiles } from '../lib/gate/render-guard.ts';
import { isVisibleTo, type Audience } from '../lib/audience.ts';
import { exposureOf, redactFor, type PolicyContext } from '../lib/exposure.ts';
import type { ParsedSource } from '../lib/source-file.ts';
import { contentCodeFingerprint } from '../lib/build-cache.ts';

type EntryType = {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<Record<string, unknown>> | Record<string, unknown>;
};

export interface LoaderOptions {
  spec: CollectionSpec;
  audience: Audience;
  /** Include content/demo/? */
  demo: boolean;
  /** Read participants and settings the rule needs; called once per load. */
  policy: () => PolicyContext;
}

function patternsFor(spec: CollectionSpec, demo: boolean): string[] {
  const exts = spec.kinds.flatMap((k) => (k === 'yaml' ? ['yaml', 'yml'] : [k]));
  const extGlob = exts.length === 1 ? exts[0] : `{${exts.join(',')}}`;
  // down to one level deeper than the collection allows (at least two), so a misplaced file is
  // reported instead of ignored
  const files = Array.from({ length: Math.max(spec.depth, 1) + 2 }, (_, level) => `${spec.folder}/${'*/'.repeat(level)}*.${extGlob}`);
  return demo ? [...files, ...files.map((f) => `demo/${f}`)] : files;
}

export function contentLoader(options: LoaderOptions): Loader {
  const { spec, audience, demo } = options;
  const inner = glob({
    base: './content',
    pattern: patternsFor(spec, demo),
    generateId: ({ entry }) => classifyPath(`content/${entry}`)?.id ?? entry,
    // No page reads a portfolio entry's raw Markdown (entries render from Astro's rendered HTML or
    // the compiled MDX module), and keeping it makes the data store, the bundle built from it and
    // the build's memory about 40% larger at cohort scale. Other collections keep it (the faculty
    // page checks whether a bio has a body).
    retainBody: spec.name !== 'portfolios',
  });

  return {
    name: 'certification-content',
    load: async (ctx: LoaderContext) => {
      const root = fileURLToPath(ctx.config.root);
      const rel = (p: string) => relative(root, p).split(sep).join('/');
      const policy = options.policy();
      const problems: Problem[] = [];
      const parsed = new Map<string, ParsedSource>();
      const refused = new Set<string>();
      const seenIds = new Map<string, string>();

      // a change to the policy (a participant's consent or cohort) or to the code must re-run the
      // gate, the schema and the rule for unchanged files
      const fingerprint = JSON.stringify([audience, policy.fingerprint, contentCodeFingerprint(root)]);
      const generateDigest: LoaderContext['generateDigest'] = (data) =>
        ctx.generateDigest(typeof data === 'string' ? `${fingerprint}\n${data}` : { fingerprint, data });

      const wrapEntryType = (original: EntryType): EntryType => ({
        ...original,
        getEntryInfo: ({ contents, fileUrl }) => {
          const file = rel(fileURLToPath(fileUrl));
          const where = classifyPath(file);
          const fileProblems: Problem[] = [];
          if (where?.problem) fileProblems.push(problem(file, 1, 1, 'file-name', where.problem));
          if (where && !where.problem) {
            const key = where.id.normalize('NFC').toLowerCase();
            const other = seenIds.get(key);
            if (other) fileProblems.push(problem(file, 1, 1, 'duplicate-id', `${file} and ${other} have the same name; rename one of them`));
            else seenIds.set(key, file);
          }
          // unchanged since this code accepted it for this audience: the glob loader keeps the stored entry
          const stored = where && fileProblems.length === 0 ? ctx.store.get(where.id) : undefined;
          if (stored?.filePath === file && stored.digest === generateDigest(contents)) return { data: {}, body: '' };
          const gate = gateFile(file, contents, spec.components);
          fileProblems.push(...gate.problems);
          parsed.set(file, gate.source);
          if (fileProblems.length) {
            problems.push(...fileProblems);
            refused.add(file);
            return { data: {}, body: '' };
          }
          return { data: (gate.source.data ?? {}) as Record<string, unknown>, body: gate.source.body.trim(), rawData: '' };
        },
      });

      const entryTypes = new Map<string, EntryType>();
      const ctxEntryTypes = (ctx as unknown as { entryTypes: Map<string, EntryType> }).entryTypes;
      for (const [ext, type] of ctxEntryTypes) entryTypes.set(ext, wrapEntryType(type));

      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = props.filePath ? rel(props.filePath) : props.id;
        if (refused.has(file)) return props.data;
        const source = parsed.get(file);
        const check = checkSchema(spec.schema, props.data, file, source?.locate ?? (() => ({ line: 1, column: 1 })), spec.what);
        const bodyProblem = check.value !== undefined && source ? spec.bodyRule?.(check.value as Record<string, unknown>, source.body) : undefined;
        if (bodyProblem && source) check.problems.push(problem(file, source.bodyLine, 1, 'body', bodyProblem));
        if (check.problems.length) {
          problems.push(...check.problems);
          refused.add(file);
          return props.data;
        }
        return ctx.parseData(props);
      };

      const visible = (id: string, data: Record<string, unknown>, file: string | undefined) => {
        const exposure = exposureOf(spec.name, id, data, policy, (file ?? '').startsWith('content/demo/'));
        return exposure !== undefined && isVisibleTo(audience, exposure);
      };

      const store = new Proxy(ctx.store, {
        get(target, prop, receiver) {
          if (prop === 'set') {
            return (entry: Parameters<typeof target.set>[0]) => {
              const file = entry.filePath ?? '';
              if (refused.has(file) || !visible(entry.id, entry.data, entry.filePath)) {
                target.delete(entry.id);
                return false;
              }
              return target.set({ ...entry, data: redactFor(spec.name, entry.id, entry.data, audience) });
            };
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });

      await inner.load({ ...ctx, store, parseData, generateDigest, entryTypes } as LoaderContext);

      // an entry the render guard had to clean is not kept: the build fails on it (build:done), and
      // a later build reusing the store must render it, and fail, again rather than serve it cleaned
      const flagged = guardViolationFiles();
      for (const [id, entry] of ctx.store.entries()) {
        const file = entry.filePath ?? '';
        if (refused.has(file) || !visible(id, entry.data, entry.filePath) || (file !== '' && flagged.has(join(root, file)))) ctx.store.delete(id);
      }
      if (problems.length) throw new ContentError(problems, `The ${spec.name} collection has problems`);
    },
  };
}
