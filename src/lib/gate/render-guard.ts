/**
 * The gate's allow-list enforced a second time, on the tree the renderer actually produced
 * (a Sätteri hast plugin). The gate refuses files before they are compiled; this guard exists
 * for the case where the gate's parser and the renderer's disagree. It removes anything outside
 * the allow-list and records it, and the build fails on any record (see `takeGuardViolations`).
 */
import { fileURLToPath } from 'node:url';
import { ALLOWED_ELEMENTS, URL_ATTRIBUTES, isAllowedAttribute, refusedScheme, PORTFOLIO_COMPONENTS, PROGRAM_COMPONENTS } from './allowlists.ts';
import { attributeName, CODE_LANGUAGE } from './check-body.ts';

const CODE_LANGUAGE_CLASS = new RegExp(`^language-${CODE_LANGUAGE.source.slice(1)}`);

export interface GuardViolation {
  file: string;
  message: string;
}

const REGISTRY = Symbol.for('certification.renderGuard.violations');
type Registry = { [REGISTRY]?: GuardViolation[] };

function record(v: GuardViolation): void {
  const g = globalThis as Registry;
  (g[REGISTRY] ??= []).push(v);
}

/**
 * The files with a violation recorded since the last `takeGuardViolations`, leaving the records in
 * place for it: the content loader keeps such an entry out of the content store, so a build that
 * reuses the store renders it, and fails on it, again.
 */
export function guardViolationFiles(): Set<string> {
  return new Set(((globalThis as Registry)[REGISTRY] ?? []).map((v) => v.file));
}

/** Violations recorded since the last call (shared across module instances in one process). */
export function takeGuardViolations(): GuardViolation[] {
  const g = globalThis as Registry;
  const out = g[REGISTRY] ?? [];
  g[REGISTRY] = [];
  return out;
}

/** Markup the Markdown renderer itself produces (footnotes, task lists), allowed in its output only. */
function isRendererMarkup(tag: string, attr: string, value: string): boolean {
  if (attr === 'id') return value === 'footnote-label' || value.startsWith('user-content-');
  if (attr === 'href' && value.startsWith('#user-content-')) return true;
  // a fenced code block's language (```html); the gate allows only a plain word there
  if (tag === 'code' && attr === 'class' && CODE_LANGUAGE_CLASS.test(value)) return true;
  if (attr === 'class') return /^(footnotes|sr-only|data-footnote-backref|task-list-item|contains-task-list)( |$)/.test(value);
  if (attr.startsWith('data-footnote')) return true;
  if (attr === 'aria-describedby' || attr === 'aria-label') return true;
  if (tag === 'input') return attr === 'type' ? value === 'checkbox' : attr === 'disabled' || attr === 'checked';
  if (tag === 'td' || tag === 'th') return attr === 'style' && /^text-align: ?(left|right|center);?$/.test(value);
  return false;
}

function isParticipantFile(url: URL | undefined): boolean {
  if (!url) return false;
  const path = fileURLToPath(url).split('\\').join('/');
  return /\/content\/(demo\/)?portfolios\//.test(path);
}

type Props = Record<string, unknown>;
interface ElementLike {
  type: string;
  tagName: string;
  properties?: Props;
}
interface JsxLike {
  type: string;
  name?: string | null;
}
interface Ctx {
  fileURL: URL | undefined;
  removeNode(node: unknown): void;
  setProperty(node: unknown, key: string, value: unknown): void;
}

const text = (v: unknown) => (Array.isArray(v) ? v.join(' ') : v === true ? '' : String(v ?? ''));

export function renderGuard() {
  const where = (ctx: Ctx) => (ctx.fileURL ? fileURLToPath(ctx.fileURL) : 'unknown file');
  return {
    name: 'certification-render-guard',
    element: {
      filter: [] as string[],
      visit(node: ElementLike, ctx: Ctx) {
        const tag = node.tagName.toLowerCase();
        if (!ALLOWED_ELEMENTS.has(tag) && !(tag === 'input' && text(node.properties?.['type']) === 'checkbox') && tag !== 'section') {
          record({ file: where(ctx), message: `rendered output contained <${tag}>; it was removed` });
          ctx.removeNode(node);
          return;
        }
        for (const [prop, value] of Object.entries(node.properties ?? {})) {
          const attr = attributeName(prop);
          const v = text(value);
          if (isRendererMarkup(tag, attr, v)) continue;
          if (tag === 'section' && attr === 'class') continue;
          if (!isAllowedAttribute(tag, attr)) {
            record({ file: where(ctx), message: `rendered output contained ${attr} on <${tag}>; it was removed` });
            ctx.setProperty(node, prop, null);
          } else if (URL_ATTRIBUTES.has(attr) && refusedScheme(v) !== undefined) {
            record({ file: where(ctx), message: `rendered output contained a ${refusedScheme(v)}: address in ${attr}; it was removed` });
            ctx.setProperty(node, prop, null);
          }
        }
      },
    },
    raw(node: unknown, ctx: Ctx) {
      record({ file: where(ctx), message: 'rendered output contained unparsed HTML; it was removed' });
      ctx.removeNode(node);
    },
    mdxJsxFlowElement: { filter: [] as string[], visit: (node: JsxLike, ctx: Ctx) => checkComponent(node, ctx) },
    mdxJsxTextElement: { filter: [] as string[], visit: (node: JsxLike, ctx: Ctx) => checkComponent(node, ctx) },
    mdxjsEsm(node: unknown, ctx: Ctx) {
      if (isParticipantFile(ctx.fileURL)) {
        record({ file: where(ctx), message: 'rendered output contained an import or export; it was removed' });
        ctx.removeNode(node);
      }
    },
    mdxFlowExpression(node: unknown, ctx: Ctx) {
      if (isParticipantFile(ctx.fileURL)) guardExpression(node, ctx);
    },
    mdxTextExpression(node: unknown, ctx: Ctx) {
      if (isParticipantFile(ctx.fileURL)) guardExpression(node, ctx);
    },
  };

  function checkComponent(node: JsxLike, ctx: Ctx) {
    const name = node.name ?? '';
    if (/^[a-z]/.test(name)) return; // lowercase JSX is HTML; the gate checked its attributes
    const allowed = isParticipantFile(ctx.fileURL) ? PORTFOLIO_COMPONENTS : PROGRAM_COMPONENTS;
    if (!(name in allowed)) {
      record({ file: where(ctx), message: `rendered output contained the component <${name}>; it was removed` });
      ctx.removeNode(node);
    }
  }

  function guardExpression(node: unknown, ctx: Ctx) {
    const value = (node as { value?: string }).value ?? '';
    const trimmed = value.trim();
    if (!(trimmed.startsWith('/*') && trimmed.endsWith('*/') && trimmed.indexOf('*/') === trimmed.length - 2)) {
      record({ file: where(ctx), message: 'rendered output contained a JavaScript expression; it was removed' });
      ctx.removeNode(node);
    }
  }
}
