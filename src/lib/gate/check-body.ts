/**
 * The body rules of the safety gate, written once over an mdast tree (the Markdown syntax tree
 * every CommonMark parser agrees on). In Node the tree comes from Sätteri, the engine the build
 * renders with; in the browser composer from micromark. Raw HTML is parsed by the caller's HTML
 * parser (Sätteri's in Node, the browser's own in the composer) and checked element by element.
 */
import {
  ALLOWED_ELEMENTS,
  URL_ATTRIBUTES,
  attributeAdvice,
  elementAdvice,
  isAllowedAttribute,
  isRemoteUrl,
  refusedLocalImage,
  refusedScheme,
  type ComponentSpec,
} from './allowlists.ts';
import { problem, type Problem } from '../problems.ts';

export interface Point {
  line: number;
  column: number;
}

/** The parts of an mdast node the rules read. */
export interface MdNode {
  type: string;
  /** A fenced code block's language. */
  lang?: string | null;
  position?: { start: Point } | undefined;
  children?: MdNode[];
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  name?: string | null;
  attributes?: MdAttribute[];
}

export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** The parts of a hast node the rules read. Attribute names may be hast property names. */
export interface HtmlNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HtmlNode[];
  /** Text of a text node, when the parser gives it. */
  value?: string;
}

/** A local image an entry shows, as written, and where: the validator checks the file exists. */
export interface LocalImage {
  url: string;
  line: number;
  column: number;
}

export interface BodyPolicy {
  /** Is the body MDX (JSX, expressions and ESM are syntax) or Markdown (they are text)? */
  mdx: boolean;
  /** Components allowed in MDX, by name. */
  components: Record<string, ComponentSpec>;
}

export interface BodyContext {
  file: string;
  /** 1-based line of the body in the file, to turn body positions into file positions. */
  bodyLine: number;
  /** Columns to add on the body's first line (when leading whitespace was trimmed before parsing). */
  firstLineColumn?: number;
  policy: BodyPolicy;
  /** Parse an HTML fragment into hast-like nodes. */
  parseHtml: (html: string) => HtmlNode[];
}

/** hast property name back to the HTML attribute name an author wrote. */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (property === 'httpEquiv') return 'http-equiv';
  // aria-* attribute names are one lowercase word after the prefix (ariaDescribedBy → aria-describedby)
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z0-9]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function propertyText(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  if (value === true) return '';
  return String(value ?? '');
}

/**
 * Strings Astro's build reads as its own instructions when it finds them in rendered output or in
 * data: `__ASTRO_IMAGE_` makes the content store import a file (any string value starting with it
 * becomes an image import) and makes rendered HTML be rewritten; `@@ASTRO-` marks placeholders in
 * compiled modules. No entry needs them, and a file that contains them is refused.
 */
const BUILD_MARKER = /__astro_|@@astro-/i;

/** The build-internal marker in a text, if any. */
export function buildMarker(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = BUILD_MARKER.exec(text);
  return m ? m[0] : undefined;
}

/**
 * A fenced code block's language as the renderer writes it (`class="language-html"`): one word of
 * letters, digits and `+ # . _ -`. The render guard allows that class on <code> and nothing else.
 */
export const CODE_LANGUAGE = /^[\w+#.-]+$/;

/**
 * How deeply a document may nest (quotes in quotes, lists in lists, elements in elements), counted
 * in the syntax tree. The MDX compiler fails without naming the file somewhere between 300 and 400
 * nested lists or 600 nested quotes; no entry written by a person comes near 64.
 */
export const MAX_NESTING = 64;

const COMMENT_ONLY = /^\s*\/\*[\s\S]*\*\/\s*$/;

/** True when an MDX expression holds nothing but one block comment. */
export function isCommentOnly(expression: string): boolean {
  if (!COMMENT_ONLY.test(expression)) return false;
  const trimmed = expression.trim();
  return trimmed.indexOf('*/') === trimmed.length - 2;
}

/**
 * Appended to every raw HTML block before it is parsed. The renderer parses all raw HTML of a
 * document as one stream, so a block that ends inside a comment, a tag or a quoted attribute
 * swallows the blocks after it (`> <!--` in a quote, then `<div title="--><img onerror=...>">`).
 * When the marker is not found as an element of its own, the block leaves something open.
 * The marker carries a fresh random word, so a file cannot contain a copy of it.
 */
function endMarkerTitle(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  return `gate-end-${random}`;
}

function isEndMarker(h: HtmlNode, title: string): boolean {
  return h.type === 'element' && h.tagName?.toLowerCase() === 'wbr' && propertyText(h.properties?.['title']) === title;
}

/** Offset of the start tag of an element in raw HTML, searching from `from`; -1 when not written. */
function findStartTag(lowerHtml: string, tag: string, from: number): number {
  const re = new RegExp(`<${tag.replace(/[^a-z0-9-]/g, '')}(?=[\\s/>]|$)`, 'g');
  re.lastIndex = from;
  return re.exec(lowerHtml)?.index ?? -1;
}

/** Offset of an attribute inside the start tag that begins at `tagAt`; the tag's offset when not found. */
function findAttribute(lowerHtml: string, tagAt: number, attribute: string): number {
  const end = lowerHtml.indexOf('>', tagAt);
  const tagText = lowerHtml.slice(tagAt, end === -1 ? undefined : end);
  const escaped = attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`[\\s/"']${escaped}(?=[\\s=/>]|$)`).exec(tagText);
  return m ? tagAt + m.index + 1 : tagAt;
}

export function checkBody(tree: MdNode, ctx: BodyContext, images: LocalImage[] = []): Problem[] {
  const problems: Problem[] = [];
  /** Where a node is in the file, or `offset` characters into the node's raw text (for HTML blocks). */
  const positionOf = (node: MdNode | undefined, raw?: { text: string; offset: number }) => {
    const start = node?.position?.start;
    let line = start?.line ?? 1;
    let column = start?.column ?? 1;
    if (raw && raw.offset > 0) {
      const before = raw.text.slice(0, raw.offset);
      const newlines = before.split('\n').length - 1;
      if (newlines === 0) column += raw.offset;
      else column = (start?.column ?? 1) + raw.offset - (before.lastIndexOf('\n') + 1);
      line += newlines;
    }
    if (line === 1 && ctx.firstLineColumn) column += ctx.firstLineColumn;
    return { line: line + ctx.bodyLine - 1, column };
  };
  const at = (node: MdNode | undefined, rule: string, message: string, raw?: { text: string; offset: number }) => {
    const where = positionOf(node, raw);
    problems.push(problem(ctx.file, where.line, where.column, rule, message));
  };
  const markerIn = (node: MdNode, text: string | undefined, what: string, raw?: { text: string; offset: number }) => {
    const marker = buildMarker(text);
    if (marker) at(node, 'build-marker', `${what} contains "${marker}", which the site's build reads as an instruction of its own; write it differently (for example with a space after the underscores)`, raw);
  };

  // Every definition of a label, not only the one the renderer picks: a remote image must not
  // hide behind a second [label]: line.
  const definitions = new Map<string, MdNode[]>();
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop() as MdNode;
    if (node.type === 'definition' && node.identifier) {
      const key = node.identifier.toLowerCase();
      definitions.set(key, [...(definitions.get(key) ?? []), node]);
    }
    if (node.children) for (const child of node.children) stack.push(child);
  }

  type Raw = { text: string; offset: number } | undefined;
  const checkUrl = (node: MdNode, url: string, what: string, raw?: Raw): boolean => {
    const scheme = refusedScheme(url);
    if (scheme !== undefined) {
      at(node, 'url-scheme', `${what} uses "${scheme}:", which is not allowed; links may start with https://, http:// or mailto:, or be a relative path`, raw);
      return false;
    }
    return true;
  };
  const checkImage = (node: MdNode, url: string, raw?: Raw) => {
    if (!checkUrl(node, url, 'the image address', raw)) return;
    if (isRemoteUrl(url)) {
      at(node, 'image-remote', `images must be files in your portfolio folder (for example ./photo.jpg), not addresses on other sites, so readers are not tracked; download the image and attach it`, raw);
      return;
    }
    const complaint = refusedLocalImage(url);
    if (complaint) {
      at(node, 'image-local', `the image ${JSON.stringify(url.slice(0, 80))} cannot be used: ${complaint}. Put the image file next to the entry and write ./photo.jpg`, raw);
      return;
    }
    images.push({ url, ...positionOf(node, raw) });
  };

  const checkHtml = (node: MdNode, html: string) => {
    const lower = html.toLowerCase();
    /** Where each tag name was last found, so repeated tags map to successive occurrences. */
    const cursor = new Map<string, number>();
    let sawMarker = false;
    const reportedBefore = problems.length;
    const marker = endMarkerTitle();
    // document order: children are visited before the next sibling
    const pending: [HtmlNode, number][] = [...ctx.parseHtml(`${html}<wbr title="${marker}">`)].reverse().map((h) => [h, 1]);
    let tooDeep = false;
    while (pending.length) {
      const [h, depth] = pending.pop() as [HtmlNode, number];
      if (depth > MAX_NESTING && !tooDeep) {
        tooDeep = true;
        at(node, 'nesting', `this HTML nests elements more than ${MAX_NESTING} levels deep; at most ${MAX_NESTING} levels are allowed. Flatten it, or split it into several entries`);
      }
      if (isEndMarker(h, marker)) {
        sawMarker = true;
        continue;
      }
      if (h.type === 'text') markerIn(node, h.value, 'this HTML');
      if (h.type === 'element' && h.tagName) {
        const tag = h.tagName.toLowerCase();
        const found = findStartTag(lower, tag, cursor.get(tag) ?? 0);
        if (found !== -1) cursor.set(tag, found + 1);
        const tagAt = found === -1 ? 0 : found;
        if (!ALLOWED_ELEMENTS.has(tag)) {
          at(node, 'html-element', `the HTML element <${tag}> is not allowed: ${elementAdvice(tag)}`, { text: html, offset: tagAt });
        } else {
          for (const [prop, value] of Object.entries(h.properties ?? {})) {
            const attr = attributeName(prop);
            const raw = { text: html, offset: found === -1 ? 0 : findAttribute(lower, tagAt, attr) };
            markerIn(node, propertyText(value), `the attribute ${attr} of <${tag}>`, raw);
            if (!isAllowedAttribute(tag, attr)) {
              at(node, 'html-attribute', `the attribute ${attr} on <${tag}> is not allowed: ${attributeAdvice(attr)}`, raw);
            } else if (URL_ATTRIBUTES.has(attr)) {
              const url = propertyText(value);
              if (tag === 'img' && attr === 'src') checkImage(node, url, raw);
              else checkUrl(node, url, `the ${attr} of <${tag}>`, raw);
            }
          }
        }
      } else if (h.type !== 'text' && h.type !== 'comment' && h.type !== 'root' && h.type !== 'doctype') {
        at(node, 'html-element', `unexpected HTML (${h.type}); use Markdown instead`);
      } else if (h.type === 'doctype') {
        at(node, 'html-element', 'a doctype is not allowed in a portfolio entry; remove it');
      }
      if (h.children) for (let i = h.children.length - 1; i >= 0; i--) pending.push([h.children[i] as HtmlNode, depth + 1]);
    }
    // an element already refused (a <script> opens raw text, an <svg> foreign content) explains it
    if (!sawMarker && !problems.slice(reportedBefore).some((p) => p.rule === 'html-element')) {
      at(
        node,
        'html-unclosed',
        'this HTML leaves a comment (<!--), a tag or a quoted attribute open, so the text after it would be read as HTML; close it (with -->, > or the closing quote) before the end of the block',
      );
    }
  };

  const checkJsx = (node: MdNode) => {
    const name = node.name;
    if (!name) {
      at(node, 'mdx-component', 'empty JSX fragments (<>...</>) are not allowed; remove the <> and </>');
      return;
    }
    const attributes = node.attributes ?? [];
    for (const attribute of attributes) {
      if (typeof attribute.value === 'string') markerIn(node, attribute.value, `the attribute ${attribute.name ?? ''} of <${name}>`);
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        at(node, 'mdx-spread-attribute', `{...} spread attributes are not allowed on <${name}>; write each attribute as name="text"`);
      } else if (attribute.value && typeof attribute.value === 'object') {
        at(node, 'mdx-expression-attribute', `the attribute ${attribute.name ?? ''}={...} on <${name}> is an expression; write it as ${attribute.name ?? 'name'}="text"`);
      }
    }
    if (/^[a-z]/.test(name) && !name.includes('.') && !name.includes(':')) {
      const tag = name.toLowerCase();
      if (!ALLOWED_ELEMENTS.has(tag)) {
        at(node, 'html-element', `the HTML element <${tag}> is not allowed: ${elementAdvice(tag)}`);
        return;
      }
      for (const attribute of attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        const attr = attribute.name === 'className' ? 'class' : attribute.name === 'htmlFor' ? 'for' : attribute.name.toLowerCase();
        if (!isAllowedAttribute(tag, attr)) {
          at(node, 'html-attribute', `the attribute ${attribute.name} on <${tag}> is not allowed: ${attributeAdvice(attr)}`);
        } else if (URL_ATTRIBUTES.has(attr) && typeof attribute.value === 'string') {
          if (tag === 'img' && attr === 'src' && !isRemoteUrl(attribute.value) && refusedScheme(attribute.value) === undefined) {
            // the MDX compiler publishes only Markdown images; a JSX <img> would point at a file the site does not have
            at(node, 'image-local', `in an .mdx entry, write an image in Markdown, ![description](${attribute.value.slice(0, 60)}), so the site can publish the file; <img src="..."> would show a broken image`);
          } else if (tag === 'img' && attr === 'src') checkImage(node, attribute.value);
          else checkUrl(node, attribute.value, `the ${attr} of <${tag}>`);
        }
      }
      return;
    }
    // own properties only: <__proto__ /> or <constructor /> must not find Object's members
    const spec = Object.hasOwn(ctx.policy.components, name) ? ctx.policy.components[name] : undefined;
    if (!spec) {
      const allowed = Object.keys(ctx.policy.components);
      at(
        node,
        'mdx-component',
        allowed.length
          ? `<${name}> is not a component you can use here; use one of ${allowed.map((c) => `<${c}>`).join(', ')}, or write the text in Markdown`
          : `<${name}> is not a component you can use here; write the text in Markdown instead`,
      );
      return;
    }
    const seen = new Set<string>();
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
      seen.add(attribute.name);
      const rule = Object.hasOwn(spec.attributes, attribute.name) ? spec.attributes[attribute.name] : undefined;
      if (!rule) {
        at(node, 'component-attribute', `<${name}> has no attribute ${attribute.name}; remove it (<${name}> takes ${Object.keys(spec.attributes).join(', ') || 'no attributes'})`);
        continue;
      }
      if (typeof attribute.value === 'string') {
        const complaint = rule.check?.(attribute.value);
        if (complaint) at(node, 'component-attribute', `${attribute.name} on <${name}> ${complaint}`);
        if (rule.url) checkUrl(node, attribute.value, `${attribute.name} on <${name}>`);
      }
    }
    for (const [attr, rule] of Object.entries(spec.attributes)) {
      if (rule.required && !seen.has(attr)) at(node, 'component-attribute', `<${name}> needs ${attr}="..."`);
    }
    if (!spec.children && (node.children?.length ?? 0) > 0) {
      at(node, 'component-attribute', `<${name}> does not wrap content; write it as <${name} ... />`);
    }
  };

  stack.push(tree);
  while (stack.length) {
    const node = stack.pop() as MdNode;
    // text, code, link addresses and titles: everything the renderer writes out
    markerIn(node, [node.value, node.url, node.title, node.alt].filter((v) => typeof v === 'string').join('\n'), 'this text');
    switch (node.type) {
      case 'yaml':
      case 'toml':
        // a second frontmatter block at the top of the body: the renderer drops it unseen
        at(
          node,
          'frontmatter-delimiter',
          'the text starts with a second block between --- (or +++) lines, which the site would hide; remove those lines, or start the text with a sentence',
        );
        break;
      case 'mdxjsEsm':
        at(node, 'mdx-esm', 'import and export lines are not allowed in a portfolio entry: the components you may use are available without importing. Remove the line');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value ?? '')) {
          at(node, 'mdx-expression', `{${(node.value ?? '').slice(0, 40)}} is code, which is not allowed in a portfolio entry; to show braces as text write \\{ and \\}, or use {/* ... */} for a comment`);
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsx(node);
        break;
      case 'html':
        checkHtml(node, node.value ?? '');
        break;
      case 'code':
        if (node.lang && !CODE_LANGUAGE.test(node.lang)) {
          at(node, 'code-language', `the language of this code block (${JSON.stringify(node.lang.slice(0, 40))}) must be one word, such as \`\`\`html or \`\`\`python; write it that way, or remove it`);
        }
        break;
      case 'link':
        checkUrl(node, node.url ?? '', 'the link');
        break;
      case 'definition':
        checkUrl(node, node.url ?? '', 'the link definition');
        break;
      case 'image':
        checkImage(node, node.url ?? '');
        break;
      case 'imageReference': {
        for (const def of node.identifier ? (definitions.get(node.identifier.toLowerCase()) ?? []) : []) {
          if (def.url) checkImage(node, def.url);
        }
        break;
      }
      default:
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdNode);
  }
  return problems;
}
