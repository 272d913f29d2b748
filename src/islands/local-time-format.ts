/** A time range in the visitor's own zone, in their own locale's words (used by the time islands). */

function format(date: Date, zone: string | undefined, withDate: boolean): string {
  return new Intl.DateTimeFormat(undefined, {
    ...(withDate ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    ...(zone ? { timeZone: zone } : {}),
    timeZoneName: 'short',
  }).format(date);
}

/** "Tuesday 8 December 2026, 15:00 – 18:00 CET"; the end's date only when it is another day. */
export function describeLocal(start: Date, end: Date, visitorZone: string): string {
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone: visitorZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start) ===
    new Intl.DateTimeFormat('en-CA', { timeZone: visitorZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(end);
  const from = format(start, visitorZone, true);
  const to = format(end, visitorZone, !sameDay);
  return `${from} – ${to}`;
}

