/**
 * The dashboard's filters and sort order, and their URL form, so a filtered view can be
 * bookmarked, shared and returned to with Back (pure: the dashboard's script and the tests use
 * it, with row facts read from the matrix's data attributes).
 */
import type { CoverageStatus } from './coverage.ts';

export const SORTS = ['name', 'site', 'most-complete', 'least-complete', 'disagreements'] as const;
export type DashboardSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<DashboardSort, string> = {
  name: 'Name',
  site: 'Site, then name',
  'most-complete': 'Most criteria complete first',
  'least-complete': 'Fewest criteria complete first',
  disagreements: 'Most disagreements first',
};

const STATES = ['complete', 'in-progress', 'none'] as const satisfies readonly CoverageStatus[];

export interface DashboardFilter {
  /** Cohort id; '' for every cohort. */
  cohort: string;
  /** Site id; '' for every site. */
  site: string;
  /** Criterion id the state (and disagreement) refers to; '' for the criteria taken together. */
  criterion: string;
  /** '' for any state. Without a criterion: complete on every criterion, or in that state on at least one. */
  state: CoverageStatus | '';
  /** Assessor id: only participants still awaiting this assessor's assessment. */
  assessor: string;
  /** Only participants the assessors disagree on (on the criterion, when one is chosen). */
  disagree: boolean;
  sort: DashboardSort;
}

export const NO_FILTER: DashboardFilter = { cohort: '', site: '', criterion: '', state: '', assessor: '', disagree: false, sort: 'name' };

/** Values the page knows; anything else in a URL is ignored rather than hiding every row. */
export interface FilterChoices {
  cohorts: readonly string[];
  sites: readonly string[];
  criteria: readonly string[];
  assessors: readonly string[];
}

function pick(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

export function filterFromSearch(search: string, choices: FilterChoices): DashboardFilter {
  const params = new URLSearchParams(search);
  const state = pick(params.get('state'), STATES);
  const sort = pick(params.get('sort'), SORTS);
  return {
    cohort: pick(params.get('cohort'), choices.cohorts),
    site: pick(params.get('site'), choices.sites),
    criterion: pick(params.get('criterion'), choices.criteria),
    state: state as CoverageStatus | '',
    assessor: pick(params.get('assessor'), choices.assessors),
    disagree: params.get('disagree') === 'yes',
    sort: (sort || 'name') as DashboardSort,
  };
}

export function searchFromFilter(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  if (filter.cohort) params.set('cohort', filter.cohort);
  if (filter.site) params.set('site', filter.site);
  if (filter.criterion) params.set('criterion', filter.criterion);
  if (filter.state) params.set('state', filter.state);
  if (filter.assessor) params.set('assessor', filter.assessor);
  if (filter.disagree) params.set('disagree', 'yes');
  if (filter.sort !== 'name') params.set('sort', filter.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the filter needs to know about one row of the matrix. */
export interface RowFacts {
  name: string;
  cohort: string;
  site: string;
  siteName: string;
  /** Coverage status per criterion id. */
  states: Readonly<Record<string, CoverageStatus>>;
  /** Criteria the assessors disagree on. */
  disagreeOn: readonly string[];
  /** Assessors still to assess this participant. */
  awaiting: readonly string[];
}

export function rowMatches(row: RowFacts, filter: DashboardFilter): boolean {
  if (filter.cohort && row.cohort !== filter.cohort) return false;
  if (filter.site && row.site !== filter.site) return false;
  if (filter.assessor && !row.awaiting.includes(filter.assessor)) return false;
  const states = Object.values(row.states);
  if (filter.state) {
    if (filter.criterion) {
      if (row.states[filter.criterion] !== filter.state) return false;
    } else if (filter.state === 'complete') {
      if (states.length === 0 || states.some((s) => s !== 'complete')) return false;
    } else if (!states.includes(filter.state)) return false;
  }
  if (filter.disagree) {
    if (filter.criterion ? !row.disagreeOn.includes(filter.criterion) : row.disagreeOn.length === 0) return false;
  }
  return true;
}

const completeCount = (row: RowFacts) => Object.values(row.states).filter((s) => s === 'complete').length;

export function compareRows(a: RowFacts, b: RowFacts, sort: DashboardSort): number {
  const byName = a.name.localeCompare(b.name);
  switch (sort) {
    case 'name':
      return byName;
    case 'site':
      return a.siteName.localeCompare(b.siteName) || byName;
    case 'most-complete':
      return completeCount(b) - completeCount(a) || byName;
    case 'least-complete':
      return completeCount(a) - completeCount(b) || byName;
    case 'disagreements':
      return b.disagreeOn.length - a.disagreeOn.length || byName;
  }
}

export interface FilterNames {
  cohorts: ReadonlyMap<string, string>;
  sites: ReadonlyMap<string, string>;
  criteria: ReadonlyMap<string, string>;
  assessors: ReadonlyMap<string, string>;
}

const STATE_WORDS: Record<CoverageStatus, string> = { complete: 'complete', 'in-progress': 'in progress', none: 'not started' };

/** "3 of 8 participants shown: at Fjordvig Hub; not started on Calls." */
export function describeFilter(filter: DashboardFilter, shown: number, total: number, names: FilterNames): string {
  const parts: string[] = [];
  if (filter.cohort) parts.push(`in ${names.cohorts.get(filter.cohort) ?? filter.cohort}`);
  if (filter.site) parts.push(`at ${names.sites.get(filter.site) ?? filter.site}`);
  const criterion = filter.criterion ? (names.criteria.get(filter.criterion) ?? filter.criterion) : '';
  if (filter.state) {
    const state = STATE_WORDS[filter.state];
    if (criterion) parts.push(`${state} on ${criterion}`);
    else parts.push(filter.state === 'complete' ? 'complete on every criterion' : `${state} on at least one criterion`);
  }
  if (filter.disagree) parts.push(criterion ? `assessors disagree on ${criterion}` : 'assessors disagree');
  if (filter.assessor) parts.push(`awaiting an assessment by ${names.assessors.get(filter.assessor) ?? filter.assessor}`);
  const count = shown === total ? `All ${total} participant${total === 1 ? '' : 's'} shown` : `${shown} of ${total} participants shown`;
  return `${count}${parts.length ? `: ${parts.join('; ')}` : ''}.`;
}
