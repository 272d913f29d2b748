import { describe, expect, it } from 'vitest';
import {
  endOfDayInZone,
  formatDate,
  formatDateRange,
  formatWhen,
  isOpen,
  sessionInterval,
  toIsoInstant,
  wallTimeToInstant,
  zoneAbbreviation,
} from '../../../src/lib/time.ts';

const NY = 'America/New_York';
const CPH = 'Europe/Copenhagen';

function utc(local: string, timeZone: string): string {
  return toIsoInstant(wallTimeToInstant(local, timeZone));
}

function interval(start: string, end: string, timeZone: string) {
  const i = sessionInterval({ start, end, timeZone });
  if (!i) throw new Error('expected a dated interval');
  return i;
}

describe('sessionInterval', () => {
  it('has no interval while the start is tba', () => {
    expect(sessionInterval({ start: 'tba', timeZone: NY })).toBeUndefined();
  });

  it('keeps a monthly 09:00 New York call at 09:00 local on both sides of the autumn change', () => {
    const october = sessionInterval({ start: '2026-10-13T09:00', durationMinutes: 180, timeZone: NY });
    const november = sessionInterval({ start: '2026-11-10T09:00', durationMinutes: 180, timeZone: NY });
    expect(october && [toIsoInstant(october.start), toIsoInstant(october.end)]).toEqual(['2026-10-13T13:00:00Z', '2026-10-13T16:00:00Z']);
    expect(november && [toIsoInstant(november.start), toIsoInstant(november.end)]).toEqual(['2026-11-10T14:00:00Z', '2026-11-10T17:00:00Z']);
  });

  it('follows Copenhagen summer and winter time, whose change falls on another date than New York’s', () => {
    expect(utc('2026-10-13T09:00', CPH)).toBe('2026-10-13T07:00:00Z');
    expect(utc('2026-10-30T09:00', CPH)).toBe('2026-10-30T08:00:00Z'); // CET since 25 October
    expect(utc('2026-10-30T09:00', NY)).toBe('2026-10-30T13:00:00Z'); // New York still on EDT
  });

  it('reads a multi-day workshop end in local time even when the offset changed in between', () => {
    const i = interval('2026-10-31T14:00', '2026-11-01T12:00', NY);
    expect([toIsoInstant(i.start), toIsoInstant(i.end)]).toEqual(['2026-10-31T18:00:00Z', '2026-11-01T17:00:00Z']);
  });

  it('counts durationMinutes as elapsed time across a change', () => {
    const i = sessionInterval({ start: '2026-11-01T00:00', durationMinutes: 180, timeZone: NY });
    expect(i && toIsoInstant(i.end)).toBe('2026-11-01T07:00:00Z'); // 02:00 EST, three real hours later
  });

  it('moves a wall time in the spring-forward gap forward by the gap', () => {
    expect(utc('2026-03-08T02:30', NY)).toBe('2026-03-08T07:30:00Z'); // 03:30 EDT
    expect(utc('2026-03-29T02:30', CPH)).toBe('2026-03-29T01:30:00Z'); // 03:30 CEST
  });

  it('takes the earlier instant for a wall time that happens twice', () => {
    expect(utc('2026-11-01T01:30', NY)).toBe('2026-11-01T05:30:00Z'); // 01:30 EDT, not EST
    expect(utc('2026-10-25T02:30', CPH)).toBe('2026-10-25T00:30:00Z'); // 02:30 CEST, not CET
    expect(utc('2026-04-05T02:30', 'Australia/Sydney')).toBe('2026-04-04T15:30:00Z'); // AEDT
  });

  it('explains missing or malformed times', () => {
    expect(() => sessionInterval({ start: '2026-10-13T09:00', timeZone: NY })).toThrowErrorMatchingInlineSnapshot(
      `[Error: the session starting 2026-10-13T09:00 needs end (YYYY-MM-DDTHH:MM) or durationMinutes]`,
    );
    expect(() => wallTimeToInstant('2026-02-30T09:00', NY)).toThrowErrorMatchingInlineSnapshot(
      `[Error: "2026-02-30T09:00" is not a date and time written YYYY-MM-DDTHH:MM, for example 2020-06-28T14:00]`,
    );
    expect(() => wallTimeToInstant('2026-10-13T09:00', 'EST5EDT/Nowhere')).toThrowErrorMatchingInlineSnapshot(
      `[Error: "EST5EDT/Nowhere" is not an IANA time zone name; write one like America/New_York]`,
    );
  });
});

describe('formatWhen', () => {
  it('writes a multi-day workshop in its own zone', () => {
    expect(formatWhen(interval('2020-06-28T14:00', '2020-07-03T12:30', NY), NY)).toBe(
      'Sunday 28 June 2020, 14:00 – Friday 3 July 2020, 12:30 (EDT, America/New_York)',
    );
  });

  it('writes a same-day call with one date', () => {
    const call = sessionInterval({ start: '2026-10-13T09:00', durationMinutes: 180, timeZone: NY });
    expect(call && formatWhen(call, NY)).toBe('Tuesday 13 October 2026, 09:00–12:00 (EDT, America/New_York)');
  });

  it('names EST after the change, not EDT', () => {
    const call = sessionInterval({ start: '2026-11-10T09:00', durationMinutes: 180, timeZone: NY });
    expect(call && formatWhen(call, NY)).toBe('Tuesday 10 November 2026, 09:00–12:00 (EST, America/New_York)');
  });

  it('shows the session in its zone whatever zone the instants are read in', () => {
    const i = interval('2026-10-13T09:00', '2026-10-13T12:00', CPH);
    expect(formatWhen(i, CPH)).toBe('Tuesday 13 October 2026, 09:00–12:00 (CEST, Europe/Copenhagen)');
    expect(formatWhen(interval('2026-11-10T09:00', '2026-11-10T12:00', CPH), CPH)).toBe(
      'Tuesday 10 November 2026, 09:00–12:00 (CET, Europe/Copenhagen)',
    );
  });

  it('marks each time when the offset changes during the session', () => {
    expect(formatWhen(interval('2026-10-31T14:00', '2026-11-01T12:00', NY), NY)).toBe(
      'Saturday 31 October 2026, 14:00 EDT – Sunday 1 November 2026, 12:00 EST (America/New_York)',
    );
  });

  it('can leave the zone out', () => {
    expect(formatWhen(interval('2026-10-13T09:00', '2026-10-13T12:00', NY), NY, { showZone: false })).toBe(
      'Tuesday 13 October 2026, 09:00–12:00',
    );
  });

  it('falls back to a GMT offset where English has no abbreviation', () => {
    expect(zoneAbbreviation(new Date('2026-10-13T04:00:00Z'), 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(zoneAbbreviation(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('BST');
  });
});

describe('formatDate and formatDateRange', () => {
  it('writes day, month name, year', () => {
    expect(formatDate('2020-05-01')).toBe('1 May 2020');
    expect(formatDate('2020-06-28')).toBe('28 June 2020');
  });

  it('does not repeat what two dates share', () => {
    expect(formatDateRange('2020-06-28', '2020-06-30')).toBe('28–30 June 2020');
    expect(formatDateRange('2020-06-28', '2020-07-03')).toBe('28 June – 3 July 2020');
    expect(formatDateRange('2020-06-28', '2021-06-30')).toBe('28 June 2020 – 30 June 2021');
    expect(formatDateRange('2020-05-01', '2020-05-01')).toBe('1 May 2020');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => formatDate('1 May 2020')).toThrowErrorMatchingInlineSnapshot(
      `[Error: "1 May 2020" is not a date written YYYY-MM-DD, for example 2020-05-01]`,
    );
  });
});

describe('application deadline', () => {
  it('ends at 23:59:59.999 of the deadline day in its zone', () => {
    expect(endOfDayInZone('2020-05-01', NY).toISOString()).toBe('2020-05-02T03:59:59.999Z');
    expect(endOfDayInZone('2020-05-01', CPH).toISOString()).toBe('2020-05-01T21:59:59.999Z');
    // the day the clocks go back has 25 hours; the deadline ends at EST midnight
    expect(endOfDayInZone('2026-11-01', NY).toISOString()).toBe('2026-11-02T04:59:59.999Z');
  });

  it('is open until the last millisecond of the day there and closed one millisecond later', () => {
    const end = endOfDayInZone('2020-05-01', NY).getTime();
    expect(isOpen('2020-05-01', NY, new Date(end - 1))).toBe(true);
    expect(isOpen('2020-05-01', NY, new Date(end))).toBe(true);
    expect(isOpen('2020-05-01', NY, new Date(end + 1))).toBe(false);
  });

  it('is still open in New York after the day has ended in UTC', () => {
    expect(isOpen('2020-05-01', NY, new Date('2020-05-02T02:00:00Z'))).toBe(true); // 22:00 EDT on 1 May
    expect(isOpen('2020-05-01', CPH, new Date('2020-05-02T02:00:00Z'))).toBe(false); // 04:00 on 2 May
  });

  it('is open at any time before the deadline day', () => {
    expect(isOpen('2020-05-01', NY, new Date('2019-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('toIsoInstant', () => {
  it('writes UTC, with milliseconds only when there are some', () => {
    expect(toIsoInstant(new Date(Date.UTC(2020, 5, 28, 18)))).toBe('2020-06-28T18:00:00Z');
    expect(toIsoInstant(new Date(Date.UTC(2020, 5, 28, 18, 0, 0, 5)))).toBe('2020-06-28T18:00:00.005Z');
  });
});
