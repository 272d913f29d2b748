/**
 * The faculty dashboard and evidence pages in Chromium, as faculty use them: the matrix fits a
 * laptop with its header row and name column in view, becomes cards on a phone, filters are kept
 * in the address, and the pages print on two pages or fewer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage } from './setup/browser.ts';

const faculty = inject('sites')['faculty'] as string;
const evidencePages = readdirSync(join(process.cwd(), 'dist/faculty/evidence'));

const visibleRows = (page: Page) =>
  page.locator('table[data-matrix] tbody tr').evaluateAll((rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset['name'] ?? ''));

describe('faculty dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fits a 1280×800 laptop with every criterion in view, and keeps the header row and names in view while scrolling', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${faculty}dashboard/`);
    const table = page.locator('table[data-matrix]').first();
    const headers = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().right));
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(headers.length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...headers)).toBeLessThanOrEqual(width);
    // who is where, in words, for a screen reader: the cell's name says the state and the disagreement
    await expect(page.getByRole('link', { name: /^Carries out an application project: in progress\. .*The assessors disagree\.$/ }).count()).resolves.toBe(1);
    // a shorter window, so the demo's eight rows run past it: scroll the header row off the top
    await page.setViewportSize({ width: 1280, height: 420 });
    const top = await table.evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y), top + 120);
    await page.waitForTimeout(100);
    const header = await table.locator('thead th').nth(1).boundingBox();
    expect(header?.y).toBeGreaterThanOrEqual(-1);
    expect(header?.y).toBeLessThan(2);
    const firstName = await table.locator('tbody th').first().boundingBox();
    expect(firstName?.y).toBeLessThan(0);
    const visibleName = await table.locator('tbody th').nth(4).boundingBox();
    expect(visibleName?.x).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });

  it('shows one card per participant on a 390×844 phone', async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${faculty}dashboard/`);
    const cards = await page.locator('table[data-matrix] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ display: getComputedStyle(r).display, left: r.getBoundingClientRect().left, right: r.getBoundingClientRect().right })),
    );
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      expect(card.display).toBe('grid');
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(390);
    }
    await expect(page.locator('table[data-matrix] tbody .cell-label').first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('filters and sorts, keeps the view in the address, and Back and reloading return to it', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${faculty}dashboard/`);
    const everyone = await visibleRows(page);
    expect(everyone.length).toBeGreaterThan(3);

    await page.getByLabel('Assessors disagree').check();
    await expect.poll(() => page.url()).toContain('disagree=yes');
    expect(await visibleRows(page)).toEqual(['Marisol Havgaard']);
    await expect(page.locator('[data-dashboard-count]').textContent()).resolves.toBe(`1 of ${everyone.length} participants shown: assessors disagree.`);

    await page.getByLabel('Assessors disagree').uncheck();
    const site = await page.locator('select[name=site] option').nth(1).getAttribute('value');
    await page.locator('select[name=site]').selectOption(site ?? '');
    await page.locator('select[name=sort]').selectOption('most-complete');
    const atSite = await page.locator(`table[data-matrix] tbody tr[data-site="${site}"]`).count();
    expect((await visibleRows(page)).length).toBe(atSite);
    const complete = await page.locator('table[data-matrix] tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td[data-status=complete]').length));
    expect(complete).toEqual([...complete].sort((a, b) => b - a));
    const url = page.url();
    expect(url).toContain(`site=${site}`);
    expect(url).toContain('sort=most-complete');

    await page.reload();
    await expect.poll(() => visibleRows(page).then((r) => r.length)).toBe(atSite);
    await expect(page.locator('select[name=site]').inputValue()).resolves.toBe(site);

    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByLabel('Assessors disagree').isChecked()).toBe(true);
    expect(await visibleRows(page)).toEqual(['Marisol Havgaard']);

    await page.goto(`${faculty}dashboard/?assessor=sigrun-morgenlys`);
    const awaiting = await page.locator('table[data-matrix] tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['awaiting'] ?? ''));
    expect(awaiting.length).toBeGreaterThan(0);
    expect(awaiting.every((a) => a.split(' ').includes('sigrun-morgenlys'))).toBe(true);
    await page.context().close();
  });

  it('prints the dashboard and every evidence page on two A4 or Letter pages or fewer, with shapes for every state', async () => {
    const page = await newPage(browser);
    await page.emulateMedia({ media: 'print' });
    const counts: string[] = [];
    for (const path of ['dashboard/', ...evidencePages.map((p) => `evidence/${p}/`)]) {
      await page.goto(`${faculty}${path}`);
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
        counts.push(`${path} ${format}: ${pages}`);
        expect(pages, `${path} on ${format}`).toBeGreaterThan(0);
        expect(pages, `${path} on ${format}`).toBeLessThanOrEqual(2);
      }
      // black-and-white printing keeps the states apart by shape: every cell draws its state's symbol
      const marks = await page.locator('[data-status] .cell-state > svg:first-child use').evaluateAll((uses) => uses.map((u) => u.getAttribute('href')));
      const states = await page.locator('[data-status]:has(.cell)').evaluateAll((cells) => cells.map((c) => `#mk-${(c as HTMLElement).dataset['status']}`));
      expect(marks).toEqual(states);
    }
    console.log(`printed pages: ${counts.join('; ')}`);
    await page.context().close();
  });
});
