/**
 * The gate's parsers in the browser composer: micromark (the reference CommonMark parser, with
 * GFM) for the Markdown tree, and the browser's own HTML parser for raw HTML, i.e. the very parser
 * a reader's browser would use. The build re-checks every file with Sätteri, the renderer's own
 * engine, so a difference between the two can only make the composer stricter or laxer, never
 * let unsafe content through.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { HtmlNode, MdNode } from './check-body.ts';
import { gateSource, type GateResult, type MarkdownParsers } from './index.ts';
import type { ComponentSpec } from './allowlists.ts';

function domToHast(node: Node): HtmlNode | undefined {
  if (node.nodeType === Node.TEXT_NODE) return { type: 'text' };
  if (node.nodeType === Node.COMMENT_NODE) return { type: 'comment' };
  if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
  const el = node as Element;
  const properties: Record<string, unknown> = {};
  for (const attr of Array.from(el.attributes)) properties[attr.name] = attr.value;
  const source = el instanceof HTMLTemplateElement ? el.content : el;
  const children = Array.from(source.childNodes)
    .map(domToHast)
    .filter((c): c is HtmlNode => c !== undefined);
  return { type: 'element', tagName: el.localName, properties, children };
}

export const browserParsers: MarkdownParsers = {
  markdown: (body) => fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as MdNode,
  mdx: () => {
    throw new Error('1:1: the composer writes .md entries; use npm run validate for .mdx files');
  },
  html: (html) => {
    // a <template> parses without running scripts or loading images
    const template = document.createElement('template');
    template.innerHTML = html;
    return Array.from(template.content.childNodes)
      .map(domToHast)
      .filter((c): c is HtmlNode => c !== undefined);
  },
};

export function gateInBrowser(file: string, contents: string, components: Record<string, ComponentSpec>): GateResult {
  return gateSource(file, contents, components, browserParsers);
}
