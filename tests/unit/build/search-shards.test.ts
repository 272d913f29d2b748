/**
 * How the search index is split into shards (src/lib/search-index.ts) and how the browser lists a
 * date-sorted search across them (src/islands/pagefind-client.ts): which page goes where, what a
 * shard's digest depends on, and that results come out in date order whichever shards hold them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { balanceJobs, MAIN_SHARD, MAX_SHARD_PAGES, planShards, shardKeyOf } from '../../../src/lib/search-index.ts';
import { resultsInDateOrder, shardsInDateOrder, SHARD_FILTER, type PagefindResult, type ShardEntry } from '../../../src/islands/pagefind-client.ts';

const page = (body: string, date?: string) =>
  `<!doctype html><html><body><header>menu</header><main data-pagefind-body>${body}${date ? `<div hidden><span data-pagefind-sort="date:${date}"></span></div>` : ''}</main></body></html>`;

let site: string | undefined;
function makeSite(files: Record<string, string>): string {
  site = mkdtempSync(join(tmpdir(), 'cert-shards-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }
  return site;
}
afterEach(() => {
  if (site) rmSync(site, { recursive: true, force: true });
  site = undefined;
});

describe('which shard a page is in', () => {
  it('dated pages by the year of their date, other searchable pages in the main index, the rest nowhere', () => {
    expect(shardKeyOf(page('an entry', '2025-03-02'))).toEqual({ key: '2025', date: '2025-03-02' });
    expect(shardKeyOf(page('a participant'))).toEqual({ key: MAIN_SHARD });
    expect(shardKeyOf('<html><body><main>not searchable</main></body></html>')).toBeUndefined();
  });

  it('is not fooled by the words of an attribute written as text in an entry', () => {
    const html = '<html><body><main><p>type data-pagefind-body and data-pagefind-sort="date:2020-01-01" to mark it</p></main></body></html>';
    expect(shardKeyOf(html)).toBeUndefined();
  });
});

describe('planning the shards of a site', () => {
  it('groups pages, leaves Pagefind’s own folder out, and gives each shard the range of its dates', () => {
    const dir = makeSite({
      'index.html': page('home'),
      'participants/ana/index.html': page('Ana'),
      'portfolios/ana/one/index.html': page('one', '2025-03-02'),
      'portfolios/ana/two/index.html': page('two', '2025-11-30'),
      'portfolios/ana/three/index.html': page('three', '2026-01-05'),
      '404.html': '<html><body>not found</body></html>',
      'pagefind/old/index.html': page('an old bundle', '2020-01-01'),
    });
    const shards = planShards(dir, 'test');
    expect(shards.map((s) => [s.id, s.pages, s.from, s.to])).toEqual([
      [MAIN_SHARD, ['index.html', 'participants/ana/index.html'], undefined, undefined],
      ['2025', ['portfolios/ana/one/index.html', 'portfolios/ana/two/index.html'], '2025-03-02', '2025-11-30'],
      ['2026', ['portfolios/ana/three/index.html'], '2026-01-05', '2026-01-05'],
    ]);
    expect(shards[0]?.outDir).toBe('pagefind');
    expect(shards[1]?.outDir).toBe(`pagefind/shards/2025-${shards[1]?.digest.slice(0, 16)}`);
  });

  it('changes a shard’s digest when one of its pages changes, is removed or is added, and no other shard’s', () => {
    const files = { 'index.html': page('home'), 'a/index.html': page('a', '2025-01-01'), 'b/index.html': page('b', '2026-01-01') };
    const before = planShards(makeSite(files), 'test');
    const digests = (shards: ReturnType<typeof planShards>) => Object.fromEntries(shards.map((s) => [s.id, s.digest]));
    const edited = planShards(makeSite({ ...files, 'a/index.html': page('a, edited', '2025-01-01') }), 'test');
    expect(digests(edited)['2025']).not.toBe(digests(before)['2025']);
    expect(digests(edited)['2026']).toBe(digests(before)['2026']);
    expect(digests(edited)[MAIN_SHARD]).toBe(digests(before)[MAIN_SHARD]);
    const { ['b/index.html']: _removed, ...rest } = files;
    expect(planShards(makeSite(rest), 'test').map((s) => s.id)).toEqual([MAIN_SHARD, '2025']);
    const added = planShards(makeSite({ ...files, 'c/index.html': page('c', '2026-05-01') }), 'test');
    expect(digests(added)['2026']).not.toBe(digests(before)['2026']);
    // and Pagefind's version is part of every digest
    expect(digests(planShards(makeSite(files), 'other'))[MAIN_SHARD]).not.toBe(digests(before)[MAIN_SHARD]);
  });

  it('splits a year of more than MAX_SHARD_PAGES pages by quarter, keeping the ranges apart', () => {
    const files: Record<string, string> = { 'index.html': page('home') };
    for (let i = 0; i <= MAX_SHARD_PAGES; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      files[`e/${i}/index.html`] = page(`entry ${i}`, `2026-${month}-15`);
    }
    const shards = planShards(makeSite(files), 'test');
    expect(shards.map((s) => [s.id, s.from, s.to])).toEqual([
      [MAIN_SHARD, undefined, undefined],
      ['2026-q1', '2026-01-15', '2026-03-15'],
      ['2026-q2', '2026-04-15', '2026-06-15'],
      ['2026-q3', '2026-07-15', '2026-09-15'],
      ['2026-q4', '2026-10-15', '2026-12-15'],
    ]);
  });

  it('shares shards between workers by their number of pages', () => {
    const jobs = [5, 1, 4, 2, 2].map((n, i) => ({ name: `s${i}`, pages: Array.from({ length: n }, () => 'p') }));
    const lists = balanceJobs(jobs, 2);
    expect(lists.flat().map((j) => j.name).sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(lists.map((list) => list.reduce((n, j) => n + j.pages.length, 0))).toEqual([7, 7]);
    expect(balanceJobs(jobs.slice(0, 1), 4)).toHaveLength(1);
  });
});

describe('a date-sorted search across shards', () => {
  const shards: ShardEntry[] = [
    { id: '2024', path: 'shards/2024-x/', from: '2024-01-10', to: '2024-12-01' },
    { id: '2026', path: 'shards/2026-x/', from: '2026-02-01', to: '2026-09-30' },
    { id: '2025', path: 'shards/2025-x/', from: '2025-01-05', to: '2025-11-11' },
  ];
  // each shard's results, newest first, as Pagefind sorts within one index
  const byShard: Record<string, string[]> = { '2024': ['2024-12-01', '2024-01-10'], '2025': ['2025-11-11', '2025-06-01', '2025-01-05'], '2026': ['2026-09-30', '2026-02-01'] };
  function fakePagefind() {
    const searched: string[] = [];
    return {
      searched,
      shards,
      search: async (_term: string | null, opts?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }) => {
        const shard = String(opts?.filters?.[SHARD_FILTER]);
        searched.push(shard);
        const dates = opts?.sort?.['date'] === 'asc' ? [...(byShard[shard] ?? [])].reverse() : (byShard[shard] ?? []);
        const results: PagefindResult[] = dates.map((date, i) => ({ id: date, score: dates.length - i, data: async () => ({ url: `/${date}/`, excerpt: '', meta: { date }, filters: {} }) }));
        return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
      },
    };
  }

  it('orders shards by their date ranges', () => {
    expect(shardsInDateOrder(shards, 'desc').map((s) => s.id)).toEqual(['2026', '2025', '2024']);
    expect(shardsInDateOrder(shards, 'asc').map((s) => s.id)).toEqual(['2024', '2025', '2026']);
  });

  it('lists results newest first across shards, page by page, searching only the shards a page reaches', async () => {
    const all = ['2026-09-30', '2026-02-01', '2025-11-11', '2025-06-01', '2025-01-05', '2024-12-01', '2024-01-10'];
    const first = fakePagefind();
    expect((await resultsInDateOrder(first, null, { section: 'Portfolio entry' }, 'desc', 0, 2)).map((r) => r.id)).toEqual(all.slice(0, 2));
    expect(first.searched).toEqual(['2026']);
    const second = fakePagefind();
    expect((await resultsInDateOrder(second, null, {}, 'desc', 2, 2)).map((r) => r.id)).toEqual(all.slice(2, 4));
    expect(second.searched).toEqual(['2026', '2025']);
    expect((await resultsInDateOrder(fakePagefind(), null, {}, 'desc', 4, 10)).map((r) => r.id)).toEqual(all.slice(4));
    expect((await resultsInDateOrder(fakePagefind(), null, {}, 'asc', 0, 10)).map((r) => r.id)).toEqual([...all].reverse());
  });

  it('keeps the search’s own filters and adds the shard’s', async () => {
    const seen: unknown[] = [];
    const pagefind = { shards, search: async (_t: string | null, o?: { filters?: Record<string, unknown> }) => (seen.push(o?.filters), { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} }) };
    await resultsInDateOrder(pagefind, 'iceberg', { cohort: ['c1'] }, 'desc', 0, 5);
    expect(seen).toEqual([
      { cohort: ['c1'], [SHARD_FILTER]: '2026' },
      { cohort: ['c1'], [SHARD_FILTER]: '2025' },
      { cohort: ['c1'], [SHARD_FILTER]: '2024' },
    ]);
  });
});
