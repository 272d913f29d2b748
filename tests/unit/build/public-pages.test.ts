/**
 * The public site of the real content has every page a visitor needs, each fact traced to the
 * brochure, and no date the brochure does not give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { BROCHURE_SECTION_NAMES, leafRules, type Criterion } from '../../../src/schemas/framework.ts';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

describe('the public site of the program', () => {
  let project: FixtureProject;
  let out: string;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'content'));
    const build = project.build({ kind: 'public' });
    if (!build.ok) throw new Error(build.log);
    out = build.outDir;
  });
  afterAll(() => project?.cleanup());

  it('has the home, program, modules, schedule, faculty, apply, search and 404 pages, a sitemap and calendars', () => {
    const pages = [
      'index.html',
      'program/overview/index.html',
      'program/structure/index.html',
      'program/commitments/index.html',
      'program/benefits/index.html',
      'program/eligibility/index.html',
      'apply/index.html',
      'modules/index.html',
      'modules/systems-awareness/index.html',
      'modules/compassionate-integrity/index.html',
      'modules/graduation-qualification/index.html',
      'schedule/index.html',
      'faculty/index.html',
      'faculty/peter-m-senge/index.html',
      'faculty/dan-siegel/index.html',
      'search/index.html',
      '404.html',
      'sitemap-index.xml',
      'calendar/2020-2021.ics',
      'calendar/2020-2021/module-1-workshop.ics',
    ];
    expect(pages.filter((p) => !existsSync(join(out, p)))).toEqual([]);
  });

  it('states the brochure’s facts: Module 1 dates and place, the deadline, the cost, the discount', () => {
    const module1 = read('modules/systems-awareness/index.html');
    expect(module1).toContain('Sunday 28 June 2020, 14:00 – Friday 3 July 2020, 12:30 (EDT, America/New_York)');
    expect(module1).toContain('MIT, Cambridge, Massachusetts');
    const apply = read('apply/index.html');
    expect(apply).toContain('1 May 2020');
    expect(apply).toContain('$14,000');
    expect(apply).toContain('50% off tuition for students');
    expect(apply).toMatch(/travel, accommodation and meals/);
  });

  it('invents no date: Module 2 and 3 and the calls are announced as such, and have no calendar file', () => {
    const schedule = read('schedule/index.html');
    expect(schedule.match(/Date to be announced/g)?.length).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(out, 'calendar/2020-2021/module-2-workshop.ics'))).toBe(false);
    expect(schedule).toContain('09:00 America/New York time, for 3 hours');
  });

  it('lists every faculty member the brochure names, in their groups', () => {
    const faculty = read('faculty/index.html');
    for (const name of ['Peter M. Senge', 'Mette Miriam Boell', 'Hanneli Aagotsdatter', 'Julie Diaz', 'Mark Greenberg', 'Steen Hildebrandt', 'Andrew Jones', 'Rhonda Magee', 'John Milton', 'Kim Schonert-Reichl', 'Dan Siegel']) {
      expect(faculty).toContain(name);
    }
    for (const group of ['Facilitators', 'Contemplative faculty', 'Project coordinator', 'Guest faculty']) expect(faculty).toContain(group);
    // the demo cohort's invented assessors are not the program's faculty, and not public
    expect(faculty).not.toContain('Demo faculty');
    expect(existsSync(join(out, 'faculty/ramon-vientosur/index.html'))).toBe(false);
  });

  it('shows where every requirement of the qualification comes from, naming the brochure’s section and never quoting it, and no number the brochure does not state as the program’s', () => {
    const page = read('qualification/index.html');
    const items = [...page.matchAll(/<li data-source="(brochure|faculty|proposal)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({ kind: m[1], html: m[2] ?? '' }));
    expect(items.length).toBeGreaterThanOrEqual(8);
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
    // the brochure's sentences stay in the framework files, as the record; the page names where they are
    const quotes = readContent(PROJECT_ROOT, { gate: false })
      .records.filter((r) => r.collection === 'framework')
      .flatMap((r) => {
        const c = r.data as unknown as Criterion;
        return [c.source, ...leafRules(c.evidence).map((rule) => rule.source)].flatMap((s) => (s && 'brochure' in s ? [s] : []));
      });
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) expect(text(page)).not.toContain(q.brochure.slice(0, 40));
    expect(page).not.toMatch(/<q[\s>]/);
    for (const item of items) {
      if (item.kind === 'brochure') {
        const section = /Stated by the program, in the brochure’s “([^”]+)” section/.exec(text(item.html))?.[1] ?? '';
        expect(BROCHURE_SECTION_NAMES as readonly string[], text(item.html)).toContain(section);
        const stated = quotes.filter((q) => q.section === section).map((q) => q.brochure.toLowerCase());
        const requirement = text(item.html.split('<span')[0] ?? '');
        for (const n of requirement.match(/\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\b/gi) ?? []) expect(stated.some((q) => q.includes(n.toLowerCase())), n).toBe(true);
      }
      if (item.kind === 'proposal') expect(item.html).toContain('Proposed, not yet confirmed by the faculty');
    }
    // the thresholds nobody has set are shown as proposals
    for (const proposal of ['At least three coaching entries', 'At least six reflections', 'A buddy check-in in the portfolio for every month', 'A practice log in the portfolio for every month', 'At least one application project final report']) {
      expect(items.find((i) => text(i.html).includes(proposal))?.kind, proposal).toBe('proposal');
    }
    expect(text(page)).toContain(
      'The project proposal reviewed before the year and finalised after the first workshop, by the program faculty. Stated by the program, in the brochure’s “Program structure” section',
    );
    expect(text(page)).toContain('decide jointly whether the participant is certified as an MIT-JWEL Compassionate Systems Trainer or has more work to do first.');
  });

  it('calls a graduate by the brochure’s exact title on the qualification, program and module pages', () => {
    const pages = ['qualification/index.html', 'program/structure/index.html', 'modules/graduation-qualification/index.html', 'program/benefits/index.html', 'program/overview/index.html', 'index.html'];
    const titled = pages.filter((p) => read(p).includes('MIT-JWEL Compassionate Systems Trainer'));
    expect(titled).toEqual(['qualification/index.html', 'program/structure/index.html', 'modules/graduation-qualification/index.html']);
    for (const p of pages) expect(read(p).replace(/MIT-JWEL Compassionate Systems Trainer/g, ''), p).not.toMatch(/Compassionate Systems Trainer|J-WEL Compassionate/);
  });

  it('marks every demo session on the schedule, and names and titles its calendar files as fictional', () => {
    const schedule = read('schedule/index.html');
    const rows = [...schedule.matchAll(/<li id="([^"]+)">([\s\S]*?)<\/li>\s*(?=<li id=|<\/ol>)/g)].map((m) => ({ id: m[1] ?? '', html: m[2] ?? '' }));
    const demoRows = rows.filter((r) => r.id.startsWith('demo-2026-'));
    expect(demoRows.length).toBe(13);
    for (const r of demoRows) expect(r.html, r.id).toContain('Demo · fictional');
    for (const r of rows.filter((x) => x.id.startsWith('2020-2021-'))) expect(r.html).not.toContain('Demo · fictional');
    expect(schedule).toContain('href="/calendar/demo-2026/demo-module-1-workshop.ics"');

    expect(existsSync(join(out, 'calendar/demo-2026/demo-module-1-workshop.ics'))).toBe(true);
    expect(existsSync(join(out, 'calendar/demo-2026/module-1-workshop.ics'))).toBe(false);
    const demoCalendar = read('calendar/demo-2026.ics').replace(/\r\n[ \t]/g, '');
    const summaries = demoCalendar.match(/^SUMMARY:.*$/gm) ?? [];
    expect(summaries.length).toBeGreaterThanOrEqual(10);
    for (const line of summaries) expect(line).toMatch(/^SUMMARY:\[Demo · fictional\] /);
    expect(demoCalendar).toMatch(/^X-WR-CALNAME:\[Demo · fictional\] /m);
    expect(read('calendar/demo-2026/demo-call-2026-07.ics').replace(/\r\n[ \t]/g, '')).toMatch(/^SUMMARY:\[Demo · fictional\] Monthly call/m);
    expect(read('calendar/2020-2021.ics')).not.toContain('Demo');
  });

  it('gives demo pages the demo mark their search results show', () => {
    const meta = 'data-pagefind-meta="demo:Demo · fictional"';
    expect(read('participants/haruka-kumonoue/index.html')).toContain(meta);
    expect(read('portfolios/haruka-kumonoue/project-proposal-morning-circle/index.html')).toContain(meta);
    expect(read('cohorts/demo-2026/index.html')).toContain(meta);
    expect(read('program/overview/index.html')).not.toContain(meta);
    expect(read('cohorts/2020-2021/index.html')).not.toContain(meta);
  });
});
