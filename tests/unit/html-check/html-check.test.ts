/**
 * The W3C Nu HTML check of built pages (npm run check:html), and the build step that keeps the
 * islands' style rule out of the body, where the checker refuses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, formatProblems, parseVnuReport } from '../../../src/lib/html-check.ts';
import { hasIslandStyle, hoistIslandStyle, hoistIslandStyles } from '../../../src/lib/island-style.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
const page = (body: string, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A page</title>${head}</head><body>${body}</body></html>`;

describe('the islands’ style rule', () => {
  it('moves from wherever Astro wrote it in the body to the end of <head>, once', () => {
    const before = page(`<p>At 14:00 ${ISLAND_STYLE}<script>1</script><astro-island></astro-island></p><div>${ISLAND_STYLE}<astro-island></astro-island></div>`, '<meta name="x" content="y">');
    const after = hoistIslandStyle(before);
    expect(after).toBe(
      page('<p>At 14:00 <script>1</script><astro-island></astro-island></p><div><astro-island></astro-island></div>', `<meta name="x" content="y">${ISLAND_STYLE}`),
    );
    expect(hoistIslandStyle(after)).toBe(after);
  });

  it('leaves pages without islands, and other styles, as they are', () => {
    const plain = page('<p>No island</p><style>p{color:red}</style>');
    expect(hoistIslandStyle(plain)).toBe(plain);
  });

  it('is looked for in the page’s bytes, wherever they sit in a larger buffer', () => {
    const bytes = Buffer.from(`xx${page(`<p>${ISLAND_STYLE}<astro-island></astro-island></p>`)}`);
    expect(hasIslandStyle(bytes.subarray(2))).toBe(true);
    expect(hasIslandStyle(new TextEncoder().encode(page('<p>No island, only <style>p{color:red}</style></p>')))).toBe(false);
    // the marker just outside the view is not seen
    expect(hasIslandStyle(Buffer.from(`${ISLAND_STYLE}<p>x</p>`).subarray(1))).toBe(false);
  });

  it('rewrites only the built pages that need it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-island-style-'));
    try {
      mkdirSync(join(dir, 'schedule'));
      writeFileSync(join(dir, 'schedule/index.html'), page(`<p>Then ${ISLAND_STYLE}<astro-island></astro-island></p>`));
      writeFileSync(join(dir, 'index.html'), page('<p>Home</p>'));
      expect(hoistIslandStyles(dir)).toBe(1);
      expect(readFileSync(join(dir, 'schedule/index.html'), 'utf8')).toBe(page('<p>Then <astro-island></astro-island></p>', ISLAND_STYLE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading the Nu checker’s report', () => {
  const report = JSON.stringify({
    version: '26.9.27',
    messages: [
      { type: 'error', url: `file:${join(PROJECT_ROOT, 'dist/faculty/dashboard/index.html')}`, lastLine: 1, firstColumn: 27721, lastColumn: 27756, message: 'Stray start tag “script”.', extract: '</html><script type="module">\n' },
      { type: 'info', subType: 'warning', url: 'file:/x.html', message: 'Consider adding a lang attribute.' },
      { type: 'non-document-error', url: `file:${join(PROJECT_ROOT, 'dist/public/a.html')}`, message: 'Permission denied' },
    ],
  });

  it('keeps errors only, with paths relative to the project, one line each', () => {
    const problems = parseVnuReport(`dist/faculty/dashboard/index.html\n${report}`, PROJECT_ROOT);
    expect(formatProblems(problems)).toBe(
      'dist/faculty/dashboard/index.html:1:27721  error  Stray start tag “script”.\n' +
        '    </html><script type="module">\n' +
        'dist/public/a.html:1:1  error  could not be checked: Permission denied',
    );
  });

  it('says so when the checker wrote no report at all', () => {
    expect(() => parseVnuReport('Error: Unable to access jarfile vnu.jar', PROJECT_ROOT)).toThrow(/wrote no report:\nError: Unable to access jarfile/);
  });
});

const java = findJava(process.env);

describe.skipIf(!java)('npm run check:html on real pages (needs Java 11 or later; skipped without it)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cert-html-check-'));
    mkdirSync(join(dir, 'site/sessions'), { recursive: true });
    writeFileSync(join(dir, 'site/index.html'), page('<main><p>Valid.</p></main>'));
    // what Astro wrote before the fix: its island style inside the paragraph of a session's time
    writeFileSync(join(dir, 'site/sessions/index.html'), page(`<p><time datetime="2026-06-14T13:00:00Z">14 June</time>${ISLAND_STYLE}<astro-island></astro-island></p>`));
    writeFileSync(join(dir, 'site/sessions/index.html.gz'), 'not a page');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(NODE, [join(PROJECT_ROOT, 'scripts/check-html.ts'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });

  // one Java process checks both pages; on a busy machine its start alone takes seconds
  it('reports each error with file, line and column, counts the pages, and exits 1', { timeout: 120_000 }, () => {
    const result = run('site');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/checking 2 pages under site with the Nu HTML checker… .*done in/);
    expect(result.stdout).toContain('site/sessions/index.html:1:');
    expect(result.stdout).toContain('error  Element “style” not allowed as child of element “p” in this context.');
    expect(result.stdout).toMatch(/\d+ errors? in 1 of 2 pages\.\n$/);
    expect(result.stdout).not.toContain('site/index.html:');
  });

  it('says what to do when there is nothing to check', () => {
    const result = run('missing');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('check:html: missing does not exist');
  });
});
