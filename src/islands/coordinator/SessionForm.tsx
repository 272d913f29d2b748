/**
 * Add or edit a session: a face-to-face workshop or a monthly call, with its local start time and
 * IANA zone (or "to be announced"), its length, its place or platform, theme, pre-work, resources
 * and speakers. A new session is a new file; an announced or changed one is its file, changed in
 * place.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import type { Session } from '../../schemas/session.ts';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

/** A session file's data, as its schema gives it (a type only: the schema is not bundled). */
export type SessionData = Session;

export interface SessionFormProps {
  cohorts: { id: string; title: string; demo: boolean; calls?: { time: string; timeZone: string; durationMinutes: number; platform: string } | undefined }[];
  modules: { id: string; number: number; title: string }[];
  faculty: { id: string; name: string }[];
  resources: { id: string; title: string }[];
  sessions: { id: string; cohort: string; title: string; demo: boolean; file: string; text: string; data: SessionData }[];
  /** IANA zone names to choose from. */
  zones: string[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

interface State {
  cohort: string;
  slug: string;
  kind: 'workshop' | 'call';
  title: string;
  module: string;
  announced: boolean;
  date: string;
  time: string;
  timeZone: string;
  lengthBy: 'minutes' | 'end';
  minutes: string;
  endDate: string;
  endTime: string;
  placeTba: boolean;
  place: { name: string; city: string; region: string; country: string };
  platform: string;
  meetingUrl: string;
  theme: string;
  prework: string;
  resources: string[];
  speakers: string[];
}

const DEFAULT_ZONE = 'America/New_York';

export function fromSession(id: string, d: SessionData): State {
  const [cohort = '', slug = ''] = id.split('/');
  const place = d.location && d.location !== 'tba' ? d.location : undefined;
  return {
    cohort,
    slug,
    kind: d.kind,
    title: d.title,
    module: d.module ?? '',
    announced: d.start !== 'tba',
    date: d.start === 'tba' ? '' : d.start.slice(0, 10),
    time: d.start === 'tba' ? '' : d.start.slice(11, 16),
    timeZone: d.timeZone,
    lengthBy: d.end ? 'end' : 'minutes',
    minutes: d.durationMinutes !== undefined ? String(d.durationMinutes) : '',
    endDate: d.end?.slice(0, 10) ?? '',
    endTime: d.end?.slice(11, 16) ?? '',
    placeTba: d.location === 'tba',
    place: { name: place?.name ?? '', city: place?.city ?? '', region: place?.region ?? '', country: place?.country ?? '' },
    platform: d.platform ?? '',
    meetingUrl: d.meetingUrl ?? '',
    theme: d.theme ?? '',
    prework: d.prework ?? '',
    resources: [...d.resources],
    speakers: [...d.speakers],
  };
}

function blank(cohort: SessionFormProps['cohorts'][number] | undefined): State {
  return {
    cohort: cohort?.id ?? '',
    slug: '',
    kind: 'call',
    title: '',
    module: '',
    announced: true,
    date: '',
    time: cohort?.calls?.time ?? '09:00',
    timeZone: cohort?.calls?.timeZone ?? DEFAULT_ZONE,
    lengthBy: 'minutes',
    minutes: cohort?.calls ? String(cohort.calls.durationMinutes) : '180',
    endDate: '',
    endTime: '',
    placeTba: false,
    place: { name: '', city: '', region: '', country: '' },
    platform: cohort?.calls?.platform ?? '',
    meetingUrl: '',
    theme: '',
    prework: '',
    resources: [],
    speakers: [],
  };
}

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
const list = (v: string[]) => (v.length === 0 ? undefined : v);

/** The file's data from the form; undefined leaves a field out (or removes it from an existing file). */
export function toData(s: State): Record<string, unknown> {
  const minutes = Number(s.minutes);
  return {
    kind: s.kind,
    title: s.title.trim(),
    module: text(s.module),
    start: s.announced ? `${s.date}T${s.time}` : 'tba',
    end: s.announced && s.lengthBy === 'end' ? `${s.endDate}T${s.endTime}` : undefined,
    durationMinutes: s.announced && s.lengthBy === 'minutes' && s.minutes.trim() !== '' ? (Number.isFinite(minutes) ? minutes : s.minutes) : undefined,
    timeZone: s.timeZone,
    location:
      s.kind === 'workshop'
        ? s.placeTba
          ? 'tba'
          : { name: text(s.place.name), city: text(s.place.city), region: text(s.place.region), country: s.place.country.trim() }
        : undefined,
    platform: s.kind === 'call' ? text(s.platform) : undefined,
    meetingUrl: s.kind === 'call' ? text(s.meetingUrl) : undefined,
    theme: text(s.theme),
    prework: text(s.prework),
    resources: list(s.resources),
    speakers: list(s.speakers),
  };
}

/** The file name a new session gets: call-YYYY-MM for a call, module-N-workshop for a workshop. */
function suggestedSlug(s: State, modules: SessionFormProps['modules']): string {
  if (s.kind === 'workshop') {
    const number = modules.find((m) => m.id === s.module)?.number;
    return number !== undefined ? `module-${number}-workshop` : 'workshop';
  }
  return s.date ? `call-${s.date.slice(0, 7)}` : 'call';
}

export default function SessionForm(props: SessionFormProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [target, setTarget] = useState('');
  const [state, setState] = useState<State>(() => blank(props.cohorts[0]));
  const [slugTouched, setSlugTouched] = useState(false);
  const set = <K extends keyof State>(key: K, value: State[K]) => setState((s) => ({ ...s, [key]: value }));

  const choose = (sessionId: string) => {
    setTarget(sessionId);
    const session = props.sessions.find((s) => s.id === sessionId);
    setState(session ? fromSession(session.id, session.data) : blank(props.cohorts.find((c) => c.id === state.cohort) ?? props.cohorts[0]));
    setSlugTouched(false);
  };
  useEffect(() => {
    const wanted = queryParam('session');
    if (wanted && props.sessions.some((s) => s.id === wanted)) choose(wanted);
    const cohort = queryParam('cohort');
    if (!wanted && cohort && props.cohorts.some((c) => c.id === cohort)) setState(blank(props.cohorts.find((c) => c.id === cohort)));
  }, []); // once, from the address the page was opened with

  const existing = props.sessions.find((s) => s.id === target);
  const cohort = props.cohorts.find((c) => c.id === state.cohort);
  const slug = existing ? state.slug : slugTouched ? state.slug : suggestedSlug(state, props.modules);
  const taken = !existing && props.sessions.some((s) => s.id === `${state.cohort}/${slug}`);
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  const data = toData(state);

  const files = useMemo(() => {
    if (!checks) return undefined;
    if (existing) return [checks.writeEdit(existing.file, existing.text, data, props.context, toData(fromSession(existing.id, existing.data)))];
    return [checks.writeNew('sessions', `${state.cohort}/${slug}`, cohort?.demo ?? false, data, props.context)];
    // data is a new object on every render: its text decides whether the file changes
  }, [checks, existing, JSON.stringify(data), state.cohort, slug, cohort, props.context]);

  const when = checks && state.announced && state.date && state.time
    ? checks.describeWhen(
        {
          start: `${state.date}T${state.time}`,
          end: state.lengthBy === 'end' && state.endDate && state.endTime ? `${state.endDate}T${state.endTime}` : undefined,
          durationMinutes: state.lengthBy === 'minutes' ? Number(state.minutes) || undefined : undefined,
          timeZone: state.timeZone,
        },
        Intl.DateTimeFormat().resolvedOptions().timeZone,
      )
    : '';

  const extra: string[] = [];
  if (!state.title.trim()) extra.push('give the session a title, for example “Monthly call, March 2027”');
  if (state.announced && (!state.date || !state.time)) extra.push('give the start date and time, or choose “to be announced”');
  if (taken) extra.push(`there is already a session ${state.cohort}/${slug}: choose it under “Session” to change it, or give this one another file name`);

  const checkbox = (key: 'resources' | 'speakers', value: string, label: string) => (
    <label key={value} className="check">
      <input
        type="checkbox"
        checked={state[key].includes(value)}
        onChange={(e) => set(key, e.target.checked ? [...state[key], value] : state[key].filter((x) => x !== value))}
      />{' '}
      {label}
    </label>
  );

  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={id('target')} label="Session" help="A new session, or one to announce or change.">
          <select id={id('target')} value={target} onChange={(e) => choose(e.target.value)} aria-describedby={`${id('target')}-help`}>
            <option value="">A new session</option>
            {props.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.cohort}){s.data.start === 'tba' ? ' – to be announced' : ''}
                {s.demo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>The session</legend>
          {!existing && (
            <Field id={id('cohort')} label="Cohort">
              <select id={id('cohort')} value={state.cohort} onChange={(e) => set('cohort', e.target.value)}>
                {props.cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <fieldset>
            <legend>Kind</legend>
            <label className="check">
              <input type="radio" name={id('kind')} checked={state.kind === 'call'} onChange={() => set('kind', 'call')} /> A virtual call
            </label>
            <label className="check">
              <input type="radio" name={id('kind')} checked={state.kind === 'workshop'} onChange={() => set('kind', 'workshop')} /> A face-to-face workshop
            </label>
          </fieldset>
          <Field id={id('title')} label="Title">
            <input id={id('title')} value={state.title} onChange={(e) => set('title', e.target.value)} required />
          </Field>
          <Field id={id('module')} label="Module" help="The module the session belongs to (a call belongs to the module it follows).">
            <select id={id('module')} value={state.module} onChange={(e) => set('module', e.target.value)} aria-describedby={`${id('module')}-help`}>
              <option value="">None</option>
              {props.modules.map((m) => (
                <option key={m.id} value={m.id}>
                  Module {m.number}: {m.title}
                </option>
              ))}
            </select>
          </Field>
          {!existing && (
            <Field id={id('slug')} label="File name" help="Lowercase letters, digits and hyphens; it becomes part of the session’s address.">
              <input
                id={id('slug')}
                value={slug}
                onChange={(e) => {
                  setSlugTouched(true);
                  set('slug', e.target.value);
                }}
                aria-describedby={`${id('slug')}-help`}
              />
            </Field>
          )}
        </fieldset>
        <fieldset>
          <legend>When</legend>
          <label className="check">
            <input type="radio" name={id('announced')} checked={state.announced} onChange={() => set('announced', true)} /> The date and time are known
          </label>
          <label className="check">
            <input type="radio" name={id('announced')} checked={!state.announced} onChange={() => set('announced', false)} /> To be announced
          </label>
          {state.announced && (
            <>
              <Field id={id('date')} label="Start date" help="In the session’s own time zone, below.">
                <input id={id('date')} type="date" value={state.date} onChange={(e) => set('date', e.target.value)} aria-describedby={`${id('date')}-help`} />
              </Field>
              <Field id={id('time')} label="Start time" help="24-hour clock, local time where the session is held (for a call, the program’s time).">
                <input id={id('time')} type="time" value={state.time} onChange={(e) => set('time', e.target.value)} aria-describedby={`${id('time')}-help`} />
              </Field>
              <fieldset>
                <legend>Length</legend>
                <label className="check">
                  <input type="radio" name={id('length')} checked={state.lengthBy === 'minutes'} onChange={() => set('lengthBy', 'minutes')} /> In minutes (a call)
                </label>
                <label className="check">
                  <input type="radio" name={id('length')} checked={state.lengthBy === 'end'} onChange={() => set('lengthBy', 'end')} /> Until a date and time (a
                  workshop over several days)
                </label>
                {state.lengthBy === 'minutes' ? (
                  <Field id={id('minutes')} label="Length in minutes">
                    <input id={id('minutes')} type="number" min={1} value={state.minutes} onChange={(e) => set('minutes', e.target.value)} />
                  </Field>
                ) : (
                  <>
                    <Field id={id('endDate')} label="End date">
                      <input id={id('endDate')} type="date" value={state.endDate} onChange={(e) => set('endDate', e.target.value)} />
                    </Field>
                    <Field id={id('endTime')} label="End time">
                      <input id={id('endTime')} type="time" value={state.endTime} onChange={(e) => set('endTime', e.target.value)} />
                    </Field>
                  </>
                )}
              </fieldset>
            </>
          )}
          <Field id={id('zone')} label="Time zone" help="Where the times above are read: the place of a workshop, the program’s zone for a call.">
            <select id={id('zone')} value={state.timeZone} onChange={(e) => set('timeZone', e.target.value)} aria-describedby={`${id('zone')}-help`}>
              {(props.zones.includes(state.timeZone) ? props.zones : [state.timeZone, ...props.zones]).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </Field>
          {when && (
            <p className="small" data-testid="session-when">
              {when}
            </p>
          )}
        </fieldset>
        {state.kind === 'workshop' ? (
          <fieldset>
            <legend>Where</legend>
            <label className="check">
              <input type="checkbox" checked={state.placeTba} onChange={(e) => set('placeTba', e.target.checked)} /> The place is to be announced
            </label>
            {!state.placeTba &&
              (['name', 'city', 'region', 'country'] as const).map((key) => (
                <Field key={key} id={id(`place-${key}`)} label={{ name: 'Venue (optional)', city: 'City (optional)', region: 'State or region (optional)', country: 'Country' }[key]}>
                  <input id={id(`place-${key}`)} value={state.place[key]} onChange={(e) => set('place', { ...state.place, [key]: e.target.value })} />
                </Field>
              ))}
          </fieldset>
        ) : (
          <fieldset>
            <legend>Where</legend>
            <Field id={id('platform')} label="Video platform">
              <input id={id('platform')} value={state.platform} onChange={(e) => set('platform', e.target.value)} />
            </Field>
            <Field id={id('meetingUrl')} label="Link to join (optional)" help="Shown to the cohort and faculty only, never on the public site. Starts with https://.">
              <input id={id('meetingUrl')} value={state.meetingUrl} onChange={(e) => set('meetingUrl', e.target.value)} aria-describedby={`${id('meetingUrl')}-help`} />
            </Field>
          </fieldset>
        )}
        <fieldset>
          <legend>Content</legend>
          <Field id={id('theme')} label="Theme (optional)">
            <input id={id('theme')} value={state.theme} onChange={(e) => set('theme', e.target.value)} />
          </Field>
          <Field id={id('prework')} label="Pre-work (optional)" help="What participants do before the session, in Markdown: a blank line between paragraphs, - for a list.">
            <textarea id={id('prework')} rows={6} value={state.prework} onChange={(e) => set('prework', e.target.value)} aria-describedby={`${id('prework')}-help`} />
          </Field>
          {props.resources.length > 0 && (
            <fieldset>
              <legend>Resources for the pre-work (optional)</legend>
              {props.resources.map((r) => checkbox('resources', r.id, r.title))}
            </fieldset>
          )}
          <fieldset>
            <legend>Speakers (optional)</legend>
            {props.faculty.map((f) => checkbox('speakers', f.id, f.name))}
          </fieldset>
        </fieldset>
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} extra={extra} />
    </div>
  );
}
