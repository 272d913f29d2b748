/** The faculty dashboard and evidence pages in Chromium: filters, sorting, and accessibility. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';

const faculty = inject('sites')['faculty'] as string;

describe('faculty dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters participants by site and by status, and says how many are shown', async () => {
    const page = await newPage(browser);
    await page.goto(`${faculty}dashboard/`);
    const rows = page.locator('table[data-dashboard] tbody tr');
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);
    const sites = await page.locator('select[data-filter=site] option').allTextContents();
    const site = sites[1] ?? '';
    const expectedForSite = await page.locator(`table[data-dashboard] tbody tr[data-site="${site}"]`).count();
    await page.locator('select[data-filter=site]').selectOption(site);
    await expect.poll(() => rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).length)).toBe(expectedForSite);
    await expect(page.locator('[data-dashboard-count]').textContent()).resolves.toBe(`${expectedForSite} participant${expectedForSite === 1 ? '' : 's'} shown.`);
    await page.locator('select[data-filter=site]').selectOption('');
    await page.locator('select[data-filter=status]').selectOption('disagreement');
    const shown = await rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset['disagreement']));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['yes']));
  });

  it('sorts by number of complete criteria from the column header, by keyboard', async () => {
    const page = await newPage(browser);
    await page.goto(`${faculty}dashboard/`);
    await page.getByRole('button', { name: 'Complete' }).focus();
    await page.keyboard.press('Enter');
    const counts = await page.locator('table[data-dashboard] tbody tr').evaluateAll((rs) => rs.map((r) => Number((r as HTMLElement).dataset['complete'])));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    await expect(page.locator('th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('ascending');
  });

  for (const path of ['dashboard/', 'review/', 'evidence/marisol-havgaard/']) {
    it(`has no serious accessibility violation on /${path}`, async () => {
      const page = await newPage(browser);
      await page.goto(`${faculty}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
