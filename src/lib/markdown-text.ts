/**
 * Short Markdown written in a YAML field (a session's pre-work), rendered with the same engine and
 * the same render guard as page bodies, so it can hold emphasis, lists and links but never markup
 * outside the allow-list.
 */
import { markdownToHtml } from 'satteri';
import { renderGuard } from './gate/render-guard.ts';

export function markdownFieldToHtml(text: string): string {
  const result = markdownToHtml(text, { features: { rawHtml: true, gfm: true }, hastPlugins: [renderGuard()] });
  return (result as { html: string }).html;
}
