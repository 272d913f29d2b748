/**
 * Adds the visitor's own local time next to a time shown in the event's zone. Renders nothing
 * on the server (the event-zone time is already in the page) and fills in after hydration, so
 * the page reads the same without JavaScript.
 */
import { useEffect, useState } from 'react';

interface Props {
  /** Start instant, ISO 8601 in UTC. */
  start: string;
  /** End instant, ISO 8601 in UTC. */
  end: string;
  /** The event's own zone; when the visitor is in it, nothing is added. */
  eventZone: string;
}

function format(date: Date, zone: string | undefined, withDate: boolean): string {
  return new Intl.DateTimeFormat(undefined, {
    ...(withDate ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    ...(zone ? { timeZone: zone } : {}),
    timeZoneName: 'short',
  }).format(date);
}

export function describeLocal(start: Date, end: Date, visitorZone: string): string {
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone: visitorZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start) ===
    new Intl.DateTimeFormat('en-CA', { timeZone: visitorZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(end);
  const from = format(start, visitorZone, true);
  const to = format(end, visitorZone, !sameDay);
  return `${from} – ${to}`;
}

export default function LocalTime({ start, end, eventZone }: Props) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === eventZone) return;
    setText(`${describeLocal(new Date(start), new Date(end), zone)} (${zone.replace(/_/g, ' ')})`);
  }, [start, end, eventZone]);
  if (!text) return null;
  return (
    <span className="local-time" data-testid="local-time">
      In your time zone: {text}
    </span>
  );
}
