/**
 * Opening the next yearly cycle from the previous one. Small and pure, so the cycle form uses it
 * as soon as a previous cycle is chosen.
 */

const YEAR = /\b(\d{4})\b/g;

/** Every year in a text moved on by one: "2020–2021 cycle" becomes "2021–2022 cycle". */
export function nextYears(text: string): string {
  return text.replace(YEAR, (y) => String(Number(y) + 1));
}

/** A date a year later (29 February becomes 28 February); 'tba' stays 'tba'. */
export function nextYearDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const year = Number(m[1]) + 1;
  const month = m[2] ?? '01';
  const last = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${year}-${month}-${String(day).padStart(2, '0')}`;
}

/**
 * The next cycle from the previous one: its id and title a year on, the dates a year later, the
 * cost, discounts, scholarships, contact and call pattern carried over for editing. Assistants are
 * not carried over: they are chosen again for each cycle.
 */
export function nextCycle(previous: { id: string; data: Record<string, unknown> }): { id: string; data: Record<string, unknown> } {
  const d = previous.data;
  const id = /\b\d{4}\b/.test(previous.id) ? nextYears(previous.id) : `${previous.id}-next`;
  const data: Record<string, unknown> = {
    title: typeof d['title'] === 'string' ? nextYears(d['title']) : id,
    start: typeof d['start'] === 'string' ? nextYearDate(d['start']) : 'tba',
    end: typeof d['end'] === 'string' ? nextYearDate(d['end']) : 'tba',
    applicationDeadline: typeof d['applicationDeadline'] === 'string' ? nextYearDate(d['applicationDeadline']) : undefined,
    deadlineTimeZone: d['deadlineTimeZone'],
    applicationContact: d['applicationContact'],
    cost: d['cost'],
    discounts: Array.isArray(d['discounts']) && d['discounts'].length ? d['discounts'] : undefined,
    scholarships: d['scholarships'],
    calls: d['calls'],
  };
  return { id, data };
}
