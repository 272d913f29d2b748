/**
 * The pages of a portfolio archive: plain HTML with the styles inline and every link relative, so
 * the folder opens from disk on any machine, without a server or a network.
 */
import { ENTRY_TYPE_LABELS } from '../../schemas/portfolio-entry.ts';
import { OUTCOME_LABELS } from '../../schemas/decision.ts';
import { formatDate } from '../time.ts';
import type { PortfolioExport, ExportEntry } from './collect.ts';
import { escapeHtml as e } from './render.ts';

const CSS = `
:root { --ink: #1d2433; --soft: #4a5468; --line: #d9dce3; --accent: #1f5f6b; --panel: #f4f1ea; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: #fdfcf9; }
header, main, footer { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
header a { color: var(--accent); }
footer { color: var(--soft); font-size: 0.9rem; border-top: 1px solid var(--line); }
a { color: var(--accent); }
h1 { line-height: 1.2; }
img { max-width: 100%; height: auto; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--line); color: var(--soft); }
pre { background: var(--panel); padding: 1rem; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.25rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.muted { color: var(--soft); }
.status { font-weight: 600; }
.status.complete { color: #1e6b3a; }
.status.none { color: #a3261b; }
.entry-list { list-style: none; padding: 0; }
.entry-list li { padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
@media print { header nav, footer { display: none; } }
`;

function page(title: string, body: string, options: { depth: 0 | 1; lang?: string | undefined; name: string }): string {
  const up = options.depth === 1 ? '../' : '';
  return `<!doctype html>
<html lang="${e(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)} · ${e(options.name)}</title>
<style>${CSS}</style>
</head>
<body>
<header lang="en"><nav><a href="${up}index.html">Portfolio of ${e(options.name)}</a> · <a href="${up}evidence.html">Evidence</a></nav></header>
<main>
${body}
</main>
<footer lang="en"><p>Exported from the Compassionate Systems certification portfolio. The original files are in the source folder of this archive.</p></footer>
</body>
</html>
`;
}

const VISIBILITY_LABELS: Record<string, string> = { public: 'public', cohort: 'shared with the cohort', faculty: 'faculty only' };

export function indexPage(x: PortfolioExport): string {
  const p = x.participant.data;
  const entries = x.entries
    .map(
      (en) =>
        `<li><a href="entries/${e(en.slug)}.html">${e(en.data.title)}</a><br><span class="muted">${e(ENTRY_TYPE_LABELS[en.data.type])} · ${e(formatDate(en.data.date))} · ${e(VISIBILITY_LABELS[en.data.visibility] ?? en.data.visibility)}${en.attachments.length ? ` · ${en.attachments.length} attachment${en.attachments.length === 1 ? '' : 's'}` : ''}</span></li>`,
    )
    .join('\n');
  const body = `<h1>Portfolio of ${e(p.name)}</h1>
<dl class="facts">
<dt>Cohort</dt><dd>${e(x.cohortTitle)}</dd>
<dt>Site</dt><dd>${e(x.siteName)}</dd>
<dt>Entries</dt><dd>${x.entries.length}</dd>
<dt>Exported</dt><dd>${e(formatDate(x.asOf.toISOString().slice(0, 10)))}</dd>
</dl>
<p><a href="evidence.html">Evidence against the qualification criteria</a>${x.decision ? ` · <a href="decision.html">Decision of the faculty</a>` : ''}</p>
<h2>Entries</h2>
${x.entries.length ? `<ul class="entry-list">\n${entries}\n</ul>` : '<p>No entries yet.</p>'}
<p class="muted">Each entry’s original Markdown file and its attachments are in the <a href="source/">source</a> folder.</p>`;
  return page('Portfolio', body, { depth: 0, name: p.name });
}

export function entryPage(x: PortfolioExport, en: ExportEntry, html: string): string {
  const d = en.data;
  const criteria = new Map(x.criteria.map((c) => [c.id, c.data.title]));
  const facts = [
    ['Kind', ENTRY_TYPE_LABELS[d.type]],
    ['Date', formatDate(d.date)],
    ['Visibility', VISIBILITY_LABELS[d.visibility] ?? d.visibility],
    ...(d.criteria.length ? [['Criteria', d.criteria.map((c) => criteria.get(c) ?? c).join('; ')]] : []),
    ...(d.tags.length ? [['Tags', d.tags.join(', ')]] : []),
  ] as [string, string][];
  const ext = en.file.slice(en.file.lastIndexOf('.'));
  const attachments = en.attachments.length
    ? `<h2 lang="en">Attachments</h2>\n<ul>${en.attachments.map((a, i) => `<li><a href="../source/${e(a.name)}">${e(d.attachments[i]?.title ?? a.name)}</a></li>`).join('')}</ul>`
    : '';
  const body = `<h1>${e(d.title)}</h1>
<dl class="facts" lang="en">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
${d.summary ? `<p><em>${e(d.summary)}</em></p>` : ''}
<article>
${html}
</article>
${attachments}
<p class="muted" lang="en">Original file: <a href="../source/${e(en.slug)}${e(ext)}">${e(en.slug)}${e(ext)}</a></p>`;
  return page(d.title, body, { depth: 1, lang: d.lang, name: x.participant.data.name });
}

const STATUS_LABELS: Record<string, string> = { complete: 'Met', 'in-progress': 'In progress', none: 'Nothing yet' };

export function evidencePage(x: PortfolioExport): string {
  const slugs = new Map(x.entries.map((en) => [`${x.participant.id}/${en.slug}`, en]));
  const rows = x.criteria
    .map((c) => {
      const cov = x.coverage?.criteria.get(c.id);
      const entries = (cov?.supporting.entries ?? [])
        .map((id) => slugs.get(id))
        .filter((en): en is ExportEntry => en !== undefined)
        .map((en) => `<li><a href="entries/${e(en.slug)}.html">${e(en.data.title)}</a></li>`)
        .join('');
      const sessions = (cov?.supporting.sessions ?? []).map((id) => `<li>${e(x.sessions.get(id) ?? id)}</li>`).join('');
      return `<section>
<h2>${e(c.data.title)}</h2>
<p><span class="status ${e(cov?.status ?? 'none')}">${e(STATUS_LABELS[cov?.status ?? 'none'] ?? '')}</span>${cov?.summary ? `: ${e(cov.summary)}` : ''}</p>
${cov?.missing ? `<p class="muted">Still needed: ${e(cov.missing)}</p>` : ''}
${entries ? `<p>Entries:</p><ul>${entries}</ul>` : ''}
${sessions ? `<p>Sessions attended:</p><ul>${sessions}</ul>` : ''}
</section>`;
    })
    .join('\n');
  const body = `<h1>Evidence against the qualification criteria</h1>
<p class="muted">As on ${e(formatDate(x.asOf.toISOString().slice(0, 10)))}, worked out from the portfolio and the attendance record as the faculty site does.</p>
${x.criteria.length ? rows : '<p>No criteria are published.</p>'}`;
  return page('Evidence', body, { depth: 0, name: x.participant.data.name });
}

export function decisionPage(x: PortfolioExport, verifyUrl: string | undefined): string {
  const decision = x.decision;
  if (!decision) throw new Error('no released decision');
  const d = decision.data;
  const body = `<h1>${e(OUTCOME_LABELS[d.outcome])}</h1>
<dl class="facts">
<dt>Decided</dt><dd>${e(formatDate(d.date))}</dd>
${d.released ? `<dt>Told to you</dt><dd>${e(formatDate(d.released))}</dd>` : ''}
${d.certificateId ? `<dt>Certificate</dt><dd>${e(d.certificateId)}${verifyUrl ? ` · <a href="${e(verifyUrl)}">verification page</a>` : ''}</dd>` : ''}
${d.revoked ? `<dt>Revoked</dt><dd>${e(formatDate(d.revoked.date))}</dd>` : ''}
</dl>
${d.conditions?.length ? `<h2>What is needed before certification</h2><ul>${d.conditions.map((c) => `<li>${e(c)}</li>`).join('')}</ul>` : ''}`;
  return page('Decision', body, { depth: 0, name: x.participant.data.name });
}
