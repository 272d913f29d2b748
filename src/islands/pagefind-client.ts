/**
 * A typed wrapper over Pagefind's browser API (`/pagefind/pagefind.js`, written by the build).
 * Loaded lazily on first use, from the site's own base path.
 *
 * The build splits the index into shards (src/lib/search-index.ts): the main index at
 * `pagefind/` and one per year of entries, listed in `pagefind/shards.json`. Every shard is
 * merged into the one Pagefind instance, each tagged with a `shard` filter of its own, so a
 * search covers them all and counts filters across them. Pagefind orders merged results by
 * score only; `resultsInDateOrder` lists a date-sorted search in true date order.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export type SearchFilters = Record<string, unknown>;
export type DateOrder = 'asc' | 'desc';

export interface PagefindApi {
  options: (opts: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, opts?: { filters?: SearchFilters; sort?: Record<string, DateOrder> }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string, opts?: Record<string, unknown>) => Promise<void>;
}

/** One shard of the index, as listed in `pagefind/shards.json`. */
export interface ShardEntry {
  id: string;
  /** Below `pagefind/`, with a trailing slash. */
  path: string;
  /** The dates (YYYY-MM-DD) of its pages: shards' ranges do not overlap. */
  from: string;
  to: string;
}

/** The filter each shard's results carry (Pagefind's `mergeFilter`), and the main index's value of it. */
export const SHARD_FILTER = 'shard';
export const MAIN_SHARD = 'main';

export interface ShardedPagefind extends PagefindApi {
  shards: ShardEntry[];
}

let loading: Promise<ShardedPagefind> | undefined;

async function readShards(root: string): Promise<ShardEntry[]> {
  try {
    const response = await fetch(`${root}pagefind/shards.json`);
    if (!response.ok) return [];
    const manifest = (await response.json()) as { shards?: ShardEntry[] };
    return Array.isArray(manifest.shards) ? manifest.shards.filter((s) => typeof s.id === 'string' && typeof s.path === 'string' && !s.path.includes('..')) : [];
  } catch {
    return [];
  }
}

/**
 * Load Pagefind from `<base>pagefind/pagefind.js` and merge every shard. Every page is indexed as
 * one language (see src/lib/search-index.ts), so entries in Danish, Spanish or Japanese are found
 * from any page.
 */
export function loadPagefind(base: string): Promise<ShardedPagefind> {
  loading ??= (async () => {
    const root = base.replace(/\/?$/, '/');
    const [api, shards] = await Promise.all([import(/* @vite-ignore */ `${root}pagefind/pagefind.js`) as Promise<PagefindApi>, readShards(root)]);
    await api.options({ baseUrl: root, mergeFilter: { [SHARD_FILTER]: MAIN_SHARD } });
    await api.init();
    await Promise.all(shards.map((s) => api.mergeIndex(`${root}pagefind/${s.path}`, { baseUrl: root, mergeFilter: { [SHARD_FILTER]: s.id } })));
    // the module's namespace object cannot take a property of its own
    return { options: api.options, init: api.init, search: api.search, filters: api.filters, mergeIndex: api.mergeIndex, shards };
  })();
  return loading;
}

/** The order to search shards in so that their results, one shard after the other, are in date order. */
export function shardsInDateOrder(shards: readonly ShardEntry[], order: DateOrder): ShardEntry[] {
  const ascending = [...shards].sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
  return order === 'asc' ? ascending : ascending.reverse();
}

/**
 * Results `start` to `start + count` of a search sorted by date, in date order across shards.
 * Within one shard Pagefind sorts by date; shards' date ranges do not overlap, so the shards'
 * results one after the other, newest shard first (or oldest), are the whole search in order.
 * Only the shards the page of results reaches are searched.
 */
export async function resultsInDateOrder(
  pagefind: Pick<ShardedPagefind, 'search' | 'shards'>,
  term: string | null,
  filters: SearchFilters,
  order: DateOrder,
  start: number,
  count: number,
): Promise<PagefindResult[]> {
  const sort = { date: order };
  if (pagefind.shards.length === 0) return (await pagefind.search(term, { filters, sort })).results.slice(start, start + count);
  const found: PagefindResult[] = [];
  // pages without a date are in the main index only, and a date sort leaves them out anyway
  for (const shard of shardsInDateOrder(pagefind.shards, order)) {
    if (found.length >= start + count) break;
    const search = await pagefind.search(term, { filters: { ...filters, [SHARD_FILTER]: shard.id }, sort });
    found.push(...search.results);
  }
  return found.slice(start, start + count);
}
