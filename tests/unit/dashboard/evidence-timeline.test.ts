/** A participant's year month by month: entries per type, sessions attended or missed, months still to come. */
import { describe, expect, it } from 'vitest';
import { evidenceTimeline, type TimelineInput } from '../../../src/lib/evidence-timeline.ts';
import { wallTimeToInstant } from '../../../src/lib/time.ts';

const NY = 'America/New_York';
const session = (id: string, kind: 'workshop' | 'call', start: string, timeZone = NY) => {
  const s = wallTimeToInstant(start, timeZone);
  return { id, kind, title: id, start: s, end: new Date(s.getTime() + 3 * 3600_000), timeZone };
};

function input(over: Partial<TimelineInput> = {}): TimelineInput {
  return {
    cohort: { start: '2026-09-01', end: '2027-02-28' },
    entries: [
      { type: 'reflection', date: '2026-09-02' },
      { type: 'reflection', date: '2026-09-30' },
      { type: 'buddy-checkin', date: '2026-11-01' },
      { type: 'coaching', date: '2026-08-31' },
      { type: 'coaching', date: '2026-12-01' },
    ],
    sessions: [
      session('c/workshop-1', 'workshop', '2026-09-05T09:00'),
      session('c/call-1', 'call', '2026-10-08T09:00'),
      // 21:00 in Los Angeles on 31 October is 1 November in New York and UTC: it belongs to October
      session('c/call-2', 'call', '2026-10-31T21:00', 'America/Los_Angeles'),
      session('c/call-3', 'call', '2026-11-12T09:00'),
      session('c/call-4', 'call', '2026-11-26T09:00'),
    ],
    attendance: new Map([
      ['c/workshop-1', { present: ['ana'] }],
      ['c/call-1', { present: [], absent: [{ participant: 'ana', reason: 'travel' }] }],
      ['c/call-2', { present: ['ana'] }],
    ]),
    participant: 'ana',
    asOf: wallTimeToInstant('2026-11-20T12:00', NY),
    asOfDate: '2026-11-20',
    ...over,
  };
}

describe('evidence over the year', () => {
  const t = evidenceTimeline(input());
  const month = (m: string) => t.months.find((x) => x.month === m);

  it('has a column for every month of the year, with months after the evaluation date not yet due', () => {
    expect(t.months.map((m) => [m.month, m.short, m.due])).toEqual([
      ['2026-09', 'Sep', true],
      ['2026-10', 'Oct', true],
      ['2026-11', 'Nov', true],
      ['2026-12', 'Dec', false],
      ['2027-01', 'Jan', false],
      ['2027-02', 'Feb', false],
    ]);
  });

  it('counts entries per type in their month, leaving out those before the year and after the evaluation date', () => {
    expect(month('2026-09')).toMatchObject({ total: 2, entries: { reflection: 2, coaching: 0 } });
    expect(month('2026-10')?.total).toBe(0);
    expect(month('2026-11')?.entries['buddy-checkin']).toBe(1);
    expect(month('2026-12')?.total).toBe(0);
  });

  it('places each session held so far in the month of its own date, attended, missed, or not recorded', () => {
    expect(month('2026-09')?.sessions.map((s) => [s.id, s.attended])).toEqual([['c/workshop-1', 'present']]);
    expect(month('2026-10')?.sessions.map((s) => [s.id, s.attended, s.reason])).toEqual([
      ['c/call-1', 'absent', 'travel'],
      ['c/call-2', 'present', undefined],
    ]);
    // call 3 is over but nobody recorded it; call 4 is still to come
    expect(month('2026-11')?.sessions.map((s) => [s.id, s.attended])).toEqual([['c/call-3', 'unrecorded']]);
  });

  it('says every month in words for the chart’s accessible description', () => {
    expect(t.description).toBe(
      'September 2026: 2 entries (reflection: 2); c/workshop-1 attended. October 2026: no entries; c/call-1 missed (travel); c/call-2 attended. ' +
        'November 2026: 1 entry (buddy check-in: 1); c/call-3 attendance not recorded. December 2026: not yet due. January 2027: not yet due. February 2027: not yet due.',
    );
  });

  it('starts at the participant’s joining date when they joined late, leaving out the sessions before it', () => {
    const late = evidenceTimeline(input({ joined: '2026-10-15' }));
    expect(late.months[0]?.month).toBe('2026-10');
    expect(late.months.flatMap((m) => m.sessions.map((s) => s.id))).toEqual(['c/call-2', 'c/call-3']);
  });

  it('runs to the evaluation date while the cohort’s end is not announced, and is empty before its start is', () => {
    expect(evidenceTimeline(input({ cohort: { start: '2026-09-01', end: 'tba' } })).months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(evidenceTimeline(input({ cohort: { start: 'tba', end: 'tba' } })).months).toEqual([]);
  });
});
