/** The dashboard's filters and sort order: what each shows, and their address form. */
import { describe, expect, it } from 'vitest';
import { compareRows, describeFilter, filterFromSearch, NO_FILTER, rowMatches, searchFromFilter, type RowFacts } from '../../../src/lib/dashboard-filter.ts';

const choices = { cohorts: ['c1', 'c2'], sites: ['north', 'south'], criteria: ['calls', 'coaching'], assessors: ['mette', 'peter'] };
const names = {
  cohorts: new Map([['c1', 'Cohort one']]),
  sites: new Map([['north', 'North Hub']]),
  criteria: new Map([
    ['calls', 'Calls'],
    ['coaching', 'Coaching'],
  ]),
  assessors: new Map([['peter', 'Peter M. Senge']]),
};

const ana: RowFacts = { name: 'Ana', cohort: 'c1', site: 'south', siteName: 'South Hub', states: { calls: 'complete', coaching: 'complete' }, disagreeOn: [], awaiting: [] };
const ben: RowFacts = { name: 'Ben', cohort: 'c1', site: 'north', siteName: 'North Hub', states: { calls: 'in-progress', coaching: 'none' }, disagreeOn: ['coaching'], awaiting: ['peter'] };
const cy: RowFacts = { name: 'Cy', cohort: 'c2', site: 'north', siteName: 'North Hub', states: { calls: 'complete', coaching: 'in-progress' }, disagreeOn: [], awaiting: ['mette', 'peter'] };
const rows = [ana, ben, cy];
const shown = (search: string) => rows.filter((r) => rowMatches(r, filterFromSearch(search, choices))).map((r) => r.name);

describe('dashboard filters', () => {
  it('shows everyone without a filter', () => {
    expect(shown('')).toEqual(['Ana', 'Ben', 'Cy']);
  });

  it('filters by cohort, site and the assessor still to assess', () => {
    expect(shown('?cohort=c2')).toEqual(['Cy']);
    expect(shown('?site=north')).toEqual(['Ben', 'Cy']);
    expect(shown('?assessor=mette')).toEqual(['Cy']);
    expect(shown('?assessor=peter&site=north&cohort=c1')).toEqual(['Ben']);
  });

  it('reads a state across the criteria: complete on all of them, or in that state on at least one', () => {
    expect(shown('?state=complete')).toEqual(['Ana']);
    expect(shown('?state=in-progress')).toEqual(['Ben', 'Cy']);
    expect(shown('?state=none')).toEqual(['Ben']);
  });

  it('reads a state on one criterion', () => {
    expect(shown('?state=complete&criterion=calls')).toEqual(['Ana', 'Cy']);
    expect(shown('?state=in-progress&criterion=coaching')).toEqual(['Cy']);
  });

  it('shows where assessors disagree, on any criterion or on the one chosen', () => {
    expect(shown('?disagree=yes')).toEqual(['Ben']);
    expect(shown('?disagree=yes&criterion=calls')).toEqual([]);
    expect(shown('?disagree=yes&criterion=coaching')).toEqual(['Ben']);
  });

  it('ignores values the page does not know instead of hiding everyone', () => {
    expect(filterFromSearch('?site=atlantis&state=done&sort=random&assessor=%3Cscript%3E&cohort=', choices)).toEqual(NO_FILTER);
    expect(shown('?site=atlantis')).toEqual(['Ana', 'Ben', 'Cy']);
  });

  it('round-trips through the address, leaving defaults out', () => {
    const filter = { ...NO_FILTER, site: 'north', state: 'none' as const, criterion: 'coaching', disagree: true, assessor: 'peter', sort: 'least-complete' as const };
    const search = searchFromFilter(filter);
    expect(search).toBe('?site=north&criterion=coaching&state=none&assessor=peter&disagree=yes&sort=least-complete');
    expect(filterFromSearch(search, choices)).toEqual(filter);
    expect(searchFromFilter(NO_FILTER)).toBe('');
  });
});

describe('dashboard sort orders', () => {
  const order = (sort: Parameters<typeof compareRows>[2]) => [...rows].sort((a, b) => compareRows(a, b, sort)).map((r) => r.name);
  it('sorts by name, site, criteria complete, and disagreements', () => {
    expect(order('name')).toEqual(['Ana', 'Ben', 'Cy']);
    expect(order('site')).toEqual(['Ben', 'Cy', 'Ana']);
    expect(order('most-complete')).toEqual(['Ana', 'Cy', 'Ben']);
    expect(order('least-complete')).toEqual(['Ben', 'Cy', 'Ana']);
    expect(order('disagreements')).toEqual(['Ben', 'Ana', 'Cy']);
  });
});

describe('the count line', () => {
  it('says how many are shown and what the filter means in words', () => {
    expect(describeFilter(NO_FILTER, 3, 3, names)).toBe('All 3 participants shown.');
    expect(describeFilter({ ...NO_FILTER, state: 'none' }, 1, 3, names)).toBe('1 of 3 participants shown: not started on at least one criterion.');
    expect(describeFilter({ ...NO_FILTER, state: 'complete' }, 1, 3, names)).toBe('1 of 3 participants shown: complete on every criterion.');
    expect(describeFilter({ ...NO_FILTER, cohort: 'c1', site: 'north', state: 'in-progress', criterion: 'calls', disagree: true, assessor: 'peter' }, 0, 3, names)).toBe(
      '0 of 3 participants shown: in Cohort one; at North Hub; in progress on Calls; assessors disagree on Calls; awaiting an assessment by Peter M. Senge.',
    );
  });
});
