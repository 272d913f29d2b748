/**
 * Every built page of every audience in Chromium, one visit each: the page loads with no content
 * security policy violation and no console error (islands hydrated, lazy scripts run, the network
 * quiet), axe-core finds no serious or critical accessibility violation, and no page scrolls
 * sideways on a phone (390×844) or a laptop (1280×800). The pages are the files the build wrote,
 * so a new page is checked without anyone listing it here; the 404 page is visited where a visitor
 * meets it, at an address that does not exist.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cspViolations, launch, loadAxeOnEveryPage, recordCspViolations, seriousViolations } from './setup/browser.ts';
import { buildPlan } from '../../src/lib/build-plan.ts';
import { audienceLabel, audienceOutDir, type Audience } from '../../src/lib/audience.ts';
import { readSettings } from '../../src/lib/settings.ts';

const sites = inject('sites');
const root = process.cwd();
const plan = buildPlan(root, readSettings(root).demo);
const NOT_FOUND = 'this-page-does-not-exist/';

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
  return out.sort().map((path) => (path === '404.html' ? NOT_FOUND : path));
}

const siteKey = (a: Audience) => (a.kind === 'cohort' ? `cohort:${a.cohort}` : a.kind);

/** A console error or an uncaught exception, with the address of the script or resource it came from. */
interface Logged {
  kind: 'console error' | 'uncaught exception';
  text: string;
  source: string;
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
    it(`${audienceLabel(audience)} site: no content security policy violation or console error, no serious accessibility violation, and no sideways scrolling on a laptop or a phone`, async () => {
      const base = sites[siteKey(audience)] as string;
      const pages = pagesOf(join(root, audienceOutDir(audience)));
      expect(pages.length).toBeGreaterThan(5);
      const problems: string[] = [];
      const checked: string[] = [];

      const check = async (page: Page, errors: Logged[], path: string) => {
        const url = `${base}${path}`;
        errors.length = 0;
        const response = await page.goto(url, { waitUntil: 'load' });
        if (path === NOT_FOUND && response?.status() !== 404) problems.push(`/${path}: answered ${response?.status()}, not the 404 page`);
        // the policy check waits for the network to go quiet (lazy scripts, search's WebAssembly), and
        // then 300 ms more, while the checks below run
        let quietAt = 0;
        const quiet = page.waitForLoadState('networkidle').then(
          () => (quietAt = performance.now()),
          (error: unknown) => error,
        );
        // islands change the page once they hydrate: check what a visitor ends up with
        if (await page.locator('astro-island[ssr]').count()) {
          await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 15_000 });
        }
        for (const v of await seriousViolations(page)) problems.push(`/${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`);
        const wide = await sideways(page);
        if (wide > 0) problems.push(`/${path}: scrolls sideways by ${wide}px at 1280×800`);
        // the same page narrowed to a phone's width: a relayout, not a second visit
        await page.setViewportSize({ width: 390, height: 844 });
        const narrow = await sideways(page);
        if (narrow > 0) problems.push(`/${path}: scrolls sideways by ${narrow}px at 390×844`);
        await page.setViewportSize({ width: 1280, height: 800 });
        const waited = await quiet;
        if (waited instanceof Error) throw waited;
        const since = performance.now() - quietAt;
        if (since < 300) await page.waitForTimeout(300 - since);
        for (const v of await cspViolations(page)) problems.push(`/${path}: content security policy: ${v}`);
        // the 404 page is itself answered with 404: that is the one failed load to expect
        for (const e of errors) {
          if (!(path === NOT_FOUND && e.source === url && /status of 404/.test(e.text))) problems.push(`/${path}: ${e.kind}: ${e.text}${e.source ? ` (${e.source})` : ''}`);
        }
        checked.push(path);
      };

      // two tabs at a time: CI has two cores, and axe keeps one busy while the other page loads
      const queue = [...pages];
      await Promise.all(
        [1, 2].map(async () => {
          const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
          await recordCspViolations(context);
          await loadAxeOnEveryPage(context);
          const page = await context.newPage();
          const errors: Logged[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') errors.push({ kind: 'console error', text: m.text(), source: m.location().url });
          });
          page.on('pageerror', (e) => errors.push({ kind: 'uncaught exception', text: String(e), source: '' }));
          try {
            for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(page, errors, path);
          } finally {
            await context.close();
          }
        }),
      );
      console.log(`${audienceLabel(audience)}: ${checked.length} pages checked`);
      expect(checked.length).toBe(pages.length);
      problems.sort();
      expect(problems, `${audienceLabel(audience)} site`).toEqual([]);
    }, 900_000);
  }
});
