/**
 * The bundler wall: the second line of defence around participants' files, enforced where the
 * danger happens, in the bundler's module resolution. The safety gate reads the text of an entry;
 * the bundler then turns `![x](./diagram.png)` into an import, and its resolver would happily
 * load `diagram.png.js`, `diagram.png.tsx` or `diagram.png/index.js` (extension fallback, folder
 * index), a package from a `node_modules` folder inside the portfolio, or `photo.png?raw`. Any of
 * those runs with the build's full rights.
 *
 * So every resolution that starts from a participant's file, or ends inside a participant's folder,
 * whoever asks (an entry's compiled module, the content store's asset map, a layout, anything the
 * compilers generate), is decided here:
 * - from a participant's file, only an existing regular image file of an allowed kind in the
 *   entry's own folder, named exactly (checked by its first bytes), or the few runtime modules the
 *   MDX compiler itself imports, resolved from the project root;
 * - into a participant's folder, only an entry (compiled by Astro after the gate read it) or such
 *   an image for an entry of that same folder;
 * and every module loaded from a participant's folder must be one of those two. Anything else stops
 * the build with the validator's message, naming the entry.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { classifyPath } from '../content-model.ts';
import { formatProblem, problem, type Problem } from '../problems.ts';
import {
  ENTRY_EXTENSIONS,
  extensionOf,
  IMAGE_EXTENSIONS,
  imageFileName,
  inParticipantTerritory,
  inspectParticipantFile,
  participantFolderOf,
} from '../participant-files.ts';

/** What the MDX compiler (Astro's Sätteri MDX renderer and @astrojs/mdx) itself imports into an entry's module. */
export const COMPILER_IMPORTS: ReadonlySet<string> = new Set(['astro/jsx-runtime', 'astro/runtime/server/index.js', 'astro:assets']);

/** Query flags Astro's content layer adds to the ids of entries and their images. */
const ENTRY_FLAGS = new Set(['astroPropagatedAssets', 'astroRenderContent', 'astroContentCollectionEntry', 'astroDataCollectionEntry', 'astroContentModuleFlag']);
const IMAGE_FLAG = 'astroContentImageFlag';

export const WALL_RULE = 'module-wall';
export const IMAGE_RULE = 'image-file';

/** An id as the bundler writes it, split into the file path and its query parameters. */
export function splitId(id: string): { path: string; query: URLSearchParams | undefined; queryText: string } {
  const clean = id.startsWith('\0') ? id.slice(1) : id;
  const q = clean.indexOf('?');
  if (q === -1) return { path: clean, query: undefined, queryText: '' };
  const queryText = clean.slice(q + 1);
  return { path: clean.slice(0, q), query: new URLSearchParams(queryText), queryText };
}

export interface WallContext {
  /** The project root, absolute. */
  root: string;
}

/** Project-relative path with forward slashes, or undefined when the path is outside the project (or not a path). */
export function projectPath(root: string, path: string): string | undefined {
  if (!isAbsolute(path)) return undefined;
  const rel = relative(root, path).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return undefined;
  return rel;
}

/** Where in the entry an address is written (to report it as the validator does); 1:1 when not found. */
function positionIn(root: string, entry: string, text: string): { line: number; column: number } {
  let source: string;
  try {
    source = readFileSync(join(root, entry), 'utf8');
  } catch {
    return { line: 1, column: 1 };
  }
  const candidates = [text, text.replace(/^\.\//, '')].filter((t) => t !== '');
  for (const candidate of candidates) {
    const at = source.indexOf(candidate);
    if (at === -1) continue;
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
  }
  return { line: 1, column: 1 };
}

/** The error the build stops with: the validator's line for the entry, and why the bundler refused. */
export class WallError extends Error {
  readonly problem: Problem;
  constructor(refused: Problem) {
    super(`The bundler refused a file in a participant's folder:\n${formatProblem(refused)}`);
    this.name = 'WallError';
    this.problem = refused;
  }
}

function refuse(ctx: WallContext, entry: string, written: string, rule: string, detail: string): never {
  const at = positionIn(ctx.root, entry, written);
  throw new WallError(problem(entry, at.line, at.column, rule, detail));
}

function isEntryFile(rel: string): boolean {
  const where = classifyPath(rel);
  return where !== undefined && where.spec.name === 'portfolios' && where.problem === undefined && (ENTRY_EXTENSIONS as readonly string[]).includes(extensionOf(rel));
}

/** The image an entry names, checked: the absolute path of the real file, or a refusal. */
function checkImage(ctx: WallContext, entry: string, written: string): string {
  const folder = participantFolderOf(entry) ?? `${entry.slice(0, entry.lastIndexOf('/') + 1)}`;
  const fix = 'Put the image file next to the entry and write ./photo.jpg';
  if (/[?#]/.test(written)) refuse(ctx, entry, written, IMAGE_RULE, `the image ${JSON.stringify(written)} cannot be used: the address may not contain ? or #. ${fix}`);
  let name = imageFileName(written);
  if (name !== undefined && name.includes('%')) {
    try {
      name = decodeURIComponent(name);
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    refuse(ctx, entry, written, IMAGE_RULE, `the image ${JSON.stringify(written)} cannot be used: it must be a file in the entry's own folder ${folder}, written like ./photo.jpg. ${fix}`);
  }
  const inspected = inspectParticipantFile(ctx.root, folder, name, IMAGE_EXTENSIONS);
  if (!inspected.path) refuse(ctx, entry, written, IMAGE_RULE, `the image ${JSON.stringify(written)} cannot be used: ${inspected.problem}`);
  return inspected.path;
}

export type WallDecision =
  /** Resolve it from the project root instead of the importer (a compiler import from an entry). */
  | { kind: 'from-root' }
  /** Use exactly this file. */
  | { kind: 'file'; path: string }
  /** Resolve it, then judge the result with `judgeResult`. */
  | { kind: 'check-result' };

/**
 * Decide a resolution before it happens, from what is asked and who asks. Throws a WallError when
 * it must not happen at all.
 */
export function judgeRequest(ctx: WallContext, source: string, importer: string | undefined): WallDecision {
  const from = importer === undefined ? undefined : projectPath(ctx.root, splitId(importer).path);
  if (from !== undefined && inParticipantTerritory(from)) {
    const fromEntry = from;
    if (COMPILER_IMPORTS.has(source)) return { kind: 'from-root' };
    const asked = splitId(source);
    // an entry's module asking for itself without Astro's flags (astroPropagatedAssets → the entry)
    if (isAbsolute(asked.path) && projectPath(ctx.root, asked.path) === fromEntry && [...(asked.query?.keys() ?? [])].every((k) => ENTRY_FLAGS.has(k))) {
      return { kind: 'check-result' };
    }
    const ext = extensionOf(source.split(/[?#]/)[0] ?? '');
    if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext) || source.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(source)) {
      refuse(
        ctx,
        fromEntry,
        source,
        WALL_RULE,
        `an entry may load nothing but image files (.${IMAGE_EXTENSIONS.join(', .')}) from its own folder, and the build was asked to load ${JSON.stringify(source)}. Remove it from the entry; components need no import`,
      );
    }
    return { kind: 'file', path: checkImage(ctx, fromEntry, source) };
  }
  return { kind: 'check-result' };
}

/** Judge where a resolution landed. Throws a WallError when it ends in a participant's folder and may not. */
export function judgeResult(ctx: WallContext, source: string, importer: string | undefined, resolvedId: string): void {
  const target = projectPath(ctx.root, splitId(resolvedId).path);
  if (target === undefined || !inParticipantTerritory(target)) return;
  const { query } = splitId(resolvedId);
  const keys = [...(query?.keys() ?? [])];
  if (isEntryFile(target) && keys.every((k) => ENTRY_FLAGS.has(k))) {
    assertRegularEntry(ctx, target);
    return;
  }
  const ext = extensionOf(target);
  // the content store's asset map: `./photo.png?astroContentImageFlag=&importer=<entry>`
  const requested = splitId(source);
  const entryParam = requested.query?.get('importer');
  const entry = entryParam ?? (importer === undefined ? undefined : projectPath(ctx.root, splitId(importer).path));
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext) && keys.every((k) => k === IMAGE_FLAG) && entry !== undefined) {
    if (participantFolderOf(entry) === participantFolderOf(target) && participantFolderOf(entry) !== undefined) {
      const expected = checkImage(ctx, entry, requested.path);
      if (expected === join(ctx.root, target)) return;
    }
    refuse(ctx, entry, requested.path, IMAGE_RULE, `the image ${JSON.stringify(requested.path)} resolves to ${target}, which is not a file of the entry's own folder; an entry may show only images next to it`);
  }
  const who = entry ?? target;
  refuse(ctx, who, requested.path, WALL_RULE, `the build was asked to load ${target} from a participant's folder (as ${JSON.stringify(source)}); only entries and their images may be loaded from there`);
}

function assertRegularEntry(ctx: WallContext, target: string): void {
  const folder = participantFolderOf(target);
  const name = target.slice(target.lastIndexOf('/') + 1);
  if (!folder) refuse(ctx, target, '', WALL_RULE, 'entries belong in a participant\'s folder, content/portfolios/<participant>/');
  // entries are text, with no signature to check; the gate has read them
  const inspected = inspectParticipantFile(ctx.root, folder, name, ENTRY_EXTENSIONS, { signature: false });
  if (inspected.problem) refuse(ctx, target, '', WALL_RULE, `this entry cannot be compiled: ${inspected.problem}`);
}

/** Judge a module about to be loaded. Throws a WallError for anything in a participant's folder but an entry or a real image. */
export function judgeLoad(ctx: WallContext, id: string): void {
  const { path, query } = splitId(id);
  const target = projectPath(ctx.root, path);
  if (target === undefined || !inParticipantTerritory(target)) return;
  const keys = [...(query?.keys() ?? [])];
  if (isEntryFile(target) && keys.every((k) => ENTRY_FLAGS.has(k))) {
    assertRegularEntry(ctx, target);
    return;
  }
  const folder = participantFolderOf(target);
  const ext = extensionOf(target);
  if (folder !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(ext) && keys.every((k) => k === IMAGE_FLAG)) {
    const inspected = inspectParticipantFile(ctx.root, folder, target.slice(folder.length), IMAGE_EXTENSIONS);
    if (inspected.path) return;
    refuse(ctx, target, '', IMAGE_RULE, `this image cannot be used: ${inspected.problem}`);
  }
  refuse(
    ctx,
    target,
    '',
    WALL_RULE,
    `the build was asked to load this file${keys.length ? ` (with ?${splitId(id).queryText})` : ''}, but a participant's folder holds only entries (.md, .mdx) and attachments, and nothing in it is ever loaded as code. Delete the file`,
  );
}

/** The smallest piece of Vite's plugin interface the wall needs (kept local so src/lib needs no Vite types). */
interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean; [key: string]: unknown }): Promise<{ id: string } | null>;
}

/** Is this importer code of the project or a package (not content, not a module Astro generates from content)? */
function isCode(root: string, importer: string): boolean {
  const { path } = splitId(importer);
  if (path.includes('/node_modules/')) return true;
  const rel = projectPath(root, path);
  return rel !== undefined && /^(src|scripts)\//.test(rel);
}

/** What a refused request resolves to: a module with nothing in it, so no participant's file is read as code. */
const REFUSED = '\0certification-module-wall:refused';

/**
 * The Vite plugin. Its hooks run before every other plugin's (`enforce` and `order: 'pre'`), so no
 * other resolver sees a participant's request first. A refused request resolves to an empty module
 * and is recorded; the build then fails at the end of bundling with every refusal, so one run lists
 * all of them (each is also printed the moment it happens).
 */
export function moduleWall(options: { root?: string } = {}) {
  let root = options.root ?? process.cwd();
  const refusals = new Map<string, Problem>();
  const ctx = (): WallContext => ({ root });
  const record = (error: unknown): void => {
    if (!(error instanceof WallError)) throw error;
    const key = formatProblem(error.problem);
    if (refusals.has(key)) return;
    refusals.set(key, error.problem);
    process.stderr.write(`${error.message}\n`);
  };
  return {
    name: 'certification-module-wall',
    enforce: 'pre' as const,
    configResolved(config: { root: string }) {
      if (!options.root) root = config.root;
    },
    buildStart() {
      refusals.clear();
    },
    resolveId: {
      order: 'pre' as const,
      async handler(this: ResolveContext, source: string, importer: string | undefined, resolveOptions: Record<string, unknown>) {
        // requests that cannot reach content skip the work: the importer is code (a package, a page)
        // and the request does not name content; whatever is loaded is still judged by `load`
        if (importer !== undefined && !/content|portfolio/i.test(source) && isCode(root, importer)) return null;
        if (source.startsWith(REFUSED)) return source;
        try {
          const decision = judgeRequest(ctx(), source, importer);
          switch (decision.kind) {
            case 'file':
              return { id: decision.path };
            case 'from-root': {
              const resolved = await this.resolve(source, join(root, 'package.json'), { ...resolveOptions, skipSelf: true });
              const rel = resolved ? projectPath(root, splitId(resolved.id).path) : undefined;
              if (rel !== undefined && rel.startsWith('content/')) {
                refuse(ctx(), projectPath(root, splitId(importer ?? '').path) ?? '', source, WALL_RULE, `${source} resolved into content/ (${rel}); the compiler's own modules must come from the installed packages`);
              }
              return resolved;
            }
            case 'check-result': {
              const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
              if (resolved) judgeResult(ctx(), source, importer, resolved.id);
              return resolved;
            }
          }
        } catch (error) {
          record(error);
          return REFUSED;
        }
      },
    },
    load: {
      order: 'pre' as const,
      handler(id: string) {
        if (id.startsWith(REFUSED)) return 'export default undefined;';
        try {
          judgeLoad(ctx(), id);
          return null;
        } catch (error) {
          record(error);
          return 'export default undefined;';
        }
      },
    },
    buildEnd() {
      if (refusals.size === 0) return;
      const lines = [...refusals.values()].map(formatProblem);
      throw new Error(`The bundler refused ${lines.length === 1 ? 'a file' : `${lines.length} files`} in participants' folders (npm run validate shows ${lines.length === 1 ? 'it' : 'them'} too):\n${lines.join('\n')}`);
    },
  };
}
