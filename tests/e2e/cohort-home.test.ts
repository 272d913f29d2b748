/**
 * The cohort home as a participant meets it: the next call in their own time zone, decided by the
 * browser's clock (not the build's), this month's resources, and a guided meditation that plays.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';
import { readContent } from '../../src/lib/validate/read-content.ts';
import { sessionInterval } from '../../src/lib/time.ts';

const cohortSite = inject('sites')['cohort:demo-2026'] as string;
const { records } = readContent(process.cwd(), { gate: false });
const calls = records
  .filter((r) => r.collection === 'sessions' && r.id.startsWith('demo-2026/') && r.data['kind'] === 'call')
  .map((r) => ({ id: r.id, title: String(r.data['title']), interval: sessionInterval(r.data as { start: string; timeZone: string; durationMinutes?: number }) }))
  .filter((c): c is { id: string; title: string; interval: { start: Date; end: Date } } => c.interval !== undefined)
  .sort((a, b) => a.interval.start.getTime() - b.interval.start.getTime());

describe('cohort home', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the next call for the visitor’s own clock, in their local time', async () => {
    expect(calls.length).toBeGreaterThan(2);
    // a day after the second-to-last call: the last one is next, whatever day the site was built
    const target = calls[calls.length - 1]!;
    const previous = calls[calls.length - 2]!;
    const page = await newPage(browser, { timezoneId: 'Asia/Tokyo' });
    await page.clock.setFixedTime(new Date(previous.interval.end.getTime() + 24 * 3600_000));
    await page.goto(cohortSite);
    await expect.poll(() => page.getByTestId('next-call').getAttribute('data-call')).toBe(target.id);
    await expect(page.getByTestId('next-call').textContent()).resolves.toContain(target.title);
    const local = await page.getByTestId('next-call-local').textContent();
    const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(target.interval.start);
    expect(local).toContain('Asia/Tokyo');
    expect(local).toContain(tokyo);
  });

  it('features the resources of the visitor’s month', async () => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(new Date('2026-12-10T12:00:00Z'));
    await page.goto(cohortSite);
    const items = page.getByTestId('month-resources').locator('li');
    const december = records.filter((r) => r.collection === 'resources' && r.data['month'] === '2026-12').map((r) => String(r.data['title']));
    expect(december.length).toBeGreaterThan(0);
    await expect.poll(async () => (await items.allTextContents()).join(' | ')).toContain(december[0]);
  });

  it('plays a guided meditation, with its length and transcript on the same page', async () => {
    const recording = records.find((r) => r.collection === 'resources' && r.data['kind'] === 'recording');
    expect(recording).toBeDefined();
    const page = await newPage(browser);
    await page.goto(`${cohortSite}resources/${recording?.id}/`);
    const audio = page.getByTestId('recording');
    const duration = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((resolve) => {
          if (el.readyState >= 1) resolve(el.duration);
          else el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
          el.load();
        }),
    );
    expect(duration).toBeGreaterThan(5);
    await expect(page.getByRole('heading', { name: 'Transcript' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#recording-length').textContent()).resolves.toContain('Length');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious accessibility violation on the home page', async () => {
    const page = await newPage(browser);
    await page.goto(cohortSite);
    await page.getByTestId('next-call').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
