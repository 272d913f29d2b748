/**
 * A month calendar of the days a participant practised (pure). It shows days, not streaks: no
 * longest run, no ranking, no comparison with anyone else.
 */
import { monthLabel } from './coverage.ts';

export interface CalendarMonth {
  /** YYYY-MM */
  month: string;
  label: string;
  /** Weeks of 7 cells, Monday first; null outside the month. */
  weeks: ({ date: string; day: number; practised: boolean } | null)[][];
  practisedDays: number;
}

export function practiceCalendar(days: Iterable<string>): CalendarMonth[] {
  const practised = new Set(days);
  const months = [...new Set([...practised].map((d) => d.slice(0, 7)))].sort();
  return months.map((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1, 1));
    const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const offset = (first.getUTCDay() + 6) % 7;
    const cells: ({ date: string; day: number; practised: boolean } | null)[] = Array.from({ length: offset }, () => null);
    for (let day = 1; day <= length; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      cells.push({ date, day, practised: practised.has(date) });
    }
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    return { month, label: monthLabel(month), weeks, practisedDays: [...practised].filter((d) => d.startsWith(month)).length };
  });
}
