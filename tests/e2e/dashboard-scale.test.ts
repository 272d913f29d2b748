/**
 * The dashboard at the benchmark's scale: a synthetic faculty site of 100 participants in four
 * cohorts (scripts/lib/synthetic-cohort.ts, 6 entries each: the matrix's size depends on people and
 * criteria, not on entries) is built in a throwaway copy of the project and served on loopback. In
 * Chromium: no sideways scrolling at 1280×800 or 390×844, every criterion in view on the laptop, the
 * header row in view while scrolling far down, a card per participant on the phone, and the page
 * under 60 KB compressed.
 *
 * Opt-in, like the search budget: the build takes a minute or more on a 2-core machine. Run it with
 * CERT_BUDGET_TESTS=1 npm run test:e2e -- tests/e2e/dashboard-scale.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch, newPage } from './setup/browser.ts';
import { serveSite, type RunningSite } from '../../src/lib/static-server.ts';
import { writeSyntheticProject } from '../../scripts/lib/synthetic-cohort.ts';

const enabled = process.env['CERT_BUDGET_TESTS'] === '1';

describe.skipIf(!enabled)('the dashboard with 100 participants', () => {
  let root: string;
  let site: RunningSite;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cert-dashboard-scale-'));
    const { content } = writeSyntheticProject(root, { participants: 100, entriesPerParticipant: 6 });
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--audience', 'faculty', '--skip-check'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', CERT_AS_OF: content.asOf },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`the faculty build failed:\n${build.stderr.slice(-3000)}`);
    site = await serveSite(join(root, 'dist/faculty'));
    browser = await launch();
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('fits a laptop, keeps the header row in view far down the page, and weighs under 60 KB compressed', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}dashboard/`);
    expect(await page.locator('table[data-matrix] tbody tr').count()).toBe(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const rights = await page.locator('table[data-matrix]').first().locator('thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeLessThanOrEqual(1280);
    const table = page.locator('table[data-matrix]').first();
    const top = await table.evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y), top + 900);
    const header = await table.locator('thead th').nth(3).boundingBox();
    expect(header?.y).toBeGreaterThanOrEqual(-1);
    expect(header?.y).toBeLessThan(2);
    const html = readFileSync(join(root, 'dist/faculty/dashboard/index.html'));
    const kb = gzipSync(html, { level: 9 }).length / 1024;
    console.log(`dashboard of 100 participants: ${(html.length / 1024).toFixed(0)} KB, ${kb.toFixed(1)} KB compressed`);
    expect(kb).toBeLessThan(60);
    await page.context().close();
  });

  it('shows a card per participant on a phone, without sideways scrolling', async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${site.url}dashboard/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const cards = await page.locator('table[data-matrix] tbody tr').evaluateAll((rows) => rows.map((r) => [getComputedStyle(r).display, r.getBoundingClientRect().right]));
    expect(cards).toHaveLength(100);
    expect(cards.every(([display, right]) => display === 'grid' && Number(right) <= 390)).toBe(true);
    await page.context().close();
  });
});
