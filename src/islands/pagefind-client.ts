/**
 * A typed wrapper over Pagefind's browser API (`/pagefind/pagefind.js`, written by the build).
 * Loaded lazily on first use, from the site's own base path.
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

export interface PagefindApi {
  options: (opts: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, opts?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string, opts?: Record<string, unknown>) => Promise<void>;
}

let loading: Promise<PagefindApi> | undefined;

/**
 * Load Pagefind from `<base>pagefind/pagefind.js`. Every page is indexed as one language (see
 * src/lib/search-index.ts), so entries in Danish, Spanish or Japanese are found from any page.
 */
export function loadPagefind(base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options({ baseUrl: base.replace(/\/?$/, '/') });
    await api.init();
    return api;
  })();
  return loading;
}
