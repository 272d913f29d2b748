/** The gate's parsers in Node: Sätteri, the engine Astro 7 renders Markdown and MDX with. */
import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { HtmlNode, MdNode } from './check-body.ts';
import { gateSource, type GateResult, type MarkdownParsers } from './index.ts';
import type { ComponentSpec } from './allowlists.ts';

export const satteriParsers: MarkdownParsers = {
  // The renderer reads a .md body (already stripped of its frontmatter) with frontmatter detection
  // on, so a body that starts with another --- block loses it; parse the same way so the gate sees
  // the structure the renderer sees (check-body refuses such a block). An .mdx body reaches the
  // compiler behind the spaces Astro leaves in place of the frontmatter, so it never starts one.
  markdown: (body) => markdownToMdast(body) as unknown as MdNode,
  mdx: (body) => mdxToMdast(body, { features: { frontmatter: false } }) as unknown as MdNode,
  html: (html) => {
    const root = htmlToHast(html, { fragment: true }) as unknown as HtmlNode;
    return root.children ?? [];
  },
  // the very function @astrojs/mdx reads an .mdx file's frontmatter with (js-yaml, or TOML after +++)
  compilerFrontmatter: (contents) => parseFrontmatter(contents).frontmatter,
};

export function gateFile(file: string, contents: string, components: Record<string, ComponentSpec>): GateResult {
  return gateSource(file, contents, components, satteriParsers);
}
