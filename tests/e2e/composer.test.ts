/**
 * The composer, as a participant uses it: fill the form by label, get a file the validator
 * accepts, and a new-file link that carries exactly that file.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, seriousViolations, waitForIslands } from './setup/browser.ts';

const sites = inject('sites');
const cohortSite = sites['cohort:demo-2026'] as string;
const ROOT = process.cwd();

function validateInCopy(path: string, text: string): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cert-composer-'));
  try {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    for (const item of ['src', 'scripts', 'package.json']) cpSync(join(ROOT, item), join(dir, item), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/validate.ts', path], { cwd: dir, encoding: 'utf8' });
    return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('entry composer', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('writes an entry the validator accepts and a new-file link that carries it', async () => {
    page = await newPage(browser);
    await page.goto(`${cohortSite}compose/`);
    await waitForIslands(page);
    await page.getByLabel('Your name').selectOption({ label: 'Tilde Fjordholm (demo)' });
    await page.getByLabel('Kind of entry').selectOption('workshop-reflection');
    await page.getByLabel('Title').fill('What the circle taught me: “slow down”');
    await page.getByLabel('Date').fill('2026-06-20');
    await page.getByLabel('Workshop', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('My cohort. Your cohort and faculty can read it.').check();
    await page.getByLabel('Tags').fill('iceberg model, listening');
    await page.getByLabel('Your entry').fill('## What happened\n\nWe sat in a circle and *listened*. See [the notes](https://example.org/notes).\n\n- one\n- two\n');
    await expect.poll(() => page.getByTestId('composer-ok').isVisible()).toBe(true);
    await expect(page.locator('.composer-preview em').textContent()).resolves.toBe('listened');

    const text = await page.getByTestId('composer-text').inputValue();
    const path = await page.getByTestId('composer-path').textContent();
    expect(path).toMatch(/^content\/demo\/portfolios\/tilde-fjordholm\/2026-06-20-what-the-circle-taught-me-slow-down\.md$/);
    const href = (await page.getByTestId('composer-new-file').getAttribute('href')) ?? '';
    const url = new URL(href);
    expect(url.pathname).toMatch(/\/new\/main$/);
    expect(url.searchParams.get('filename')).toBe(path);
    expect(url.searchParams.get('value')).toBe(text);

    const validation = validateInCopy(path ?? '', text);
    expect(validation.output).toContain('no problems');
    expect(validation.status).toBe(0);
  });

  it('refuses a script and a javascript: link with advice, before anything is sent', async () => {
    page = await newPage(browser);
    await page.goto(`${cohortSite}compose/`);
    await waitForIslands(page);
    await page.getByLabel('Title').fill('Unsafe');
    await page.getByLabel('Your entry').fill('<script>alert(1)</script>\n\n[click](javascript:alert(1))\n');
    const problems = page.getByTestId('composer-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('<script> is not allowed');
    expect(text).toContain('"javascript:"');
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
  });

  it('keeps public out of reach for a participant without a public profile', async () => {
    page = await newPage(browser);
    await page.goto(`${cohortSite}compose/`);
    await waitForIslands(page);
    await page.getByLabel('Your name').selectOption({ label: 'Marisol Havgaard (demo)' });
    await page.getByLabel('Title').fill('Public attempt');
    await page.getByLabel(/Public\. Anyone can read it/).check();
    await expect(page.getByTestId('composer-problems').textContent()).resolves.toContain('public profile');
  });

  it('has no serious accessibility violation', async () => {
    page = await newPage(browser);
    await page.goto(`${cohortSite}compose/`);
    await waitForIslands(page);
    await page.getByLabel('Title').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
