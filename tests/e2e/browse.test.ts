/**
 * Browsing portfolios on the faculty and cohort sites. Expected results are computed from the
 * content with the same audience rule the build uses, never hard-coded.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';
import { readContent } from '../../src/lib/validate/read-content.ts';
import { isVisibleTo, type Audience } from '../../src/lib/audience.ts';
import { ENTRY_TYPE_LABELS, type EntryType } from '../../src/schemas/portfolio-entry.ts';

const sites = inject('sites');
const faculty = sites['faculty'] as string;
const cohort = sites['cohort:demo-2026'] as string;

const content = readContent(process.cwd(), { gate: false });
const participants = new Map(content.records.filter((r) => r.collection === 'participants').map((r) => [r.id, r.data]));
const siteNames = new Map(content.records.filter((r) => r.collection === 'sites').map((r) => [r.id, String(r.data['name'])]));
const entries = content.records
  .filter((r) => r.collection === 'portfolios')
  .map((r) => {
    const owner = participants.get(r.id.split('/')[0] ?? '');
    return {
      title: String(r.data['title']),
      type: r.data['type'] as EntryType,
      visibility: r.data['visibility'] as 'public' | 'cohort' | 'faculty',
      site: siteNames.get(String(owner?.['site'])) ?? '',
      cohort: String(owner?.['cohort']),
      consent: owner?.['publicProfile'] === true,
      lang: r.data['lang'] as string | undefined,
    };
  });
const visibleTo = (audience: Audience) => entries.filter((e) => isVisibleTo(audience, { visibility: e.visibility, cohort: e.cohort, ownerConsents: e.consent }));

async function results(page: Page): Promise<{ status: string; titles: string[] }> {
  await page.waitForFunction(() => /^\d+ entr(y|ies)/.test(document.querySelector('[data-testid=browse-status]')?.textContent ?? ''), null, { timeout: 15_000 });
  const titles: string[] = [];
  for (;;) {
    titles.push(...(await page.locator('[data-testid=browse-results] > li > a').allTextContents()));
    const next = page.getByRole('button', { name: 'Next' });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const before = await page.locator('[data-testid=browse-results] > li > a').first().textContent();
    await next.click();
    await page.waitForFunction((b) => document.querySelector('[data-testid=browse-results] > li > a')?.textContent !== b, before);
  }
  return { status: (await page.getByTestId('browse-status').textContent()) ?? '', titles };
}

describe('browse portfolios', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters the faculty site by site and type to exactly the entries the content implies', async () => {
    const site = [...siteNames.values()].find((name) => entries.some((e) => e.site === name && e.type === 'coaching')) ?? '';
    const typeLabel = ENTRY_TYPE_LABELS['coaching'];
    const expected = visibleTo({ kind: 'faculty' })
      .filter((e) => e.site === site && e.type === 'coaching')
      .map((e) => e.title)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const page = await newPage(browser);
    await page.goto(`${faculty}browse/`);
    await page.getByRole('group', { name: 'Filters' }).getByLabel(site, { exact: false }).first().check();
    await page.getByRole('group', { name: 'Filters' }).getByLabel(typeLabel, { exact: false }).first().check();
    // each click starts a new search; wait for the one with both filters to be announced
    await expect.poll(() => page.getByTestId('browse-status').textContent(), { timeout: 15_000 }).toContain(`${expected.length} entr`);
    const found = await results(page);
    expect(found.titles.sort()).toEqual(expected);
    expect(found.status).toContain(`${expected.length} entr`);
    expect(new URL(page.url()).searchParams.getAll('site')).toEqual([site]);
  });

  it('returns to the same filtered view with Back after opening a result, and from a shared link', async () => {
    const page = await newPage(browser);
    const site = [...siteNames.values()].find((name) => entries.filter((e) => e.site === name && e.type === 'practice-log').length > 1) ?? '';
    const url = `${faculty}browse/?site=${encodeURIComponent(site)}&type=${encodeURIComponent(ENTRY_TYPE_LABELS['practice-log'])}&sort=oldest`;
    await page.goto(url);
    const first = await results(page);
    expect(first.titles.length).toBeGreaterThan(0);
    await page.locator('[data-testid=browse-results] > li > a').first().click();
    await page.waitForURL(/\/portfolios\//);
    await page.goBack();
    const again = await results(page);
    expect(again.titles).toEqual(first.titles);
    expect(await page.getByRole('group', { name: 'Filters' }).getByLabel(site, { exact: false }).first().isChecked()).toBe(true);
    await expect(page.getByLabel('Order').inputValue()).resolves.toBe('oldest');
  });

  it('finds a Danish entry by its own words from the English browse page, and a word from an entry body', async () => {
    const danish = entries.find((e) => e.lang === 'da' && e.visibility !== 'faculty');
    expect(danish).toBeDefined();
    const page = await newPage(browser);
    for (const [site, word] of [
      [faculty, 'nærvær'],
      [cohort, 'fællesskab'],
    ] as const) {
      await page.goto(`${site}browse/?q=${encodeURIComponent(word)}`);
      const found = await results(page);
      expect(found.titles).toContain(danish?.title);
    }
    await page.goto(`${cohort}browse/?q=${encodeURIComponent('iceberg')}`);
    expect((await results(page)).titles.length).toBeGreaterThan(3);
  });

  it('shows a cohort only what was shared with it', async () => {
    const expected = visibleTo({ kind: 'cohort', cohort: 'demo-2026' }).map((e) => e.title).sort();
    const page = await newPage(browser);
    await page.goto(`${cohort}browse/`);
    const found = await results(page);
    expect(found.titles.sort()).toEqual(expected);
    expect(expected.length).toBeLessThan(entries.length);
  });

  it('finds a faculty member by name on the public site, and no entry there is private', async () => {
    const page = await newPage(browser);
    await page.goto(`${sites['public']}search/?q=${encodeURIComponent('Hanneli Aagotsdatter')}`);
    await expect.poll(() => page.locator('.entry-list a').allTextContents(), { timeout: 10_000 }).toContain('Hanneli Aagotsdatter');
    const privateTitles = entries.filter((e) => !(e.visibility === 'public' && e.consent)).map((e) => e.title);
    for (const word of ['iceberg', 'circle', 'buddy']) {
      await page.goto(`${sites['public']}search/?q=${word}`);
      await page.waitForFunction(() => /result/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 10_000 });
      const titles = await page.locator('.entry-list a').allTextContents();
      for (const title of titles) expect(privateTitles).not.toContain(title);
    }
  });

  it('marks every demo result, in browse and in search, and no real one', async () => {
    const page = await newPage(browser);
    await page.goto(`${cohort}browse/`);
    await results(page);
    const rows = page.locator('[data-testid=browse-results] > li');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) await expect(row.locator('.badge.demo').textContent()).resolves.toBe('Demo · fictional');

    // the public site: demo participants and entries are marked, program pages are not
    const hits: { href: string; badge: boolean }[] = [];
    for (const query of ['iceberg', 'Compassionate Integrity']) {
      await page.goto(`${sites['public']}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /\d+ results? for/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 10_000 });
      hits.push(
        ...(await page.locator('.entry-list > li').evaluateAll((lis) =>
          lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', badge: li.querySelector('.badge.demo') !== null })),
        )),
      );
    }
    const demoHits = hits.filter((h) => /\/(portfolios|participants)\/[^/]+\//.test(h.href));
    const programHits = hits.filter((h) => /\/(program|modules)\//.test(h.href));
    expect(demoHits.length).toBeGreaterThan(0);
    expect(programHits.length).toBeGreaterThan(0);
    expect(demoHits.filter((h) => !h.badge)).toEqual([]);
    expect(programHits.filter((h) => h.badge)).toEqual([]);
  });

  it('has no serious accessibility violation', async () => {
    const page = await newPage(browser);
    await page.goto(`${faculty}browse/?type=${encodeURIComponent(ENTRY_TYPE_LABELS['reflection'])}`);
    await results(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
