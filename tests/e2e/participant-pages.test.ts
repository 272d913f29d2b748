/**
 * A participant's portfolio page in each audience shows exactly the entries that audience may
 * see, computed from the content with the audience rule, and passes axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, seriousViolations } from './setup/browser.ts';
import { readContent } from '../../src/lib/validate/read-content.ts';
import { isVisibleTo, participantExposure, type Audience } from '../../src/lib/audience.ts';

const sites = inject('sites');
const { records } = readContent(process.cwd(), { gate: false });
const participants = records.filter((r) => r.collection === 'participants');
const consenting = participants.find((p) => p.data['publicProfile'] === true && p.data['cohort'] === 'demo-2026');
const private_ = participants.find((p) => p.data['publicProfile'] !== true && p.data['cohort'] === 'demo-2026');

function expectedTitles(participantId: string, audience: Audience): string[] {
  const owner = participants.find((p) => p.id === participantId);
  return records
    .filter((r) => r.collection === 'portfolios' && r.id.startsWith(`${participantId}/`))
    .filter((r) =>
      isVisibleTo(audience, {
        visibility: (r.data['visibility'] as 'public' | 'cohort' | 'faculty' | undefined) ?? 'faculty',
        cohort: String(owner?.data['cohort']),
        ownerConsents: owner?.data['publicProfile'] === true,
      }),
    )
    .map((r) => String(r.data['title']))
    .sort();
}

const audiences: [string, Audience][] = [
  ['public', { kind: 'public' }],
  ['cohort:demo-2026', { kind: 'cohort', cohort: 'demo-2026' }],
  ['faculty', { kind: 'faculty' }],
];

describe('a participant’s page in each audience', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [site, audience] of audiences) {
    it(`shows ${site} exactly the entries it may see`, async () => {
      expect(consenting).toBeDefined();
      const id = consenting?.id ?? '';
      const expected = expectedTitles(id, audience);
      const page = await newPage(browser);
      await page.goto(`${sites[site]}participants/${id}/`);
      // the "By date" list holds every entry once
      const shown = (await page.locator('h3:has-text("By date") + ul.entry-list > li > a').allTextContents()).sort();
      expect(shown).toEqual(expected);
      if (audience.kind === 'public') expect(expected.length).toBeLessThan(expectedTitles(id, { kind: 'faculty' }).length);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('has no page at all for a participant without a public profile on the public site', async () => {
    expect(private_).toBeDefined();
    expect(isVisibleTo({ kind: 'public' }, participantExposure({ cohort: 'demo-2026', publicProfile: false }))).toBe(false);
    const page = await newPage(browser);
    const response = await page.goto(`${sites['public']}participants/${private_?.id}/`);
    expect(response?.status()).toBe(404);
    const cohortPage = await (await newPage(browser)).goto(`${sites['cohort:demo-2026']}participants/${private_?.id}/`);
    expect(cohortPage?.status()).toBe(200);
  });
});
