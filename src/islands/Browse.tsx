/**
 * Browsing portfolios on the cohort and faculty sites, with or without a search term: filters with
 * counts, sorting by date, pages of results, and the whole view kept in the URL.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import Excerpt from './Excerpt.tsx';
import { DemoBadge } from './DemoBadge.tsx';
import { DEMO_SEARCH_META } from '../lib/demo-mark.ts';
import { loadPagefind, resultsInDateOrder, type PagefindResultData } from './pagefind-client.ts';
import { pagefindFilters, searchFromState, stateFromSearch, toggleValue, type BrowseState, type SortOrder } from './browse-state.ts';

export interface FilterSpec {
  key: string;
  label: string;
}

interface Props {
  base: string;
  filters: FilterSpec[];
  pageSize?: number;
}

interface Hit {
  id: string;
  data: PagefindResultData;
}

const FIXED = { section: 'Portfolio entry' };

export default function Browse({ base, filters, pageSize = 20 }: Props) {
  const uid = useId();
  const keys = filters.map((f) => f.key);
  const [state, setState] = useState<BrowseState | null>(null);
  const [hits, setHits] = useState<Hit[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<Record<string, Record<string, number>>>({});
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    const read = () => setState(stateFromSearch(window.location.search, keys));
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
    // keys come from props that never change on a page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback((next: BrowseState, push: boolean) => {
    setState(next);
    const url = `${window.location.pathname}${searchFromState(next)}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  useEffect(() => {
    if (!state) return;
    const mine = ++ticket.current;
    const timer = window.setTimeout(async () => {
      try {
        const pagefind = await loadPagefind(base);
        const term = state.query.trim() || null;
        const sort = state.sort === 'relevance' && term ? undefined : { date: state.sort === 'oldest' ? ('asc' as const) : ('desc' as const) };
        const filters = pagefindFilters(state, FIXED);
        const search = await pagefind.search(term, { filters, ...(sort ? { sort } : {}) });
        const start = (state.page - 1) * pageSize;
        // Pagefind orders results merged from several shards by score; a date order is put together shard by shard
        const shown = sort ? await resultsInDateOrder(pagefind, term, filters, sort.date, start, pageSize) : search.results.slice(start, start + pageSize);
        const data = await Promise.all(shown.map(async (r) => ({ id: r.id, data: await r.data() })));
        if (mine !== ticket.current) return;
        // results first; the counts beside the filters follow
        setHits(data);
        setTotal(search.results.length);
        // Pagefind counts only the filters a search names, and counts a named filter's values
        // within its own selection; a count per value must say how many entries choosing that
        // value would show, so each filter is counted with the other filters applied, not itself.
        const all = await pagefind.filters();
        const facetCounts: Record<string, Record<string, number>> = {};
        for (const key of keys) {
          const values = Object.keys(all[key] ?? {});
          if (values.length === 0) continue;
          const others: BrowseState = { ...state, filters: Object.fromEntries(Object.entries(state.filters).filter(([k]) => k !== key)) };
          const counted = await pagefind.search(term, { filters: { ...pagefindFilters(others, FIXED), [key]: { any: values } } });
          facetCounts[key] = counted.filters[key] ?? {};
        }
        if (mine !== ticket.current) return;
        setCounts(facetCounts);
        setError(null);
      } catch {
        if (mine === ticket.current) setError('Browsing is not available right now. Reload the page to try again.');
      }
    }, state.query ? 80 : 0);
    return () => window.clearTimeout(timer);
    // keys come from props that never change on a page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, base, pageSize]);

  if (!state) return <p className="muted">Loading…</p>;
  const pages = total ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const selectedCount = Object.values(state.filters).reduce((n, v) => n + v.length, 0);

  return (
    <div className="browse">
      <form role="search" className="browse-search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${uid}-q`}>Search entries</label>{' '}
        <input id={`${uid}-q`} type="search" value={state.query} onChange={(e) => update({ ...state, query: e.target.value, page: 1 }, false)} />{' '}
        <label htmlFor={`${uid}-sort`}>Order</label>{' '}
        <select id={`${uid}-sort`} value={state.sort} onChange={(e) => update({ ...state, sort: e.target.value as SortOrder, page: 1 }, true)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="relevance" disabled={!state.query.trim()}>
            Best match (with a search term)
          </option>
        </select>
      </form>
      <div className="browse-layout">
        <div className="browse-filters" aria-label="Filters" role="group">
          {selectedCount > 0 && (
            <button type="button" className="button secondary" onClick={() => update({ ...state, filters: {}, page: 1 }, true)}>
              Clear {selectedCount} filter{selectedCount === 1 ? '' : 's'}
            </button>
          )}
          {filters.map((f) => {
            const values = Object.entries(counts[f.key] ?? {}).sort(([a], [b]) => a.localeCompare(b));
            const selected = state.filters[f.key] ?? [];
            for (const v of selected) if (!values.some(([name]) => name === v)) values.push([v, 0]);
            if (values.length === 0) return null;
            return (
              <fieldset key={f.key}>
                <legend>{f.label}</legend>
                {values.map(([value, count]) => (
                  <label key={value} className="check">
                    <input type="checkbox" checked={selected.includes(value)} onChange={(e) => update(toggleValue(state, f.key, value, e.target.checked), true)} /> {value}{' '}
                    <span className="muted small">({count})</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
        <div className="browse-results">
          <p role="status" aria-live="polite" data-testid="browse-status">
            {error ?? (total === null ? 'Loading entries…' : `${total} entr${total === 1 ? 'y' : 'ies'}${state.query.trim() ? ` matching “${state.query.trim()}”` : ''}${selectedCount ? ' with the chosen filters' : ''}.`)}
          </p>
          <ol className="entry-list" data-testid="browse-results">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a href={hit.data.url}>{hit.data.meta['title'] ?? hit.data.url}</a>
                {hit.data.meta[DEMO_SEARCH_META] && <> <DemoBadge /></>}
                <div className="entry-meta">
                  {[hit.data.meta['participant'], hit.data.meta['kind'], hit.data.meta['date']].filter(Boolean).join(' · ')}
                </div>
                {hit.data.meta['summary'] ? <p className="small">{hit.data.meta['summary']}</p> : <Excerpt html={hit.data.excerpt} />}
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label="Pages of results" className="pager">
              <button type="button" className="button secondary" disabled={state.page <= 1} onClick={() => update({ ...state, page: state.page - 1 }, true)}>
                Previous
              </button>{' '}
              <span>
                Page {state.page} of {pages}
              </span>{' '}
              <button type="button" className="button secondary" disabled={state.page >= pages} onClick={() => update({ ...state, page: state.page + 1 }, true)}>
                Next
              </button>
            </nav>
          )}
        </div>
      </div>
    </div>
  );
}
