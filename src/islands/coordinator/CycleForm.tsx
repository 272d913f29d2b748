/**
 * Open a new cycle from the previous one: the dates a year on, the deadline, the cost, discounts,
 * scholarships and call pattern carried over, every field open for editing. Writes the new
 * cycle's file.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import { nextCycle } from '../../lib/coordinator/cycle.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

export interface CycleFormProps {
  /** Existing cycles, newest first, with their data as the schema gives it. */
  cohorts: { id: string; title: string; demo: boolean; data: Record<string, unknown> }[];
  zones: string[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

interface State {
  id: string;
  title: string;
  startTba: boolean;
  start: string;
  endTba: boolean;
  end: string;
  applicationDeadline: string;
  deadlineTimeZone: string;
  applicationContact: string;
  amount: string;
  currency: string;
  notIncluded: string;
  discounts: { who: string; percent: string }[];
  scholarships: string;
  calls: boolean;
  callTime: string;
  callZone: string;
  callMinutes: string;
  callPlatform: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function fromPrevious(previous: CycleFormProps['cohorts'][number] | undefined): State {
  const next = previous ? nextCycle(previous) : { id: '', data: {} as Record<string, unknown> };
  const d = next.data;
  const cost = obj(d['cost']);
  const calls = d['calls'] ? obj(d['calls']) : undefined;
  return {
    id: next.id,
    title: str(d['title']),
    startTba: str(d['start']) === 'tba',
    start: str(d['start']) === 'tba' ? '' : str(d['start']),
    endTba: str(d['end']) === 'tba',
    end: str(d['end']) === 'tba' ? '' : str(d['end']),
    applicationDeadline: str(d['applicationDeadline']),
    deadlineTimeZone: str(d['deadlineTimeZone']) || 'America/New_York',
    applicationContact: str(d['applicationContact']),
    amount: str(cost['amount']),
    currency: str(cost['currency']) || 'USD',
    notIncluded: Array.isArray(cost['notIncluded']) ? cost['notIncluded'].map(str).join(', ') : '',
    discounts: Array.isArray(d['discounts']) ? d['discounts'].map((x) => ({ who: str(obj(x)['who']), percent: str(obj(x)['percent']) })) : [],
    scholarships: str(d['scholarships']),
    calls: calls !== undefined,
    callTime: str(calls?.['time']) || '09:00',
    callZone: str(calls?.['timeZone']) || 'America/New_York',
    callMinutes: str(calls?.['durationMinutes']) || '180',
    callPlatform: str(calls?.['platform']) || 'Zoom',
  };
}

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
const number = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

export function toData(s: State): Record<string, unknown> {
  return {
    title: s.title.trim(),
    start: s.startTba ? 'tba' : s.start,
    end: s.endTba ? 'tba' : s.end,
    applicationDeadline: s.applicationDeadline,
    deadlineTimeZone: s.deadlineTimeZone,
    applicationContact: text(s.applicationContact),
    cost: {
      amount: number(s.amount),
      currency: s.currency.trim(),
      notIncluded: s.notIncluded.split(',').map((x) => x.trim()).filter(Boolean),
    },
    discounts: s.discounts.length ? s.discounts.map((d) => ({ who: d.who.trim(), percent: number(d.percent) })) : undefined,
    scholarships: text(s.scholarships),
    calls: s.calls ? { frequency: 'monthly', time: s.callTime, timeZone: s.callZone, durationMinutes: number(s.callMinutes), platform: s.callPlatform.trim() } : undefined,
  };
}

export default function CycleForm(props: CycleFormProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [from, setFrom] = useState(props.cohorts[0]?.id ?? '');
  const [state, setState] = useState<State>(() => fromPrevious(props.cohorts[0]));
  const set = <K extends keyof State>(key: K, value: State[K]) => setState((s) => ({ ...s, [key]: value }));
  const choose = (cohort: string) => {
    setFrom(cohort);
    setState(fromPrevious(props.cohorts.find((c) => c.id === cohort)));
  };
  useEffect(() => {
    const wanted = queryParam('from');
    if (wanted && props.cohorts.some((c) => c.id === wanted)) choose(wanted);
  }, []); // once, from the address the page was opened with

  const previous = props.cohorts.find((c) => c.id === from);
  const taken = props.cohorts.some((c) => c.id === state.id);
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  const data = toData(state);
  const files = useMemo(
    () => (checks ? [checks.writeNew('cohorts', state.id, previous?.demo ?? false, data, props.context)] : undefined),
    // data is a new object on every render: its text decides whether the file changes
    [checks, state.id, previous, JSON.stringify(data), props.context],
  );
  const extra: string[] = [];
  if (taken) extra.push(`there is already a cycle ${state.id}: give the new one another file name`);
  if (!state.startTba && !state.start) extra.push('give the first day of the cycle, or tick “to be announced”');
  if (!state.endTba && !state.end) extra.push('give the last day of the cycle, or tick “to be announced”');
  if (!state.applicationDeadline) extra.push('give the application deadline');

  const zoneOptions = (value: string) =>
    (props.zones.includes(value) ? props.zones : [value, ...props.zones]).map((z) => (
      <option key={z} value={z}>
        {z}
      </option>
    ));

  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={id('from')} label="Start from the cycle" help="Its dates move a year on; everything else is carried over for you to check.">
          <select id={id('from')} value={from} onChange={(e) => choose(e.target.value)} aria-describedby={`${id('from')}-help`}>
            {props.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>The new cycle</legend>
          <Field id={id('id')} label="File name" help="Lowercase letters, digits and hyphens, for example 2027-2028.">
            <input id={id('id')} value={state.id} onChange={(e) => set('id', e.target.value)} aria-describedby={`${id('id')}-help`} />
          </Field>
          <Field id={id('title')} label="Title">
            <input id={id('title')} value={state.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <Field id={id('start')} label="First day">
            <input id={id('start')} type="date" value={state.start} disabled={state.startTba} onChange={(e) => set('start', e.target.value)} />
          </Field>
          <label className="check">
            <input type="checkbox" checked={state.startTba} onChange={(e) => set('startTba', e.target.checked)} /> The first day is to be announced
          </label>
          <Field id={id('end')} label="Last day">
            <input id={id('end')} type="date" value={state.end} disabled={state.endTba} onChange={(e) => set('end', e.target.value)} />
          </Field>
          <label className="check">
            <input type="checkbox" checked={state.endTba} onChange={(e) => set('endTba', e.target.checked)} /> The last day is to be announced
          </label>
        </fieldset>
        <fieldset>
          <legend>Applications</legend>
          <Field id={id('deadline')} label="Application deadline" help="Applications close at the end of this day.">
            <input id={id('deadline')} type="date" value={state.applicationDeadline} onChange={(e) => set('applicationDeadline', e.target.value)} aria-describedby={`${id('deadline')}-help`} />
          </Field>
          <Field id={id('deadlineZone')} label="Time zone of the deadline">
            <select id={id('deadlineZone')} value={state.deadlineTimeZone} onChange={(e) => set('deadlineTimeZone', e.target.value)}>
              {zoneOptions(state.deadlineTimeZone)}
            </select>
          </Field>
          <Field id={id('contact')} label="Where to apply (optional)" help="A mailto: or https:// address; until it is set the apply page shows a marked placeholder.">
            <input id={id('contact')} value={state.applicationContact} onChange={(e) => set('applicationContact', e.target.value)} aria-describedby={`${id('contact')}-help`} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>Cost</legend>
          <Field id={id('amount')} label="Tuition, in whole units">
            <input id={id('amount')} type="number" min={1} value={state.amount} onChange={(e) => set('amount', e.target.value)} />
          </Field>
          <Field id={id('currency')} label="Currency" help="A three-letter code such as USD.">
            <input id={id('currency')} value={state.currency} onChange={(e) => set('currency', e.target.value)} aria-describedby={`${id('currency')}-help`} />
          </Field>
          <Field id={id('notIncluded')} label="Not included" help="Separated by commas, for example: travel, accommodation, meals.">
            <input id={id('notIncluded')} value={state.notIncluded} onChange={(e) => set('notIncluded', e.target.value)} aria-describedby={`${id('notIncluded')}-help`} />
          </Field>
          {state.discounts.map((d, i) => (
            <fieldset key={i}>
              <legend>Discount {i + 1}</legend>
              <Field id={id(`who-${i}`)} label="For">
                <input id={id(`who-${i}`)} value={d.who} onChange={(e) => set('discounts', state.discounts.map((x, j) => (j === i ? { ...x, who: e.target.value } : x)))} />
              </Field>
              <Field id={id(`percent-${i}`)} label="Percent off">
                <input
                  id={id(`percent-${i}`)}
                  type="number"
                  min={1}
                  max={100}
                  value={d.percent}
                  onChange={(e) => set('discounts', state.discounts.map((x, j) => (j === i ? { ...x, percent: e.target.value } : x)))}
                />
              </Field>
              <button type="button" className="button secondary" onClick={() => set('discounts', state.discounts.filter((_, j) => j !== i))}>
                Remove discount {i + 1}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" className="button secondary" onClick={() => set('discounts', [...state.discounts, { who: '', percent: '' }])}>
              Add a discount
            </button>
          </p>
          <Field id={id('scholarships')} label="Scholarships (optional)" help="One sentence.">
            <input id={id('scholarships')} value={state.scholarships} onChange={(e) => set('scholarships', e.target.value)} aria-describedby={`${id('scholarships')}-help`} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>Monthly calls</legend>
          <label className="check">
            <input type="checkbox" checked={state.calls} onChange={(e) => set('calls', e.target.checked)} /> Show the standing pattern of the calls until each is dated
          </label>
          {state.calls && (
            <>
              <Field id={id('callTime')} label="Start time of each call">
                <input id={id('callTime')} type="time" value={state.callTime} onChange={(e) => set('callTime', e.target.value)} />
              </Field>
              <Field id={id('callZone')} label="Time zone of the calls">
                <select id={id('callZone')} value={state.callZone} onChange={(e) => set('callZone', e.target.value)}>
                  {zoneOptions(state.callZone)}
                </select>
              </Field>
              <Field id={id('callMinutes')} label="Length of each call in minutes">
                <input id={id('callMinutes')} type="number" min={1} value={state.callMinutes} onChange={(e) => set('callMinutes', e.target.value)} />
              </Field>
              <Field id={id('callPlatform')} label="Video platform">
                <input id={id('callPlatform')} value={state.callPlatform} onChange={(e) => set('callPlatform', e.target.value)} />
              </Field>
            </>
          )}
        </fieldset>
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} extra={extra} />
    </div>
  );
}
