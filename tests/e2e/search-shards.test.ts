/**
 * The search index split into shards by year (src/lib/search-index.ts) and merged in the browser
 * (src/islands/pagefind-client.ts), on a real Pagefind bundle in Chromium: a fixture's faculty site
 * with entries over three years lists them newest first and oldest first across the shards and
 * across pages of results, and the header search finds them in every shard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../helpers/fixture-project.ts';
import { serveSite, type RunningSite } from '../../src/lib/static-server.ts';
import { launch, newPage } from './setup/browser.ts';

const WORD = 'shardprobe';
// 25 entries over three years: a browse page holds 20, so the second page reaches the last shard
const DATES = [
  ...['01-10', '02-11', '03-12', '05-13', '06-14', '08-15', '10-16', '12-17'].map((d) => `2024-${d}`),
  ...['01-05', '02-06', '03-07', '04-08', '06-09', '07-10', '09-11', '11-12', '12-13'].map((d) => `2025-${d}`),
  ...['01-20', '02-21', '03-22', '04-23', '05-24', '07-25', '09-26', '11-01'].map((d) => `2026-${d}`),
];

async function browseAll(page: Page, url: string): Promise<{ status: string; titles: string[] }> {
  await page.goto(url);
  await page.waitForFunction(() => /^\d+ entr(y|ies)/.test(document.querySelector('[data-testid=browse-status]')?.textContent ?? ''), null, { timeout: 20_000 });
  const titles: string[] = [];
  for (;;) {
    await page.locator('[data-testid=browse-results] > li > a').first().waitFor();
    titles.push(...(await page.locator('[data-testid=browse-results] > li > a').allTextContents()));
    const next = page.getByRole('button', { name: 'Next' });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const before = await page.locator('[data-testid=browse-results] > li > a').first().textContent();
    await next.click();
    await page.waitForFunction((b) => document.querySelector('[data-testid=browse-results] > li > a')?.textContent !== b, before);
  }
  return { status: (await page.getByTestId('browse-status').textContent()) ?? '', titles: titles.map((t) => t.trim()) };
}

describe('search shards merged in the browser', () => {
  let project: FixtureProject;
  let site: RunningSite;
  let browser: Browser;

  beforeAll(async () => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
    for (const date of DATES) {
      project.write(`content/portfolios/nils-private/probe-${date}.md`, `---\ntype: reflection\ntitle: Probe ${date}\ndate: ${date}\nvisibility: cohort\n---\nA ${WORD} reflection written on ${date}.\n`);
    }
    const built = await project.runAsync('build', ['--audience', 'faculty', '--skip-check'], { CERT_BUILD_DATE: '2026-11-30' });
    if (built.status !== 0) throw new Error(`the faculty build failed:\n${built.stderr.slice(-3000)}`);
    site = await serveSite(join(project.root, 'dist/faculty'));
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    project?.cleanup();
  });

  it('writes one shard per year of entries beside the main index', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'dist/faculty/pagefind/shards.json'), 'utf8')) as { shards: { id: string }[] };
    expect(manifest.shards.map((s) => s.id)).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
  });

  it('lists a search newest first, then oldest first, in date order across shards and pages', async () => {
    const page = await newPage(browser);
    const newest = await browseAll(page, `${site.url}browse/?q=${WORD}`);
    expect(newest.status).toContain(`${DATES.length} entries`);
    expect(newest.titles).toEqual([...DATES].reverse().map((d) => `Probe ${d}`));
    const oldest = await browseAll(page, `${site.url}browse/?q=${WORD}&sort=oldest`);
    expect(oldest.titles).toEqual(DATES.map((d) => `Probe ${d}`));
  });

  it('finds a word in every shard from the header search', async () => {
    const page = await newPage(browser);
    await page.goto(`${site.url}search/?q=${WORD}`);
    await page.waitForFunction(() => /^\d+ results?/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 20_000 });
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain(`${DATES.length} results`);
  });
});
