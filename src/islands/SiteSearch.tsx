/**
 * Full-text search over the build's own Pagefind index. Reads the query from ?q= (so the header
 * form works without this island) and keeps it there, announces the number of results, and is
 * used by keyboard like any form.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Excerpt from './Excerpt.tsx';
import { DemoBadge } from './DemoBadge.tsx';
import { DEMO_SEARCH_META } from '../lib/demo-mark.ts';
import { loadPagefind, type PagefindResultData } from './pagefind-client.ts';

interface Props {
  base: string;
}

interface Hit {
  id: string;
  data: PagefindResultData;
}

const PAGE_SIZE = 10;

export default function SiteSearch({ base }: Props) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    const q = new URLSearchParams(window.location.search).get('q') ?? '';
    setQuery(q);
  }, []);

  useEffect(() => {
    const mine = ++ticket.current;
    const term = query.trim();
    const url = new URL(window.location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (!term) {
      setHits([]);
      setTotal(null);
      return;
    }
    const timer = window.setTimeout(async () => {
      try {
        const pagefind = await loadPagefind(base);
        const search = await pagefind.search(term);
        const data = await Promise.all(search.results.slice(0, 50).map(async (r) => ({ id: r.id, data: await r.data() })));
        if (mine !== ticket.current) return;
        setHits(data);
        setTotal(search.results.length);
        setShown(PAGE_SIZE);
        setError(null);
      } catch {
        if (mine === ticket.current) setError('Search is not available right now. Try again after reloading the page.');
      }
    }, 150);
    return () => window.clearTimeout(timer);
  }, [query, base]);

  return (
    <div className="site-search-page">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId}>Search for</label>{' '}
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </form>
      <p role="status" aria-live="polite" className="muted">
        {error ?? (total === null ? '' : total === 0 ? `No results for “${query.trim()}”.` : `${total} result${total === 1 ? '' : 's'} for “${query.trim()}”.`)}
      </p>
      <ol className="entry-list">
        {hits.slice(0, shown).map((hit) => (
          <li key={hit.id}>
            <a href={hit.data.url}>{hit.data.meta['title'] ?? hit.data.url}</a>
            {hit.data.meta[DEMO_SEARCH_META] && <> <DemoBadge /></>}
            {hit.data.meta['kind'] && <span className="muted small"> · {hit.data.meta['kind']}</span>}
            <Excerpt html={hit.data.excerpt} />
          </li>
        ))}
      </ol>
      {hits.length > shown && (
        <button type="button" className="button secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          Show more results
        </button>
      )}
    </div>
  );
}
