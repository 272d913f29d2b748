/**
 * The safety gate for one file: size, frontmatter YAML, and body rules. Parse only: nothing in
 * the file is compiled or run. The parser is passed in, so the same rules run in Node (Sätteri,
 * the engine the build renders with) and in the browser composer.
 */
import { buildMarker, checkBody, MAX_NESTING, type BodyPolicy, type HtmlNode, type LocalImage, type MdNode } from './check-body.ts';
import { parseSource, type ParsedSource, type PathSegment } from '../source-file.ts';
import { problem, type Problem } from '../problems.ts';

export interface MarkdownParsers {
  /** Parse a Markdown body into mdast. May throw with a message and a position. */
  markdown: (body: string) => MdNode;
  /** Parse an MDX body into mdast. May throw with a message and a position. */
  mdx: (body: string) => MdNode;
  html: (html: string) => HtmlNode[];
  /**
   * The frontmatter of an .mdx file as Astro's MDX compiler reads it (its own YAML reader, not the
   * gate's), when that can be known here; the compiled module uses it (a `layout` there is imported).
   * May throw.
   */
  compilerFrontmatter?: (contents: string) => unknown;
}

export interface GateResult {
  source: ParsedSource;
  problems: Problem[];
  /** Local images the body shows, as written, for the validator's file check. */
  images: LocalImage[];
}


/** The deepest path in a tree, with the node where it ends. */
function deepest(tree: MdNode): { depth: number; node: MdNode } {
  let best = { depth: 1, node: tree };
  const stack: [MdNode, number][] = [[tree, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [MdNode, number];
    if (depth > best.depth) best = { depth, node };
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return best;
}

/** Every string in parsed frontmatter data, with its path (keys included). */
function stringsOf(data: unknown, path: PathSegment[] = []): { path: PathSegment[]; text: string }[] {
  if (typeof data === 'string') return [{ path, text: data }];
  if (Array.isArray(data)) return data.flatMap((item, i) => stringsOf(item, [...path, i]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => [{ path: [...path, key], text: key }, ...stringsOf(value, [...path, key])]);
  }
  return [];
}

const YAML_TIMESTAMP = /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;

/**
 * Do two readings of one frontmatter agree? The compiler's reader turns a date into a Date where
 * the gate's keeps the text; everything else must be the same keys, values and types.
 */
export function sameReading(ours: unknown, theirs: unknown): boolean {
  if (theirs instanceof Date) return typeof ours === 'string' && YAML_TIMESTAMP.test(ours);
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    return Array.isArray(ours) && Array.isArray(theirs) && ours.length === theirs.length && ours.every((item, i) => sameReading(item, theirs[i]));
  }
  if (ours && typeof ours === 'object' && theirs && typeof theirs === 'object') {
    const a = Object.keys(ours);
    const b = Object.keys(theirs);
    return (
      a.length === b.length &&
      a.every((key) => Object.hasOwn(theirs, key) && sameReading((ours as Record<string, unknown>)[key], (theirs as Record<string, unknown>)[key]))
    );
  }
  return Object.is(ours, theirs);
}

/** Find "line:column" at the start of a parser's error message. */
function errorPosition(message: string): { line: number; column: number } {
  const m = /^(\d+):(\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 };
}

function cleanParserMessage(message: string): string {
  return message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '').replace(/\s*\([\w:-]+\)\s*$/, '');
}

/**
 * Check one content file. `components` is the collection's allow-list; `.md` bodies are plain
 * Markdown (braces and tags are text or HTML), `.mdx` bodies are MDX.
 */
export function gateSource(file: string, contents: string, policyComponents: BodyPolicy['components'], parsers: MarkdownParsers): GateResult {
  const source = parseSource(file, contents);
  const problems = [...source.problems];
  const images: LocalImage[] = [];
  const isMdx = /\.mdx$/i.test(file);
  const isMd = /\.md$/i.test(file);
  if (problems.some((p) => p.rule === 'file-size' || p.rule === 'file-kind')) return { source, problems, images };
  for (const { path, text } of stringsOf(source.data)) {
    const marker = buildMarker(text);
    if (!marker) continue;
    const at = source.locate(path);
    problems.push(
      problem(file, at.line, at.column, 'build-marker', `${path.join('.') || 'a value'} contains "${marker}", which the site's build reads as an instruction to load a file; write it differently (for example with a space after the underscores)`),
    );
  }
  if (!(isMd || isMdx)) return { source, problems, images };
  if (isMdx && parsers.compilerFrontmatter && source.hasFrontmatter && source.data !== undefined && problems.length === 0) {
    // the compiled module reads the frontmatter again with Astro's own YAML reader: both readings must agree
    let theirs: unknown;
    let failed: string | undefined;
    try {
      theirs = parsers.compilerFrontmatter(contents);
    } catch (error) {
      failed = ((error as Error).message ?? String(error)).split('\n')[0];
    }
    if (failed !== undefined || !sameReading(source.data ?? {}, theirs)) {
      problems.push(
        problem(
          file,
          1,
          1,
          'frontmatter-ambiguous',
          `the frontmatter can be read in two ways (the MDX compiler ${failed ? `cannot read it: ${failed}` : 'reads other fields or values from it'}); write each field plainly as name: value, put text in quotes, and use no YAML tags, anchors or special keys`,
        ),
      );
    }
  }
  // Check exactly the text the renderer gets. Markdown bodies reach it trimmed (the content loader
  // stores `body.trim()`), and trimming changes meaning: four spaces before <script> make code,
  // and without them the <script> is live HTML. MDX is compiled from the file as written.
  const body = isMdx ? source.body : source.body.trim();
  const trimmed = isMdx ? '' : source.body.slice(0, source.body.length - source.body.trimStart().length);
  const lastBreak = trimmed.lastIndexOf('\n');
  const bodyLine = source.bodyLine + (trimmed.split('\n').length - 1);
  const firstLineColumn = trimmed.length - (lastBreak + 1);
  let tree: MdNode | undefined;
  try {
    tree = isMdx ? parsers.mdx(body) : parsers.markdown(body);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const at = errorPosition(message);
    problems.push(
      problem(
        file,
        at.line + bodyLine - 1,
        at.column + (at.line === 1 ? firstLineColumn : 0),
        'mdx-syntax',
        `this .mdx file cannot be read: ${cleanParserMessage(message)}. If you do not need a component, rename the file to .md, where < and { are plain text`,
      ),
    );
  }
  if (tree) {
    const deep = deepest(tree);
    if (deep.depth > MAX_NESTING) {
      const start = deep.node.position?.start ?? { line: 1, column: 1 };
      problems.push(
        problem(
          file,
          start.line + bodyLine - 1,
          start.column + (start.line === 1 ? firstLineColumn : 0),
          'nesting',
          `the text nests ${deep.depth} levels deep here (quotes inside quotes, lists inside lists, elements inside elements); at most ${MAX_NESTING} levels are allowed. Flatten it, or split it into several entries`,
        ),
      );
      return { source, problems, images };
    }
    problems.push(
      ...checkBody(
        tree,
        {
          file,
          bodyLine,
          firstLineColumn,
          policy: { mdx: isMdx, components: policyComponents },
          parseHtml: parsers.html,
        },
        images,
      ),
    );
  }
  return { source, problems, images };
}
