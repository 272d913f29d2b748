/**
 * The search budget, measured in Chromium on a built cohort or faculty site: how many bytes the
 * browse page downloads to load the Pagefind index, how many more the first query costs, and how
 * long results take to appear after a keystroke once the index is loaded.
 *
 * Bytes are encoded transfer sizes (Playwright's request sizes: response headers and body as received), as a browser
 * pays them from this server (src/lib/static-server.ts, which does not compress; Pagefind's index
 * chunks and fragments are gzip files already). Latency is measured inside the page: from the last
 * keydown of the word to the first change of the results (the result list or the count in the
 * status line), which includes the island's 150 ms debounce. Used by tests/e2e/search-budget.test.ts
 * and by `npm run bench -- --search`.
 */
import type { Page, Request } from 'playwright-core';

export interface SearchBudgetFigures {
  /** Entries in the index (the browse page's count with no filter and no query). */
  entries: number;
  /** Bytes to load the browse page until its first listing shows and the network is idle. */
  initialBytes: number;
  initialRequests: number;
  firstQueryWord: string;
  /** Bytes downloaded from the first keystroke of the first query until its results show and the network is idle. */
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** Keystroke to results, first query (index chunks fetched on the way). */
  firstQueryMs: number;
  /** Keystroke to results of each measured query, after a warm-up. */
  queryMs: number[];
  queryWords: string[];
  medianQueryMs: number;
}

interface Traffic {
  bytes: number;
  requests: number;
  /** Requests sent and not finished yet, with their URLs. */
  inflight: Map<string, string>;
  lastActivity: number;
}

/**
 * Count the page's traffic, its web workers' included (Pagefind searches in a worker that fetches
 * the index chunks): Playwright reports a dedicated worker's requests on its page.
 */
function watchNetwork(page: Page): Traffic {
  const traffic: Traffic = { bytes: 0, requests: 0, inflight: new Map(), lastActivity: Date.now() };
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) return;
    traffic.inflight.set(request.url() + '#' + traffic.requests + traffic.inflight.size, request.url());
    traffic.lastActivity = Date.now();
  });
  const done = (request: Request, bytes: number) => {
    for (const [key, url] of traffic.inflight) {
      if (url === request.url()) {
        traffic.inflight.delete(key);
        break;
      }
    }
    traffic.bytes += bytes;
    // requests answered from the cache (0 bytes: the favicon again after each URL change) are not counted
    if (bytes > 0) traffic.requests++;
    traffic.lastActivity = Date.now();
  };
  page.on('requestfinished', (request) => {
    traffic.lastActivity = Date.now();
    // encoded (transfer) size of the response: headers and body as received
    void request.sizes().then(
      (sizes) => done(request, sizes.responseBodySize + sizes.responseHeadersSize),
      () => done(request, 0),
    );
  });
  page.on('requestfailed', (request) => done(request, 0));
  return traffic;
}

async function networkIdle(traffic: Traffic, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (traffic.inflight.size === 0 && Date.now() - traffic.lastActivity >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the network did not go idle: ${[...traffic.inflight.values()].join(', ')}`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The count in the status line ("123 entries …"), or undefined while loading. */
async function statusCount(page: Page): Promise<number | undefined> {
  const text = (await page.getByTestId('browse-status').textContent()) ?? '';
  const m = /^(\d+) entr/.exec(text);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Install the in-page probes: the time of each keydown, and of each change of the results. */
async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __changes: { t: number; what: string; text: string }[] };
    w.__keys = [];
    w.__changes = [];
    const input = document.querySelector('.browse-search input[type=search]');
    input?.addEventListener('keydown', () => w.__keys.push(performance.now()), { capture: true });
    const list = document.querySelector('[data-testid=browse-results]');
    const status = document.querySelector('[data-testid=browse-status]');
    if (list) new MutationObserver(() => w.__changes.push({ t: performance.now(), what: 'list', text: '' })).observe(list, { childList: true, subtree: true, characterData: true });
    if (status) {
      new MutationObserver(() => w.__changes.push({ t: performance.now(), what: 'status', text: status.textContent ?? '' })).observe(status, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }
  });
}

/**
 * Type `word` into the search box and wait for its results. Returns the milliseconds from the last
 * keydown to the moment the results are shown: the status line names the query at once (with the
 * old count), and shows the new count in the same render that replaces the result list.
 */
async function timedQuery(page: Page, word: string): Promise<number> {
  const before = await statusCount(page);
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __changes: unknown[] };
    w.__keys = [];
    w.__changes = [];
  });
  await page.getByLabel('Search entries').click();
  await page.keyboard.type(word, { delay: 20 });
  const ms = await page.waitForFunction(
    ([q, prev]) => {
      const w = window as unknown as { __keys: number[]; __changes: { t: number; what: string; text: string }[] };
      const last = w.__keys[w.__keys.length - 1];
      if (last === undefined) return null;
      const shown = w.__changes.find((c) => {
        if (c.t < last || c.what !== 'status' || !c.text.includes(`matching “${q}”`)) return false;
        const count = /^(\d+) entr/.exec(c.text)?.[1];
        return count !== undefined && Number(count) !== prev;
      });
      return shown ? shown.t - last : null;
    },
    [word, before ?? -1] as const,
    { timeout: 60_000, polling: 50 },
  );
  return Number(await ms.jsonValue());
}

/** Clear the search box and wait until the full listing is back and the page has settled. */
async function clearQuery(page: Page, entries: number): Promise<void> {
  await page.getByLabel('Search entries').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // the status shows the old count at once; the full listing is back when it shows every entry
  await page.waitForFunction((n) => document.querySelector('[data-testid=browse-status]')?.textContent === `${n} entries.`, entries, { timeout: 60_000 });
  // and nothing changes for a while (no late render of an earlier search)
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __changes: { t: number }[] };
      const lastChange = w.__changes[w.__changes.length - 1]?.t ?? 0;
      return performance.now() - lastChange > 500;
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * Measure on `browseUrl` (a site's /browse/ page). `words`: the first query, a warm-up query, then
 * the measured queries (at least 7 words in all; 5 are measured).
 */
export async function measureSearchBudget(page: Page, browseUrl: string, words: readonly string[]): Promise<SearchBudgetFigures> {
  if (words.length < 7) throw new Error('give at least 7 words: the first query, a warm-up and 5 measured queries');
  const traffic = watchNetwork(page);
  await page.goto(browseUrl);
  await page.waitForFunction(() => /^\d+ entr(y|ies)/.test(document.querySelector('[data-testid=browse-status]')?.textContent ?? ''), null, { timeout: 60_000 });
  await networkIdle(traffic);
  const entries = (await statusCount(page)) ?? 0;
  const initialBytes = traffic.bytes;
  const initialRequests = traffic.requests;
  await installProbes(page);

  const [first = '', warmUp = '', ...measured] = words;
  traffic.bytes = 0;
  traffic.requests = 0;
  const firstQueryMs = await timedQuery(page, first);
  await networkIdle(traffic);
  const firstQueryBytes = traffic.bytes;
  const firstQueryRequests = traffic.requests;

  await clearQuery(page, entries);
  await timedQuery(page, warmUp);
  const queryMs: number[] = [];
  const queryWords = measured.slice(0, 5);
  for (const word of queryWords) {
    await clearQuery(page, entries);
    await networkIdle(traffic, 200);
    queryMs.push(await timedQuery(page, word));
  }
  return { entries, initialBytes, initialRequests, firstQueryWord: first, firstQueryBytes, firstQueryRequests, firstQueryMs, queryMs, queryWords, medianQueryMs: median(queryMs) };
}

/** The words a synthetic cohort's search is measured with (scripts/lib/synthetic-cohort.ts). */
export const SEARCH_WORDS = ['compassion', 'listening', 'iceberg', 'ladder', 'restorative', 'interpreter', 'gratitude'];

/** Serve `siteDir`, open its browse page in Chromium and measure (for `npm run bench -- --search`). */
export async function runSearchBudget(siteDir: string, words: readonly string[] = SEARCH_WORDS): Promise<SearchBudgetFigures> {
  const { serveSite } = await import('../../src/lib/static-server.ts');
  const { launch, newPage } = await import('../../tests/e2e/setup/browser.ts');
  const site = await serveSite(siteDir);
  const browser = await launch();
  try {
    const page = await newPage(browser);
    return await measureSearchBudget(page, `${site.url}browse/`, words.length >= 7 ? words : SEARCH_WORDS);
  } finally {
    await browser.close();
    await site.close();
  }
}
