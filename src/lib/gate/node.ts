/** The gate's parsers in Node: Sätteri, the engine Astro 7 renders Markdown and MDX with. */
import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';
import type { HtmlNode, MdNode } from './check-body.ts';
import { gateSource, type GateResult, type MarkdownParsers } from './index.ts';
import type { ComponentSpec } from './allowlists.ts';

export const satteriParsers: MarkdownParsers = {
  markdown: (body) => markdownToMdast(body, { features: { frontmatter: false } }) as unknown as MdNode,
  mdx: (body) => mdxToMdast(body, { features: { frontmatter: false } }) as unknown as MdNode,
  html: (html) => {
    const root = htmlToHast(html, { fragment: true }) as unknown as HtmlNode;
    return root.children ?? [];
  },
};

export function gateFile(file: string, contents: string, components: Record<string, ComponentSpec>): GateResult {
  return gateSource(file, contents, components, satteriParsers);
}
