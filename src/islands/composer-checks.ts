/**
 * The composer's heavy half, loaded on the first touch of the form rather than with the page:
 * writing the file (scaffold), the safety gate with the browser's parsers, the schema, and the
 * Markdown preview. The same code the validator and the build run.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { portfolioEntrySchema } from '../schemas/portfolio-entry.ts';
import { scaffoldEntry, type ScaffoldOptions, type ScaffoldedEntry } from '../lib/scaffold.ts';
import { checkSchema } from '../lib/schema-problems.ts';
import { gateInBrowser } from '../lib/gate/browser.ts';
import { PORTFOLIO_COMPONENTS } from '../lib/gate/allowlists.ts';
import type { Problem } from '../lib/problems.ts';

export function writeEntry(options: ScaffoldOptions): ScaffoldedEntry {
  return scaffoldEntry(options);
}

export function checkEntry(path: string, text: string): Problem[] {
  const gate = gateInBrowser(path, text, PORTFOLIO_COMPONENTS);
  const schema = checkSchema(portfolioEntrySchema, gate.source.data, path, gate.source.locate, 'a portfolio entry');
  return [...gate.problems, ...schema.problems];
}

/** micromark escapes raw HTML and refuses unsafe link protocols by default. */
export function previewHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}
