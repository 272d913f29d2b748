/**
 * One participant's portfolio as a zip archive (fflate), in one folder:
 *
 *   portfolio-<id>/index.html          profile and the list of entries
 *   portfolio-<id>/evidence.html       each criterion's status and the entries that support it
 *   portfolio-<id>/decision.html       the faculty's decision, only once it is released
 *   portfolio-<id>/entries/<slug>.html each entry, rendered
 *   portfolio-<id>/source/             the original Markdown files and their attachments
 *   portfolio-<id>/README.txt
 *
 * Nothing else: no assessment, no recipient record, nothing of another participant.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { collectPortfolio, ExportError, type PortfolioExport } from './collect.ts';
import { decisionPage, entryPage, evidencePage, indexPage } from './pages.ts';
import { renderEntryBody } from './render.ts';

export { ExportError } from './collect.ts';

export interface ExportOptions {
  demo: boolean;
  asOf: Date;
  /** The public verification page of a certificate, when there is one. */
  verifyUrl?: ((certificateId: string) => string) | undefined;
  onProgress?: ((done: number, total: number, what: string) => void) | undefined;
}

export interface ExportResult {
  zip: Uint8Array;
  /** Paths inside the archive. */
  files: string[];
  portfolio: PortfolioExport;
}

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function exportPortfolio(root: string, participant: string, options: ExportOptions): ExportResult {
  const portfolio = collectPortfolio(root, participant, options);
  const top = `portfolio-${participant}`;
  const files = new Map<string, Uint8Array>();
  const steps = portfolio.entries.length * 2 + 3;
  let done = 0;
  const progress = (what: string) => options.onProgress?.(++done, steps, what);

  for (const entry of portfolio.entries) {
    const rendered = renderEntryBody(entry.file, entry.body, { root, prefix: '../source/' });
    if (rendered.violations.length) {
      throw new ExportError(`${entry.file}: the renderer produced markup the safety gate should have refused (${rendered.violations.join('; ')}); run npm run validate -- ${entry.file}`);
    }
    files.set(`${top}/entries/${entry.slug}.html`, strToU8(entryPage(portfolio, entry, rendered.html)));
    progress(`entries/${entry.slug}.html`);
    files.set(`${top}/source/${entry.file.slice(entry.file.lastIndexOf('/') + 1)}`, strToU8(entry.text));
    for (const a of entry.attachments) files.set(`${top}/source/${a.name}`, new Uint8Array(readFileSync(join(root, a.file))));
    // images and files the body shows or links to, when they are in the participant's own folder
    const folder = entry.file.slice(0, entry.file.lastIndexOf('/') + 1);
    for (const link of rendered.linked) {
      let path: string;
      try {
        path = decodeURI(link.split(/[?#]/)[0] ?? '');
      } catch {
        continue;
      }
      if (path === '' || path.split('/').some((s) => s === '..' || s === '.' || s === '') || /\.(md|mdx)$/i.test(path)) continue;
      if (existsSync(join(root, folder, path)) && statSync(join(root, folder, path)).isFile()) files.set(`${top}/source/${path}`, new Uint8Array(readFileSync(join(root, folder, path))));
    }
    progress(`source/${entry.slug} and ${entry.attachments.length} attachment${entry.attachments.length === 1 ? '' : 's'}`);
  }
  files.set(`${top}/index.html`, strToU8(indexPage(portfolio)));
  progress('index.html');
  files.set(`${top}/evidence.html`, strToU8(evidencePage(portfolio)));
  progress('evidence.html');
  if (portfolio.decision) {
    const id = portfolio.decision.data.certificateId;
    files.set(`${top}/decision.html`, strToU8(decisionPage(portfolio, id && options.verifyUrl ? options.verifyUrl(id) : undefined)));
  }
  files.set(
    `${top}/README.txt`,
    strToU8(
      `Portfolio of ${portfolio.participant.data.name}\n\nOpen index.html in a web browser. Everything is in this folder and works without a network.\nsource/ holds the original files, as written.\n`,
    ),
  );
  progress(portfolio.decision ? 'decision.html and README.txt' : 'README.txt');

  const zippable: Zippable = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) zippable[path] = [bytes, { mtime: FIXED_TIME }];
  return { zip: zipSync(zippable, { level: 6 }), files: [...files.keys()].sort(), portfolio };
}
