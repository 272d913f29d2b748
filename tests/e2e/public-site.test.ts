import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';

const sites = inject('sites');
const base = sites['public'] as string;

describe('public site in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the home page to the apply page by keyboard alone', async () => {
    const page = await newPage(browser);
    await page.goto(base);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Apply';
    }
    expect(found).toBe(true);
    await Promise.all([page.waitForURL(/\/apply\/$/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('How to apply');
    await page.context().close();
  });

  it('finds a module and a guest faculty member from the header search box', async () => {
    const page = await newPage(browser);
    await page.goto(base);
    for (const [query, expected] of [
      ['Compassionate Integrity', 'Compassionate Integrity'],
      ['Rhonda Magee', 'Rhonda Magee'],
    ] as const) {
      await page.goto(base);
      await page.locator('#site-search-q').fill(query);
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#site-search-q').press('Enter')]);
      const status = page.locator('[role=status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/\d+ results? for/);
      const titles = await page.locator('.entry-list a').allTextContents();
      expect(titles.join(' | ')).toContain(expected);
    }
    await page.context().close();
  });

  it('adds the visitor’s local time to a session shown in its own zone', async () => {
    const page = await newPage(browser, { timezoneId: 'Europe/Copenhagen' });
    await page.goto(`${base}schedule/`);
    const workshop = page.locator('li[id="2020-2021-module-1-workshop"]');
    await expect(workshop.locator('time').textContent()).resolves.toContain('14:00');
    const local = workshop.locator('[data-testid=local-time]');
    await local.waitFor({ timeout: 10_000 });
    // 14:00 EDT on 28 June 2020 is 20:00 in Copenhagen (CEST)
    await expect(local.textContent()).resolves.toMatch(/20:00/);
    await expect(local.textContent()).resolves.toContain('Europe/Copenhagen');
    await page.context().close();
  });

  it('says applications are closed, and decides again by the visitor’s clock', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}apply/`);
    await expect(page.locator('[data-when=closed]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-when=open]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-testid=contact-placeholder]').textContent()).resolves.toContain('Placeholder');
    // a visitor whose clock is before the deadline (1 May 2020) is invited to apply, though the page was built after it
    const early = await newPage(browser);
    await early.clock.setFixedTime(new Date('2020-04-20T12:00:00Z'));
    await early.goto(`${base}apply/`);
    await expect.poll(() => early.locator('[data-when=open]').isVisible()).toBe(true);
    await expect(early.locator('[data-when=closed]').isVisible()).resolves.toBe(false);
    await page.context().close();
    await early.context().close();
  });

  const pageTypes = [
    '',
    'program/overview/',
    'program/structure/',
    'apply/',
    'modules/',
    'modules/systems-awareness/',
    'schedule/',
    'faculty/',
    'faculty/rhonda-magee/',
    'search/?q=systems',
    'qualification/',
    'participants/',
    'no-such-page/',
  ];
  // two at a time (maxConcurrency in vitest.e2e.config.ts), each in a context of its own
  for (const path of pageTypes) {
    it.concurrent(`has no serious or critical accessibility violation on /${path}`, async ({ expect }) => {
      const page = await newPage(browser);
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
