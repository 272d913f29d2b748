/**
 * The safety gate for one file: size, frontmatter YAML, and body rules. Parse only: nothing in
 * the file is compiled or run. The parser is passed in, so the same rules run in Node (Sätteri,
 * the engine the build renders with) and in the browser composer.
 */
import { checkBody, type BodyPolicy, type HtmlNode, type MdNode } from './check-body.ts';
import { parseSource, type ParsedSource } from '../source-file.ts';
import { problem, type Problem } from '../problems.ts';

export interface MarkdownParsers {
  /** Parse a Markdown body into mdast. May throw with a message and a position. */
  markdown: (body: string) => MdNode;
  /** Parse an MDX body into mdast. May throw with a message and a position. */
  mdx: (body: string) => MdNode;
  html: (html: string) => HtmlNode[];
}

export interface GateResult {
  source: ParsedSource;
  problems: Problem[];
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
  const isMdx = /\.mdx$/i.test(file);
  const isMd = /\.md$/i.test(file);
  if (!(isMd || isMdx) || problems.some((p) => p.rule === 'file-size' || p.rule === 'file-kind')) {
    return { source, problems };
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
    problems.push(
      ...checkBody(tree, {
        file,
        bodyLine,
        firstLineColumn,
        policy: { mdx: isMdx, components: policyComponents },
        parseHtml: parsers.html,
      }),
    );
  }
  return { source, problems };
}
