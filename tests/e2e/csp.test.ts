/**
 * The content security policy in a real browser: every built page carries a policy, islands still
 * hydrate, search still runs (Pagefind compiles WebAssembly), and a script or event handler
 * injected into a built page after the build is refused by the page's own policy. That every page
 * of every audience's site loads with no violation and no console error is checked by
 * every-page.test.ts, in the same visit as its accessibility checks.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cspViolations, launch, recordCspViolations, twoAtATime } from './setup/browser.ts';
import { serveSite, type RunningSite } from '../../src/lib/static-server.ts';

const sites = inject('sites');
const DIST = join(process.cwd(), 'dist');

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

async function open(browser: Browser, url: string, options: { timezoneId?: string } = {}): Promise<Watched> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  await recordCspViolations(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return { page, context, errors };
}

function siteDir(key: string): string {
  return key.startsWith('cohort:') ? join(DIST, 'cohort', key.slice('cohort:'.length)) : join(DIST, key);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

describe('the content security policy in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('every page of the built sites carries a policy with hashes, no unsafe-inline and no eval', () => {
    for (const key of Object.keys(sites)) {
      for (const file of htmlFiles(siteDir(key))) {
        const html = readFileSync(file, 'utf8');
        const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
        expect(policy, file).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(policy, file).toContain("object-src 'none'");
        expect(policy, file).toContain("base-uri 'none'");
        expect(policy, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'|frame-ancestors/);
        if (/<script[\s>]/.test(html)) expect(policy, file).toMatch(/script-src[^;]*'sha256-/);
      }
    }
  });

  it('hydrates islands under the policy: the schedule adds the visitor’s local time', async () => {
    await twoAtATime(Object.keys(sites), async (key) => {
      const { page, context, errors } = await open(browser, `${sites[key]}schedule/`, { timezoneId: 'Asia/Tokyo' });
      try {
        const local = page.locator('[data-testid=local-time]').first();
        await local.waitFor({ timeout: 10_000 });
        await expect(local.textContent(), key).resolves.toMatch(/\d{2}:\d{2}/);
        expect(await cspViolations(page), key).toEqual([]);
        expect(errors, key).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('runs search under the policy (Pagefind’s WebAssembly is allowed, nothing else is evaluated)', async () => {
    await twoAtATime(Object.keys(sites), async (key) => {
      const { page, context, errors } = await open(browser, `${sites[key]}search/?q=systems`);
      try {
        const status = page.locator('[role=status]');
        await expect.poll(() => status.textContent(), { timeout: 15_000, message: key }).toMatch(/\d+ results? for/);
        expect(await page.locator('.entry-list a').count(), key).toBeGreaterThan(0);
        expect(await cspViolations(page), key).toEqual([]);
        expect(errors, key).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  describe('a page changed after the build', () => {
    let dir: string;
    let served: RunningSite;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cert-csp-'));
      cpSync(join(DIST, 'public/_astro'), join(dir, '_astro'), { recursive: true });
      cpSync(join(DIST, 'public/favicon.svg'), join(dir, 'favicon.svg'));
      const html = readFileSync(join(DIST, 'public/index.html'), 'utf8');
      writeFileSync(
        join(dir, 'index.html'),
        html.replace(
          '</body>',
          '<script>window.__pwned=1</script><img src="/favicon.svg" onload="window.__pwnedAttribute=1" alt=""><style>body{display:none}</style></body>',
        ),
      );
      served = await serveSite(dir);
    });
    afterAll(async () => {
      await served?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('cannot run an injected inline script or event handler, or apply an injected style', async () => {
      const { page, context } = await open(browser, served.url);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __pwnedAttribute?: number }).__pwnedAttribute)).toBeUndefined();
      expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
      const seen = await cspViolations(page);
      expect(seen.some((v) => /^script-src(-elem)? blocked inline/.test(v)), seen.join('\n')).toBe(true);
      expect(seen.some((v) => /^script-src(-attr)? blocked inline/.test(v) || /^script-src-attr/.test(v)), seen.join('\n')).toBe(true);
      expect(seen.some((v) => /^style-src(-elem)? blocked inline/.test(v)), seen.join('\n')).toBe(true);
      await context.close();
    });
  });
});
