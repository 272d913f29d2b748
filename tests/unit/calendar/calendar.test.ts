import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, sessionSequence, webcalUrl, type CalendarEvent } from '../../../src/lib/calendar.ts';

const EDITED_AT = new Date('2020-05-01T12:34:56.789Z');

function workshop(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: '2020-2021/module-1-workshop@certification.example.org',
    start: '2020-06-28T14:00',
    end: '2020-07-03T12:30',
    timeZone: 'America/New_York',
    summary: 'Module 1 workshop: Systems Awareness',
    description: 'Five days at MIT. Bring the iceberg handout; read it first.',
    location: 'MIT, Cambridge, Massachusetts, United States',
    url: 'https://certification.example.org/sessions/2020-2021/module-1-workshop/',
    sequence: sessionSequence(EDITED_AT),
    lastModified: EDITED_AT,
    ...overrides,
  };
}

/** Parse with a real iCalendar parser, which resolves TZID against the VTIMEZONEs in the file. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
  const zones = calendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
  return { calendar, events, zones };
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function build(events: CalendarEvent[]): string {
  return buildCalendar({ name: 'Compassionate Systems certification 2020–2021', url: 'https://certification.example.org/calendar.ics', events });
}

describe('buildCalendar', () => {
  it('writes a New York workshop that a calendar app reads at 14:00 EDT', () => {
    const { calendar, events, zones } = parse(build([workshop()]));
    expect(zones).toEqual(['America/New_York']);
    const { component, event } = only(events);
    const dtstart = component.getFirstProperty('dtstart');
    expect(dtstart?.getParameter('tzid')).toBe('America/New_York');
    expect(event.startDate.toString()).toBe('2020-06-28T14:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2020-06-28T18:00:00.000Z');
    expect(event.endDate.toString()).toBe('2020-07-03T12:30:00');
    expect(event.endDate.toJSDate().toISOString()).toBe('2020-07-03T16:30:00.000Z');
    expect(event.uid).toBe('2020-2021/module-1-workshop@certification.example.org');
    expect(event.sequence).toBe(sessionSequence(EDITED_AT));
    expect(event.summary).toBe('Module 1 workshop: Systems Awareness');
    expect(event.location).toBe('MIT, Cambridge, Massachusetts, United States');
    expect(event.description).toBe('Five days at MIT. Bring the iceberg handout; read it first.');
    expect(String(component.getFirstPropertyValue('dtstamp'))).toBe('2020-05-01T12:34:56Z');
    expect(String(component.getFirstPropertyValue('last-modified'))).toBe('2020-05-01T12:34:56Z');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Compassionate Systems certification 2020–2021');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Compassionate Systems Certification//Session calendar//EN');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBeNull();
  });

  it('is RFC 5545 text: CRLF after every line and lines folded to 75 octets', () => {
    const text = build([workshop({ description: 'A long description of the pre-work. '.repeat(10) })]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((line) => line.includes('\n') || line.includes('\r'))).toEqual([]);
    expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(only(parse(text).events).event.description).toBe('A long description of the pre-work. '.repeat(10));
  });

  it('adds one VTIMEZONE per zone used and keeps each call at 09:00 local across the autumn change', () => {
    const calls = [
      workshop({ uid: 'c/oct@x', start: '2026-10-13T09:00', end: '2026-10-13T12:00' }),
      workshop({ uid: 'c/nov@x', start: '2026-11-10T09:00', end: '2026-11-10T12:00' }),
      workshop({ uid: 'c/cph@x', start: '2026-11-10T09:00', end: '2026-11-10T12:00', timeZone: 'Europe/Copenhagen' }),
    ];
    const { events, zones } = parse(build(calls));
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Copenhagen']);
    const instants = Object.fromEntries(events.map(({ event }) => [event.uid, event.startDate.toJSDate().toISOString()]));
    expect(instants).toEqual({
      'c/oct@x': '2026-10-13T13:00:00.000Z',
      'c/nov@x': '2026-11-10T14:00:00.000Z',
      'c/cph@x': '2026-11-10T08:00:00.000Z',
    });
  });

  it('writes a start in the spring-forward gap at the instant the site shows (03:30 EDT)', () => {
    const { event } = only(parse(build([workshop({ start: '2026-03-08T02:30', end: '2026-03-08T05:00' })])).events);
    expect(event.startDate.toString()).toBe('2026-03-08T03:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('writes UTC times where the bundled VTIMEZONE is out of date (Brazil dropped summer time in 2019)', () => {
    const text = build([workshop({ start: '2027-01-10T09:00', end: '2027-01-10T12:00', timeZone: 'America/Sao_Paulo' })]);
    const { events, zones } = parse(text);
    expect(zones).toEqual([]);
    expect(text).toContain('DTSTART:20270110T120000Z');
    expect(only(events).event.startDate.toJSDate().toISOString()).toBe('2027-01-10T12:00:00.000Z'); // 09:00 at UTC−3
  });

  it('gives an edited session a higher SEQUENCE under the same UID', () => {
    const before = only(parse(build([workshop()])).events).event;
    const editedAt = new Date('2020-06-02T08:00:00Z');
    const after = only(parse(build([workshop({ location: 'Online', sequence: sessionSequence(editedAt), lastModified: editedAt })])).events).event;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('is the same text on every build of the same content', () => {
    expect(build([workshop()])).toBe(build([workshop()]));
  });

  it('keeps a calendar name with commas and line breaks on its own line', () => {
    const text = buildCalendar({ name: 'Cohort, 2020\nBEGIN:VEVENT', events: [workshop()] });
    expect(parse(text).events).toHaveLength(1);
    expect(text).toContain('X-WR-CALNAME:Cohort\\, 2020\\nBEGIN:VEVENT\r\n');
  });

  it('refuses events it could not write correctly', () => {
    expect(() => build([workshop({ uid: 'a\r\nb' })])).toThrowErrorMatchingInlineSnapshot(
      `[Error: the uid of the calendar event "Module 1 workshop: Systems Awareness" must be one word with no spaces or line breaks; got "a\\r\\nb"]`,
    );
    expect(() => build([workshop({ end: '2020-06-28T13:00' })])).toThrowErrorMatchingInlineSnapshot(
      `[Error: the calendar event 2020-2021/module-1-workshop@certification.example.org ends (2020-06-28T13:00) before it starts (2020-06-28T14:00)]`,
    );
    expect(() => build([workshop({ sequence: -1 })])).toThrowErrorMatchingInlineSnapshot(
      `[Error: the calendar event 2020-2021/module-1-workshop@certification.example.org has sequence -1; expected a whole number 0 or more]`,
    );
  });
});

describe('sessionSequence', () => {
  it('counts whole minutes since 2020-01-01T00:00Z', () => {
    expect(sessionSequence(new Date('2020-01-01T00:00:00Z'))).toBe(0);
    expect(sessionSequence(new Date('2020-01-01T00:01:59Z'))).toBe(1);
    expect(sessionSequence(new Date('2020-01-02T00:00:00Z'))).toBe(1440);
    expect(sessionSequence(new Date('2019-06-01T00:00:00Z'))).toBe(0);
  });

  it('grows with each later edit and stays an iCalendar INTEGER', () => {
    expect(sessionSequence(new Date('2026-10-13T09:01:00Z'))).toBeGreaterThan(sessionSequence(new Date('2026-10-13T09:00:00Z')));
    expect(sessionSequence(new Date('2100-01-01T00:00:00Z'))).toBeLessThan(2 ** 31);
  });
});

describe('webcalUrl', () => {
  it('turns the https feed address into a subscription link', () => {
    expect(webcalUrl('https://certification.example.org/calendar.ics')).toBe('webcal://certification.example.org/calendar.ics');
  });

  it('refuses other addresses', () => {
    expect(() => webcalUrl('http://example.org/calendar.ics')).toThrowErrorMatchingInlineSnapshot(
      `[Error: a calendar feed address must start with https://; got "http://example.org/calendar.ics"]`,
    );
  });
});
