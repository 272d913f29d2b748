/**
 * npm run export:portfolio on the credentials fixture: one archive with exactly one participant's
 * files, pages that open from disk, the decision only once released, nothing faculty wrote, and
 * a message that says what to write for an unknown participant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { exportPortfolio } from '../../../src/lib/export-portfolio/archive.ts';
import { mdxToMarkdown, renderEntryBody } from '../../../src/lib/export-portfolio/render.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/credentials/content');
const AS_OF = new Date('2026-11-29T12:00:00Z');

/** Words that belong to other participants, to faculty writing, or to faculty-only records. */
const NOT_ANA = ['Zzprivatus', 'bo-private', 'CANARYBO', 'Cy Revocata', 'cy-revoked', 'Di Pendens', 'Fi Currentia', 'CANARYFI', 'CANARYASSESSMENT', 'CANARYREVOCATIONREASON', 'CANARYCONDITIONED', 'recipient@example.org', 'saltana'];

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

describe('portfolio export', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
  });
  afterAll(() => project?.cleanup());

  it('writes one archive with exactly the files of one participant, showing progress', () => {
    const run = project.run('export-portfolio', ['--participant', 'ana-public', '--out', 'ana.zip']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[1\/\d+\] entries\/public-entry\.html/);
    expect(run.stderr).toContain('wrote ana.zip: 2 entries');
    const files = unzip(new Uint8Array(readFileSync(join(project.root, 'ana.zip'))));
    expect([...files.keys()].sort()).toEqual([
      'portfolio-ana-public/README.txt',
      'portfolio-ana-public/decision.html',
      'portfolio-ana-public/entries/faculty-entry.html',
      'portfolio-ana-public/entries/public-entry.html',
      'portfolio-ana-public/evidence.html',
      'portfolio-ana-public/index.html',
      'portfolio-ana-public/source/faculty-entry.md',
      'portfolio-ana-public/source/picture.png',
      'portfolio-ana-public/source/plan.pdf',
      'portfolio-ana-public/source/public-entry.md',
    ]);
    for (const [path, bytes] of files) {
      const text = strFromU8(bytes, true);
      for (const word of NOT_ANA) expect(text.includes(word), `${word} in ${path}`).toBe(false);
    }
    // the originals, byte for byte
    expect(files.get('portfolio-ana-public/source/public-entry.md')).toEqual(new Uint8Array(readFileSync(join(FIXTURE, 'portfolios/ana-public/public-entry.md'))));
    expect(files.get('portfolio-ana-public/source/plan.pdf')).toEqual(new Uint8Array(readFileSync(join(FIXTURE, 'portfolios/ana-public/plan.pdf'))));
  });

  it('renders pages that open from disk: inline styles, no scripts, every relative link inside the archive', () => {
    const { zip } = exportPortfolio(project.root, 'ana-public', { demo: false, asOf: AS_OF });
    const files = unzip(zip);
    for (const [path, bytes] of files) {
      if (!path.endsWith('.html')) continue;
      const html = strFromU8(bytes);
      expect(html, path).toContain('<style>');
      expect(html, path).not.toMatch(/<script|<link[^>]+stylesheet|src="\/|href="\/(?!\/)/);
      for (const [, target] of html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const resolved = posix.normalize(posix.join(posix.dirname(path), target!));
        const exists = files.has(resolved) || [...files.keys()].some((f) => f.startsWith(resolved.endsWith('/') ? resolved : `${resolved}/`));
        expect(exists, `${path} links to ${target}`).toBe(true);
      }
    }
    const entry = strFromU8(files.get('portfolio-ana-public/entries/public-entry.html')!);
    expect(entry).toContain('ANAPUBLICWORD');
    expect(entry).toContain('<img src="../source/picture.png" alt="A picture">');
    expect(entry).toContain('<a href="../source/plan.pdf">');
    expect(strFromU8(files.get('portfolio-ana-public/entries/faculty-entry.html')!)).toContain('CANARYANAPRIVATE');
  });

  it('shows each criterion’s status with the entries that support it', () => {
    const files = unzip(exportPortfolio(project.root, 'ana-public', { demo: false, asOf: AS_OF }).zip);
    const evidence = strFromU8(files.get('portfolio-ana-public/evidence.html')!);
    expect(evidence).toContain('Builds a reflective portfolio');
    expect(evidence).toMatch(/class="status complete">Met/);
    expect(evidence).toContain('<a href="entries/public-entry.html">Ana public reflection</a>');
  });

  it('includes the decision only once it is released, and never an assessment', () => {
    const ana = unzip(exportPortfolio(project.root, 'ana-public', { demo: false, asOf: AS_OF, verifyUrl: (id) => `https://fixture.example/credentials/${id}/` }).zip);
    const decision = strFromU8(ana.get('portfolio-ana-public/decision.html')!);
    expect(decision).toContain('Certified as Trainer');
    expect(decision).toContain('CST-2025-0001');
    expect(decision).toContain('href="https://fixture.example/credentials/CST-2025-0001/"');
    expect(decision).not.toContain('CANARYASSESSMENT');

    const before = unzip(exportPortfolio(project.root, 'ana-public', { demo: false, asOf: new Date('2025-06-24T12:00:00Z') }).zip);
    expect(before.has('portfolio-ana-public/decision.html')).toBe(false);
    const pending = unzip(exportPortfolio(project.root, 'di-pending', { demo: false, asOf: AS_OF }).zip);
    expect([...pending.keys()].some((p) => p.includes('decision'))).toBe(false);
    for (const [, bytes] of pending) expect(strFromU8(bytes, true)).not.toMatch(/CST-2025-0004|CANARYASSESSMENT|Certified as Trainer/);

    const further = unzip(exportPortfolio(project.root, 'ed-further', { demo: false, asOf: AS_OF }).zip);
    expect(strFromU8(further.get('portfolio-ed-further/decision.html')!)).toContain('CANARYCONDITIONED Write the final report.');
  });

  it('fails for an unknown participant, naming the file and the participants there are', () => {
    const run = project.run('export-portfolio', ['--participant', 'ana-publik']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "export:portfolio: reading content/ …
      export:portfolio: --participant: there is no participant "ana-publik": no file content/participants/ana-publik.yaml. Write the participant's id, the name of their file without .yaml; did you mean ana-public? Participants: ana-public, bo-private, cy-revoked, di-pending, ed-further, fi-current
      "
    `);
    const usage = project.run('export-portfolio', []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--participant is required, for example --participant maria-lopez');
  });

  it('refuses a portfolio with a file the safety gate refuses', () => {
    project.write('content/portfolios/ana-public/unsafe.md', '---\ntype: reflection\ntitle: Unsafe\ndate: 2025-03-01\n---\n<script>alert(1)</script>\n');
    try {
      const run = project.run('export-portfolio', ['--participant', 'ana-public', '--out', 'unsafe.zip']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/content\/portfolios\/ana-public\/unsafe\.md:6:1 {2}error/);
    } finally {
      project.remove('content/portfolios/ana-public/unsafe.md');
    }
  });
});

describe('rendering an MDX entry for the archive', () => {
  it('turns the allowed components into plain HTML and keeps the Markdown inside them', () => {
    const body = 'Intro *text*.\n\n<Callout tone="tip" title="What I try">\nOne **small** link.\n</Callout>\n\n<Quote source="A colleague">Passing is allowed.</Quote>\n\n<Video provider="youtube" id="dQw4w9WgXcQ" title="A talk" />\n\n{/* a note */}\n';
    expect(mdxToMarkdown(body)).not.toMatch(/<Callout|<Quote|<Video|\{\/\*/);
    const { html, violations } = renderEntryBody('content/portfolios/ana-public/x.mdx', body, { root: '/project', prefix: '../source/' });
    expect(violations).toEqual([]);
    expect(html).toContain('<blockquote>\n<p><strong>What I try</strong></p>\n<p>One <strong>small</strong> link.</p>');
    expect(html).toContain('<p>— A colleague</p>');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">A talk</a> (video on YouTube)');
  });

  it('still holds the output to the render guard', () => {
    const { violations } = renderEntryBody('content/portfolios/ana-public/x.md', '<img src="./a.png" onerror="alert(1)">', { root: '/project', prefix: '../source/' });
    expect(violations).toEqual(['rendered output contained onerror on <img>; it was removed']);
  });
});
