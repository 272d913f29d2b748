/**
 * Every program schema with a valid file and the mistakes staff are likely to make, each message
 * pinned: it names the line, the field, what was expected and an example.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFile } from '../../../src/lib/validate/read-content.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

const check = (file: string, text: string) => checkContentFile(file, text).problems.map(formatProblem);

describe('cohort', () => {
  const valid = 'title: 2020–2021 cycle\nstart: 2020-06-28\nend: tba\napplicationDeadline: 2020-05-01\ncost: { amount: 14000, currency: USD, notIncluded: [travel] }\n';
  it('accepts the 2020–2021 cycle with an end still to be announced', () => {
    expect(check('content/cohorts/2020-2021.yaml', valid)).toEqual([]);
  });
  it('refuses an impossible deadline and a lowercase currency', () => {
    expect(check('content/cohorts/2020-2021.yaml', valid.replace('2020-05-01', '2020-02-30').replace('USD', 'usd'))).toMatchInlineSnapshot(`
      [
        "content/cohorts/2020-2021.yaml:4:1  error  applicationDeadline: "2020-02-30" is not a real date: February 2020 has 29 days (last day applications are accepted; they close at the end of that day in deadlineTimeZone, for example 2020-05-01)  [schema]",
        "content/cohorts/2020-2021.yaml:5:24  error  currency must be a three-letter ISO 4217 code such as USD  [schema]",
      ]
    `);
  });
});

describe('session', () => {
  const valid = 'kind: workshop\ntitle: Module 1 workshop\nmodule: systems-awareness\nstart: 2020-06-28T14:00\nend: 2020-07-03T12:30\ntimeZone: America/New_York\n';
  it('accepts a dated workshop and one still to be announced', () => {
    expect(check('content/sessions/2020-2021/module-1-workshop.yaml', valid)).toEqual([]);
    expect(check('content/sessions/2020-2021/module-2-workshop.yaml', 'kind: workshop\ntitle: Module 2 workshop\nstart: tba\ntimeZone: America/New_York\nlocation: tba\n')).toEqual([]);
  });
  it('refuses an unknown zone, an abbreviation and an end before the start', () => {
    expect(check('content/sessions/2020-2021/x.yaml', valid.replace('America/New_York', 'EST').replace('2020-07-03T12:30', '2020-06-27T12:30'))).toMatchInlineSnapshot(`
      [
        "content/sessions/2020-2021/x.yaml:6:1  error  timeZone: "EST" is not an IANA time zone name; write one like America/New_York or Europe/Copenhagen (abbreviations such as EST are ambiguous)  [schema]",
        "content/sessions/2020-2021/x.yaml:5:1  error  end (2020-06-27T12:30) must come after start (2020-06-28T14:00) (local end date and time, for sessions over several days (give end or durationMinutes), for example 2020-07-03T12:30)  [schema]",
      ]
    `);
    expect(check('content/sessions/2020-2021/x.yaml', valid.replace('2020-07-03T12:30', '2020-06-27T12:30'))).toMatchInlineSnapshot(`
      [
        "content/sessions/2020-2021/x.yaml:5:1  error  end (2020-06-27T12:30) must come after start (2020-06-28T14:00) (local end date and time, for sessions over several days (give end or durationMinutes), for example 2020-07-03T12:30)  [schema]",
      ]
    `);
  });
  it('asks for an end or a duration once the start is known, and refuses a 12-hour clock', () => {
    expect(check('content/sessions/2020-2021/x.yaml', 'kind: call\ntitle: Call\nstart: 2020-09-08T9:00am\ntimeZone: America/New_York\n')).toMatchInlineSnapshot(`
      [
        "content/sessions/2020-2021/x.yaml:3:1  error  start: a date and time must be written YYYY-MM-DDTHH:MM (24-hour clock, no time zone), for example 2020-06-28T14:00; got "2020-09-08T9:00am"  [schema]",
        "content/sessions/2020-2021/x.yaml:3:1  error  start: a dated session needs end (YYYY-MM-DDTHH:MM) or durationMinutes (for example 180)  [schema]",
      ]
    `);
  });
});

describe('faculty, module, site, participant, program page, settings', () => {
  it('accepts valid files', () => {
    expect(check('content/faculty/julie-diaz.md', '---\nname: Julie Diaz\nrole: coordinator\naffiliation: Center for Systems Awareness\n---\n')).toEqual([]);
    expect(check('content/modules/systems-awareness.md', '---\nnumber: 1\ntitle: Systems Awareness\nsummary: The first workshop.\n---\nText.\n')).toEqual([]);
    expect(check('content/sites/riverside-hub.yaml', 'name: Riverside Hub\nkind: hub\ncountry: Denmark\n')).toEqual([]);
    expect(check('content/participants/maria-lopez.yaml', 'name: Maria López\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: maria-lopez\n')).toEqual([]);
    expect(check('content/program/overview.md', '---\ntitle: Overview\ndescription: Why the program exists.\n---\nText.\n')).toEqual([]);
  });
  it('refuses a role outside the list, with the list and the closest value', () => {
    expect(check('content/faculty/julie-diaz.md', '---\nname: Julie Diaz\nrole: co-ordinator\naffiliation: Center\n---\n')).toMatchInlineSnapshot(`
      [
        "content/faculty/julie-diaz.md:3:1  error  role must be one of facilitator, contemplative, coordinator, guest; got "co-ordinator"; did you mean coordinator?  [schema]",
      ]
    `);
  });
  it('accepts a participant enrolled before they have a git handle, and refuses consent written as yes', () => {
    expect(check('content/participants/maria-lopez.yaml', 'name: Maria López\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\npublicProfile: yes\n')).toMatchInlineSnapshot(`
      [
        "content/participants/maria-lopez.yaml:5:1  error  publicProfile should be true or false, not the text "yes" (true only if the participant agreed to a public profile; without it nothing of theirs is public (default false), for example false)  [schema]",
      ]
    `);
  });
  it('refuses settings without a site address', () => {
    expect(check('content/settings.yaml', 'title: T\ndescription: D\nrepository: { url: https://github.com/o/r }\n')).toMatchInlineSnapshot(`
      [
        "content/settings.yaml:1:1  error  site is missing: public address of the site, without the sub-path (the SITE_URL environment variable overrides it). Add a line such as site: https://your-org.github.io  [schema]",
      ]
    `);
  });
});
