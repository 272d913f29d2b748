/**
 * The browse page's state and its URL form, so a filtered view can be bookmarked, shared, and
 * returned to with Back. Pure functions (tested without a browser).
 */
export type SortOrder = 'newest' | 'oldest' | 'relevance';

export interface BrowseState {
  query: string;
  /** Selected values per filter key; any value within a key, all keys together. */
  filters: Record<string, string[]>;
  sort: SortOrder;
  page: number;
}

export const EMPTY_STATE: BrowseState = { query: '', filters: {}, sort: 'newest', page: 1 };

export function stateFromSearch(search: string, filterKeys: readonly string[]): BrowseState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const key of filterKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = [...new Set(values)];
  }
  const sortParam = params.get('sort');
  const sort: SortOrder = sortParam === 'oldest' || sortParam === 'relevance' ? sortParam : 'newest';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { query: params.get('q') ?? '', filters, sort, page };
}

export function searchFromState(state: BrowseState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
  if (state.sort !== 'newest') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter object: `any` within a key, keys combined with AND. */
export function pagefindFilters(state: BrowseState, fixed: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fixed };
  for (const [key, values] of Object.entries(state.filters)) if (values.length) out[key] = { any: values };
  return out;
}

export function toggleValue(state: BrowseState, key: string, value: string, on: boolean): BrowseState {
  const current = state.filters[key] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length) filters[key] = next;
  else delete filters[key];
  return { ...state, filters, page: 1 };
}
