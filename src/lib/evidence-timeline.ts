/**
 * One participant's evidence over their year, month by month (pure): how many entries of each
 * type, and which workshops and calls were held and attended. The evidence page draws it, so a
 * month without entries or a missed call is seen at a glance.
 *
 * Months run from the later of the cohort's start and the participant's `joined` date to the
 * cohort's end; months after the evaluation date are "not yet due". A session counts once it is
 * over by the evaluation instant, in the month of its own calendar date (as coverage counts it).
 */
import { localDate, monthLabel, monthOf, monthsBetween } from './coverage.ts';
import { ENTRY_TYPES, ENTRY_TYPE_LABELS, type EntryType } from '../schemas/entry-types.ts';
import type { SessionKind } from '../schemas/session.ts';

export interface TimelineSessionInput {
  id: string;
  kind: SessionKind;
  title: string;
  start: Date | undefined;
  end?: Date | undefined;
  timeZone: string;
}

export interface TimelineInput {
  cohort: { start: string; end: string };
  joined?: string | undefined;
  entries: readonly { type: EntryType; date: string }[];
  /** The participant's cohort's sessions. */
  sessions: readonly TimelineSessionInput[];
  /** Attendance records of those sessions, by session id. */
  attendance: ReadonlyMap<string, { present: readonly string[]; absent?: readonly { participant: string; reason: string }[] | undefined }>;
  participant: string;
  asOf: Date;
  /** The evaluation date, YYYY-MM-DD (coverage's asOf). */
  asOfDate: string;
}

export type Attended = 'present' | 'absent' | 'unrecorded';

export interface TimelineSession {
  id: string;
  kind: SessionKind;
  title: string;
  date: string;
  attended: Attended;
  reason?: string | undefined;
}

export interface TimelineMonth {
  /** YYYY-MM. */
  month: string;
  /** "Jun". */
  short: string;
  /** "June 2026". */
  label: string;
  /** On or before the evaluation date's month. */
  due: boolean;
  entries: Record<EntryType, number>;
  total: number;
  sessions: TimelineSession[];
}

export interface EvidenceTimeline {
  months: TimelineMonth[];
  /** Entry types, in the program's order (every type, so every participant's chart has the same rows). */
  types: readonly EntryType[];
  /** Every month and session in words, for the chart's accessible description. */
  description: string;
}

const zero = (): Record<EntryType, number> => Object.fromEntries(ENTRY_TYPES.map((t) => [t, 0])) as Record<EntryType, number>;

export function evidenceTimeline(input: TimelineInput): EvidenceTimeline {
  const { start, end } = input.cohort;
  if (start === 'tba') return { months: [], types: ENTRY_TYPES, description: 'The cohort’s dates are not announced yet.' };
  const from = input.joined !== undefined && input.joined > start ? input.joined : start;
  const to = end !== 'tba' ? end : input.asOfDate > from ? input.asOfDate : from;
  const dueUntil = monthOf(input.asOfDate);
  const months = new Map<string, TimelineMonth>(
    monthsBetween(from, to).map((month) => {
      const label = monthLabel(month);
      return [month, { month, short: label.slice(0, 3), label, due: month <= dueUntil, entries: zero(), total: 0, sessions: [] }];
    }),
  );
  for (const e of input.entries) {
    const m = months.get(monthOf(e.date));
    if (!m || e.date > input.asOfDate || e.date < from) continue;
    m.entries[e.type]++;
    m.total++;
  }
  const asOf = input.asOf.getTime();
  const held = input.sessions
    .filter((s): s is TimelineSessionInput & { start: Date } => s.start !== undefined && (s.end ?? s.start).getTime() <= asOf)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const s of held) {
    const date = localDate(s.start, s.timeZone);
    const m = months.get(monthOf(date));
    if (!m || date < from) continue;
    const record = input.attendance.get(s.id);
    const absent = record?.absent?.find((a) => a.participant === input.participant);
    const attended: Attended = record?.present.includes(input.participant) ? 'present' : record ? 'absent' : 'unrecorded';
    m.sessions.push({ id: s.id, kind: s.kind, title: s.title, date, attended, reason: absent?.reason });
  }

  const list = [...months.values()];
  const words = list.map((m) => {
    if (!m.due) return `${m.label}: not yet due.`;
    const kinds = ENTRY_TYPES.filter((t) => m.entries[t] > 0).map((t) => `${ENTRY_TYPE_LABELS[t].toLowerCase()}: ${m.entries[t]}`);
    const sessions = m.sessions.map(
      (s) => `${s.title} ${s.attended === 'present' ? 'attended' : s.attended === 'absent' ? `missed${s.reason ? ` (${s.reason})` : ''}` : 'attendance not recorded'}`,
    );
    return `${m.label}: ${m.total === 0 ? 'no entries' : `${m.total} ${m.total === 1 ? 'entry' : 'entries'} (${kinds.join(', ')})`}${sessions.length ? `; ${sessions.join('; ')}` : ''}.`;
  });
  return { months: list, types: ENTRY_TYPES, description: words.join(' ') };
}
