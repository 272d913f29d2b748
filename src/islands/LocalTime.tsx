/**
 * Adds the visitor's own local time next to a time shown in the event's zone. Renders nothing
 * on the server (the event-zone time is already in the page) and fills in after hydration, so
 * the page reads the same without JavaScript.
 */
import { useEffect, useState } from 'react';
import { describeLocal } from './local-time-format.ts';

interface Props {
  /** Start instant, ISO 8601 in UTC. */
  start: string;
  /** End instant, ISO 8601 in UTC. */
  end: string;
  /** The event's own zone; when the visitor is in it, nothing is added. */
  eventZone: string;
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
