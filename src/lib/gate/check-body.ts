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
  position?: { start: Point } | undefined;
  children?: MdNode[];
  value?: string;
  url?: string;
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
  policy: BodyPolicy;
  /** Parse an HTML fragment into hast-like nodes. */
  parseHtml: (html: string) => HtmlNode[];
}

/** hast property name back to the HTML attribute name an author wrote. */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (property === 'httpEquiv') return 'http-equiv';
  if (/^(data|aria)[A-Z0-9]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function propertyText(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  if (value === true) return '';
  return String(value ?? '');
}

const COMMENT_ONLY = /^\s*\/\*[\s\S]*\*\/\s*$/;

/** True when an MDX expression holds nothing but one block comment. */
export function isCommentOnly(expression: string): boolean {
  if (!COMMENT_ONLY.test(expression)) return false;
  const trimmed = expression.trim();
  return trimmed.indexOf('*/') === trimmed.length - 2;
}

function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url.trim()) || url.trim().startsWith('//');
}

export function checkBody(tree: MdNode, ctx: BodyContext): Problem[] {
  const problems: Problem[] = [];
  const at = (node: MdNode | undefined, rule: string, message: string) => {
    const start = node?.position?.start;
    problems.push(problem(ctx.file, (start?.line ?? 1) + ctx.bodyLine - 1, start?.column ?? 1, rule, message));
  };

  const definitions = new Map<string, MdNode>();
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop() as MdNode;
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier.toLowerCase(), node);
    if (node.children) for (const child of node.children) stack.push(child);
  }

  const checkUrl = (node: MdNode, url: string, what: string) => {
    const scheme = refusedScheme(url);
    if (scheme !== undefined) {
      at(node, 'url-scheme', `${what} uses "${scheme}:", which is not allowed; links may start with https://, http:// or mailto:, or be a relative path`);
    }
  };
  const checkImage = (node: MdNode, url: string) => {
    checkUrl(node, url, 'the image address');
    if (isExternal(url)) {
      at(node, 'image-remote', `images must be files in your portfolio folder (for example ./photo.jpg), not addresses on other sites, so readers are not tracked; download the image and attach it`);
    }
  };

  const checkHtml = (node: MdNode, html: string) => {
    const pending: HtmlNode[] = [...ctx.parseHtml(html)];
    while (pending.length) {
      const h = pending.pop() as HtmlNode;
      if (h.type === 'element' && h.tagName) {
        const tag = h.tagName.toLowerCase();
        if (!ALLOWED_ELEMENTS.has(tag)) {
          at(node, 'html-element', `the HTML element <${tag}> is not allowed: ${elementAdvice(tag)}`);
        } else {
          for (const [prop, value] of Object.entries(h.properties ?? {})) {
            const attr = attributeName(prop);
            if (!isAllowedAttribute(tag, attr)) {
              at(node, 'html-attribute', `the attribute ${attr} on <${tag}> is not allowed: ${attributeAdvice(attr)}`);
            } else if (URL_ATTRIBUTES.has(attr)) {
              const url = propertyText(value);
              if (tag === 'img' && attr === 'src') checkImage(node, url);
              else checkUrl(node, url, `the ${attr} of <${tag}>`);
            }
          }
        }
      } else if (h.type !== 'text' && h.type !== 'comment' && h.type !== 'root' && h.type !== 'doctype') {
        at(node, 'html-element', `unexpected HTML (${h.type}); use Markdown instead`);
      } else if (h.type === 'doctype') {
        at(node, 'html-element', 'a doctype is not allowed in a portfolio entry; remove it');
      }
      if (h.children) for (const child of h.children) pending.push(child);
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
          if (tag === 'img' && attr === 'src') checkImage(node, attribute.value);
          else checkUrl(node, attribute.value, `the ${attr} of <${tag}>`);
        }
      }
      return;
    }
    const spec = ctx.policy.components[name];
    if (!spec) {
      const allowed = Object.keys(ctx.policy.components);
      at(node, 'mdx-component', `<${name}> is not a component you can use here; the components are ${allowed.map((c) => `<${c}>`).join(', ') || 'none'}`);
      return;
    }
    const seen = new Set<string>();
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
      seen.add(attribute.name);
      const rule = spec.attributes[attribute.name];
      if (!rule) {
        at(node, 'component-attribute', `<${name}> has no attribute ${attribute.name}; it takes ${Object.keys(spec.attributes).join(', ') || 'no attributes'}`);
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
    switch (node.type) {
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
        const def = node.identifier ? definitions.get(node.identifier.toLowerCase()) : undefined;
        if (def?.url) checkImage(node, def.url);
        break;
      }
      default:
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdNode);
  }
  return problems;
}
