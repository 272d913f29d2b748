/**
 * Shared by the gate tests: the hostile corpus on disk, entries written in code, the gate run the
 * way the content loader runs it, and the Markdown renderer configured the way Astro runs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlToHast, markdownToHtml } from 'satteri';
import { gateFile } from '../../../src/lib/gate/node.ts';
import { ALLOWED_ELEMENTS, PORTFOLIO_COMPONENTS, URL_ATTRIBUTES, isAllowedAttribute, isRemoteUrl, refusedScheme } from '../../../src/lib/gate/allowlists.ts';
import { attributeName } from '../../../src/lib/gate/check-body.ts';
import { checkSchema } from '../../../src/lib/schema-problems.ts';
import type { Problem } from '../../../src/lib/problems.ts';
import { portfolioEntrySchema } from '../../../src/schemas/portfolio-entry.ts';

export const HOSTILE_DIR = fileURLToPath(new URL('../../fixtures/hostile/', import.meta.url));

export interface CorpusFile {
  name: string;
  /** The rule the file must trigger: its name up to the first `--`. */
  rule: string;
  text: string;
}

/** The oversized file is made here instead of committing 300 KB. */
function oversized(): CorpusFile {
  const text = entry(`${'A paragraph that goes on and on. '.repeat(40)}\n\n`.repeat(250));
  return { name: 'file-size--oversized.md', rule: 'file-size', text };
}

export function hostileCorpus(): CorpusFile[] {
  const files = readdirSync(HOSTILE_DIR)
    .filter((name) => /\.mdx?$/.test(name) && name !== 'README.md')
    .sort()
    .map((name) => ({ name, rule: name.split('--')[0] ?? '', text: readFileSync(`${HOSTILE_DIR}${name}`, 'utf8') }));
  return [...files, oversized()];
}

const FRONTMATTER = 'type: reflection\ntitle: What the iceberg model showed me\ndate: 2026-03-14';

/** A complete entry: valid reflection frontmatter, then the body. */
export function entry(body: string, frontmatter = FRONTMATTER): string {
  return `---\n${frontmatter}\n---\n\n${body}`;
}

/** The portfolio path a file would have, so messages read like the real ones. */
export function portfolioPath(name: string): string {
  return `content/portfolios/maria-lopez/${name}`;
}

/** Gate, then the schema when the gate is content: what the content loader does with a file. */
export function checkEntry(name: string, text: string): Problem[] {
  const file = portfolioPath(name);
  const gate = gateFile(file, text, PORTFOLIO_COMPONENTS);
  if (gate.problems.length) return gate.problems;
  return checkSchema(portfolioEntrySchema, gate.source.data, file, gate.source.locate, 'a portfolio entry').problems;
}

/** The Markdown renderer as Astro runs it (astro.config.mjs and @astrojs/markdown-satteri), on the trimmed body. */
export function renderMarkdown(body: string): string {
  return markdownToHtml(body.trim(), { features: { gfm: true, smartPunctuation: true, rawHtml: true } }).html;
}

interface Hast {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Hast[];
}

/** Markup the renderer itself writes (footnotes, task lists, table alignment, heading anchors). */
function isRendererMarkup(tag: string, attr: string): boolean {
  if (attr === 'id' || attr === 'class' || attr.startsWith('aria-') || attr.startsWith('data-footnote')) return true;
  if (tag === 'input') return attr === 'type' || attr === 'disabled' || attr === 'checked';
  return (tag === 'td' || tag === 'th') && attr === 'style';
}

/**
 * What a browser would find dangerous in rendered HTML, read the way a browser reads it: every
 * element outside the allow-list, every attribute outside it, refused URL schemes, remote images.
 */
export function dangersIn(html: string): string[] {
  const found: string[] = [];
  const stack: Hast[] = [htmlToHast(html, { fragment: true }) as unknown as Hast];
  while (stack.length) {
    const node = stack.pop() as Hast;
    if (node.type === 'element' && node.tagName) {
      const tag = node.tagName.toLowerCase();
      if (!ALLOWED_ELEMENTS.has(tag) && tag !== 'input' && tag !== 'section') found.push(`<${tag}>`);
      for (const [property, value] of Object.entries(node.properties ?? {})) {
        const attr = attributeName(property);
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        if (isRendererMarkup(tag, attr)) continue;
        if (!isAllowedAttribute(tag, attr)) found.push(`${attr} on <${tag}>`);
        else if (URL_ATTRIBUTES.has(attr) && refusedScheme(text) !== undefined) found.push(`${attr}="${text}"`);
        else if (tag === 'img' && attr === 'src' && isRemoteUrl(text)) found.push(`remote <img src="${text}">`);
      }
    }
    if (node.children) stack.push(...node.children);
  }
  return found;
}

/** The plain-text checks the brief asks for; only meaningful on output that should be harmless. */
export const DANGEROUS_TEXT: readonly RegExp[] = [/<script/i, / on\w+=/i, /javascript:/i];
