/**
 * A portfolio entry's body as HTML that opens from disk: rendered by Sätteri's markdownToHtml
 * with the features the site uses and the same render guard (src/lib/gate/render-guard.ts), and
 * relative links and images pointed at the entry's original files, which the archive keeps next
 * to each other under source/.
 *
 * An .mdx body is first turned into Markdown with HTML: each allowed component becomes the plain
 * HTML it shows on the site (Callout and Quote a blockquote, Figure a figure, Video a link), from
 * the syntax tree's positions, never by pattern matching. The safety gate has already accepted
 * the file (the export refuses files it did not), and the guard checks the result again.
 */
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToMdast } from 'satteri';
import { renderGuard, takeGuardViolations } from '../gate/render-guard.ts';

interface Pos {
  start: { offset: number };
  end: { offset: number };
}
interface MdNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: Pos;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const isJsx = (n: MdNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
const isExpression = (n: MdNode) => n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression';

/** JSX elements and expressions not inside another one, in source order. */
function outermost(nodes: readonly MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  for (const n of nodes) {
    if (isJsx(n) || isExpression(n)) out.push(n);
    else if (n.children) out.push(...outermost(n.children));
  }
  return out;
}

function attr(node: MdNode, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

const TONES: Record<string, string> = { note: 'Note', tip: 'Tip', important: 'Important' };

function rewriteSpan(src: string, start: number, end: number, nodes: readonly MdNode[]): string {
  let out = '';
  let at = start;
  for (const node of outermost(nodes)) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined || s < at || e > end) continue;
    out += src.slice(at, s) + convert(src, node);
    at = e;
  }
  return out + src.slice(at, end);
}

function convert(src: string, node: MdNode): string {
  if (isExpression(node)) return ''; // only comments pass the gate
  const kids = node.children ?? [];
  const first = kids[0]?.position?.start.offset;
  const last = kids[kids.length - 1]?.position?.end.offset;
  const inner = first !== undefined && last !== undefined ? rewriteSpan(src, first, last, kids) : '';
  const flow = node.type === 'mdxJsxFlowElement';
  const block = (open: string, body: string, close: string) => (flow ? `\n\n${open}\n\n${body}\n\n${close}\n\n` : `${open}${body}${close}`);
  const name = node.name ?? '';
  switch (name) {
    case 'Callout': {
      const heading = attr(node, 'title') ?? TONES[attr(node, 'tone') ?? 'note'] ?? 'Note';
      return block(`<blockquote>\n<p><strong>${escapeHtml(heading)}</strong></p>`, inner, '</blockquote>');
    }
    case 'Quote': {
      const source = attr(node, 'source');
      return block('<blockquote>', inner, `${source ? `<p>— ${escapeHtml(source)}</p>\n` : ''}</blockquote>`);
    }
    case 'Figure':
      return block('<figure>', inner, `<figcaption>${escapeHtml(attr(node, 'caption') ?? '')}</figcaption>\n</figure>`);
    case 'Video': {
      const id = encodeURIComponent(attr(node, 'id') ?? '');
      const provider = attr(node, 'provider');
      const href = provider === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`;
      const link = `<a href="${escapeHtml(href)}">${escapeHtml(attr(node, 'title') ?? 'Video')}</a> (video on ${provider === 'vimeo' ? 'Vimeo' : 'YouTube'})`;
      return flow ? `\n\n<p>${link}</p>\n\n` : link;
    }
    default: {
      if (!/^[a-z][a-z0-9]*$/.test(name)) return ''; // the gate refuses other components; the guard would too
      const attrs = (node.attributes ?? [])
        .filter((a) => a.type === 'mdxJsxAttribute' && typeof a.name === 'string' && /^[a-z][a-z0-9-]*$/.test(a.name))
        .map((a) => (typeof a.value === 'string' ? ` ${a.name}="${escapeHtml(a.value)}"` : a.value === null || a.value === undefined ? ` ${a.name}` : ''))
        .join('');
      return block(`<${name}${attrs}>`, inner, `</${name}>`);
    }
  }
}

/** An .mdx body as Markdown with plain HTML in place of components. */
export function mdxToMarkdown(body: string): string {
  const tree = mdxToMdast(body, { features: { frontmatter: false } }) as unknown as MdNode;
  return rewriteSpan(body, 0, body.length, tree.children ?? []);
}

/** Relative links and images point into `prefix` (the folder with the entry's original files). */
function relinkPlugin(prefix: string, linked: string[]) {
  const relative = (url: string) => url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#');
  return {
    name: 'portfolio-export-relink',
    element: {
      filter: [] as string[],
      visit(node: { tagName: string; properties?: Record<string, unknown> }, ctx: { setProperty(node: unknown, key: string, value: unknown): void }) {
        for (const key of ['src', 'href']) {
          const value = node.properties?.[key];
          if (typeof value !== 'string' || !relative(value)) continue;
          const path = value.replace(/^\.\//, '');
          linked.push(path);
          ctx.setProperty(node, key, `${prefix}${path}`);
        }
      },
    },
  };
}

export interface RenderedEntry {
  html: string;
  /** Relative addresses the body links to or shows (images), as written without ./ */
  linked: string[];
  /** What the render guard removed (the export fails on any). */
  violations: string[];
}

/** Render one entry's body. `file` is its path in the project (content/...), `prefix` where its files are in the archive. */
export function renderEntryBody(file: string, body: string, options: { root: string; prefix: string }): RenderedEntry {
  takeGuardViolations();
  const linked: string[] = [];
  const markdown = file.endsWith('.mdx') ? mdxToMarkdown(body) : body.trim();
  const result = markdownToHtml(markdown, {
    features: { gfm: true, smartPunctuation: true, rawHtml: true },
    hastPlugins: [renderGuard(), relinkPlugin(options.prefix, linked)],
    fileURL: pathToFileURL(`${options.root}/${file}`),
  });
  return { html: result.html, linked, violations: takeGuardViolations().map((v) => v.message) };
}
