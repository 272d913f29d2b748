/**
 * The public site of the real content has every page a visitor needs, each fact traced to the
 * brochure, and no date the brochure does not give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  });
});
