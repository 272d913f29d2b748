/**
 * Every built page of every audience in Chromium: axe-core finds no serious or critical
 * accessibility violation, and no page scrolls sideways on a phone (390×844) or a laptop
 * (1280×800). The pages are the files the build wrote, so a new page is checked without anyone
 * listing it here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';
import { buildPlan } from '../../src/lib/build-plan.ts';
import { audienceLabel, audienceOutDir, type Audience } from '../../src/lib/audience.ts';
import { readSettings } from '../../src/lib/settings.ts';

const sites = inject('sites');
const root = process.cwd();
const plan = buildPlan(root, readSettings(root).demo);

function pagesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const item of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'));
    }
  };
  walk(dir);
  return out.sort();
}

const siteKey = (a: Audience) => (a.kind === 'cohort' ? `cohort:${a.cohort}` : a.kind);

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  // islands change the page once they hydrate: check what a visitor ends up with
  if (await page.locator('astro-island[ssr]').count()) {
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 15_000 });
  }
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('every built page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const audience of plan) {
    it(`${audienceLabel(audience)} site: no serious accessibility violation, and no sideways scrolling on a laptop or a phone`, async () => {
      const base = sites[siteKey(audience)] as string;
      const pages = pagesOf(join(root, audienceOutDir(audience)));
      expect(pages.length).toBeGreaterThan(5);
      const problems: string[] = [];
      const check = async (page: Page, path: string) => {
        await open(page, `${base}${path}`);
        for (const v of await seriousViolations(page)) problems.push(`/${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`);
        const wide = await sideways(page);
        if (wide > 0) problems.push(`/${path}: scrolls sideways by ${wide}px at 1280×800`);
        // the same page narrowed to a phone's width: a relayout, not a second visit
        await page.setViewportSize({ width: 390, height: 844 });
        const narrow = await sideways(page);
        if (narrow > 0) problems.push(`/${path}: scrolls sideways by ${narrow}px at 390×844`);
        await page.setViewportSize({ width: 1280, height: 800 });
      };
      // two tabs at a time: CI has two cores, and axe keeps one busy while the other page loads
      const queue = [...pages];
      await Promise.all(
        [1, 2].map(async () => {
          const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(page, path);
          await page.context().close();
        }),
      );
      console.log(`${audienceLabel(audience)}: ${pages.length} pages checked`);
      problems.sort();
      expect(problems).toEqual([]);
    }, 900_000);
  }
});
