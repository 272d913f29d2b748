/**
 * The next virtual call and this month's resources, decided in the visitor's browser from the
 * dated sessions, so a cohort home built last week still shows the right call. The server
 * renders the same view for the build's date; the browser then re-decides with its own clock.
 * `now` lets tests fix the clock; browser tests can also set it with the page clock.
 */
import { useEffect, useState } from 'react';
import { describeLocal } from './local-time-format.ts';
import { DemoBadge } from './DemoBadge.tsx';

export interface CallInfo {
  id: string;
  title: string;
  /** A session of the fictional demo cohort. */
  demo?: boolean | undefined;
  theme?: string | undefined;
  /** The pre-work, already rendered and sanitised at build time (src/lib/markdown-text.ts). */
  preworkHtml?: string | undefined;
  /** ISO instants. */
  start: string;
  end: string;
  timeZone: string;
  /** The time as written in the event's zone, e.g. "Tuesday 8 December 2026, 09:00–12:00 (EST, America/New_York)". */
  when: string;
  href: string;
  meetingUrl?: string | undefined;
  resources: { title: string; href: string }[];
}

export interface MonthResource {
  title: string;
  href: string;
  kind: string;
  /** YYYY-MM */
  month: string;
}

interface Props {
  calls: CallInfo[];
  resources: MonthResource[];
  /** The build's date, ISO: the server-rendered view uses it. */
  builtAt: string;
  /** A fixed clock for tests, ISO. */
  now?: string | undefined;
}

export function pickNextCall(calls: readonly CallInfo[], now: Date): CallInfo | undefined {
  return calls.filter((c) => Date.parse(c.end) > now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}

export function monthKey(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

function localText(call: CallInfo): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === call.timeZone) return undefined;
  return `${describeLocal(new Date(call.start), new Date(call.end), zone)} (${zone.replace(/_/g, ' ')})`;
}

export default function NextCall({ calls, resources, builtAt, now }: Props) {
  const [clock, setClock] = useState<Date>(new Date(now ?? builtAt));
  const [local, setLocal] = useState<string | undefined>(undefined);
  useEffect(() => {
    setClock(now ? new Date(now) : new Date());
  }, [now]);
  const next = pickNextCall(calls, clock);
  useEffect(() => {
    setLocal(next ? localText(next) : undefined);
  }, [next]);
  const month = monthKey(clock, calls[0]?.timeZone ?? 'America/New_York');
  const thisMonth = resources.filter((r) => r.month === month);

  return (
    <div className="cohort-now" data-testid="cohort-now">
      <section aria-labelledby="next-call-heading" className="card">
        <h2 id="next-call-heading">Next call</h2>
        {next ? (
          <div data-testid="next-call" data-call={next.id}>
            <p>
              <a href={next.href}>{next.title}</a>
              {next.demo && <> <DemoBadge /></>}
            </p>
            {next.theme && (
              <p>
                <strong>Theme:</strong> {next.theme}
              </p>
            )}
            <p>
              <time dateTime={next.start}>{next.when}</time>
              {local && (
                <span className="local-time" data-testid="next-call-local">
                  In your time zone: {local}
                </span>
              )}
            </p>
            {next.preworkHtml && (
              <div className="prework">
                <p>
                  <strong>Pre-work:</strong>
                </p>
                <div dangerouslySetInnerHTML={{ __html: next.preworkHtml }} />
              </div>
            )}
            {next.resources.length > 0 && (
              <ul>
                {next.resources.map((r) => (
                  <li key={r.href}>
                    <a href={r.href}>{r.title}</a>
                  </li>
                ))}
              </ul>
            )}
            {next.meetingUrl && (
              <p>
                <a href={next.meetingUrl}>Join the call</a>
              </p>
            )}
          </div>
        ) : (
          <p>No call is scheduled yet. Dates appear here as soon as they are announced.</p>
        )}
      </section>
      <section aria-labelledby="month-resources-heading" className="card">
        <h2 id="month-resources-heading">This month’s resources</h2>
        {thisMonth.length ? (
          <ul data-testid="month-resources">
            {thisMonth.map((r) => (
              <li key={r.href}>
                <a href={r.href}>{r.title}</a> <span className="muted small">({r.kind})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing is featured this month; all resources are on the resources page.</p>
        )}
      </section>
    </div>
  );
}
