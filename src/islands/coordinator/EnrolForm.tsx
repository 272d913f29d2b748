/**
 * Enrol a participant, or complete an enrolment: cohort, site, role, team, buddies, git handle,
 * and their consent to a public profile (no unless they agreed). Buddies are mutual: when a buddy's
 * file does not list this participant back, the form writes that change too; a site not listed yet
 * is written as a new file with them.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

/** A participant file's data, as its schema gives it. */
export interface ParticipantData {
  name: string;
  cohort: string;
  site: string;
  role: string;
  team?: string | undefined;
  buddies: string[];
  gitHandle?: string | undefined;
  alumnus: boolean;
  publicProfile: boolean;
  joined?: string | undefined;
}

export interface EnrolFormProps {
  cohorts: { id: string; title: string; demo: boolean }[];
  sites: { id: string; name: string }[];
  roles: { id: string; label: string }[];
  participants: { id: string; demo: boolean; file: string; text: string; data: ParticipantData }[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

interface State {
  name: string;
  id: string;
  cohort: string;
  site: string;
  role: string;
  team: string;
  buddies: string[];
  gitHandle: string;
  alumnus: boolean;
  publicProfile: boolean;
  joined: string;
}

function blank(props: EnrolFormProps, cohort?: string): State {
  return {
    name: '',
    id: '',
    cohort: cohort ?? props.cohorts[0]?.id ?? '',
    site: props.sites[0]?.id ?? '',
    role: props.roles[0]?.id ?? '',
    team: '',
    buddies: [],
    gitHandle: '',
    alumnus: false,
    publicProfile: false,
    joined: '',
  };
}

export function fromParticipant(id: string, d: ParticipantData): State {
  return {
    name: d.name,
    id,
    cohort: d.cohort,
    site: d.site,
    role: d.role,
    team: d.team ?? '',
    buddies: [...d.buddies],
    gitHandle: d.gitHandle ?? '',
    alumnus: d.alumnus,
    publicProfile: d.publicProfile,
    joined: d.joined ?? '',
  };
}

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The file's data from the form; undefined leaves a field out (or removes it from an existing file). */
export function toData(s: State): Record<string, unknown> {
  return {
    name: s.name.trim(),
    cohort: s.cohort,
    site: s.site,
    role: s.role,
    team: text(s.team),
    buddies: s.buddies.length ? s.buddies : undefined,
    gitHandle: text(s.gitHandle),
    alumnus: s.alumnus,
    publicProfile: s.publicProfile,
    joined: text(s.joined),
  };
}

/** The site option that reveals the fields of a site not listed yet. */
const NEW_SITE = '';

export default function EnrolForm(props: EnrolFormProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [target, setTarget] = useState('');
  const [newSite, setNewSite] = useState({ name: '', id: '', idTouched: false, kind: 'site' as 'site' | 'hub', city: '', country: '' });
  const [state, setState] = useState<State>(() => blank(props));
  const [idTouched, setIdTouched] = useState(false);
  const set = <K extends keyof State>(key: K, value: State[K]) => setState((s) => ({ ...s, [key]: value }));

  const choose = (participant: string) => {
    setTarget(participant);
    const found = props.participants.find((p) => p.id === participant);
    setState(found ? fromParticipant(found.id, found.data) : blank(props, state.cohort));
    setIdTouched(false);
  };
  useEffect(() => {
    const wanted = queryParam('participant');
    if (wanted && props.participants.some((p) => p.id === wanted)) choose(wanted);
    const cohort = queryParam('cohort');
    if (!wanted && cohort && props.cohorts.some((c) => c.id === cohort)) set('cohort', cohort);
  }, []); // once, from the address the page was opened with

  const existing = props.participants.find((p) => p.id === target);
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  const participantId = existing ? existing.id : idTouched ? state.id : (checks?.suggestId(state.name) ?? '');
  const demo = existing?.demo ?? props.cohorts.find((c) => c.id === state.cohort)?.demo ?? false;
  const classmates = props.participants.filter((p) => p.data.cohort === state.cohort && p.id !== participantId);
  const taken = !existing && props.participants.some((p) => p.id === participantId);

  const data = toData(state);

  const siteId = newSite.idTouched ? newSite.id : (checks?.suggestId(newSite.name) ?? '');
  const addingSite = state.site === NEW_SITE;
  const files = useMemo(() => {
    if (!checks || !participantId) return checks ? [] : undefined;
    // a site not listed yet is written too, and the participant's file is checked as if it were merged
    const site = addingSite
      ? { ...checks.writeNew('sites', siteId, demo, { name: newSite.name.trim(), kind: newSite.kind, city: newSite.city.trim() || undefined, country: newSite.country.trim() }, props.context), title: `The new site: ${newSite.name.trim() || siteId}` }
      : undefined;
    const context = site ? [...props.context, ...checks.asContext(site.path, site.text)] : props.context;
    const withSite = addingSite ? { ...data, site: siteId } : data;
    const own = existing
      ? checks.writeEdit(existing.file, existing.text, withSite, context, toData(fromParticipant(existing.id, existing.data)))
      : checks.writeNew('participants', participantId, demo, withSite, context);
    // buddies are mutual: each buddy's file lists this participant back, and a removed buddy's no longer does
    const others = props.participants.flatMap((p) => {
      if (p.id === participantId) return [];
      const chosen = state.buddies.includes(p.id);
      const listsBack = p.data.buddies.includes(participantId);
      if (chosen === listsBack) return [];
      const buddies = chosen ? [...p.data.buddies, participantId] : p.data.buddies.filter((b) => b !== participantId);
      // the buddy's file is checked as it will be once this participant's file is merged too
      const withOwn = [...props.context.filter((r) => r.file !== own.path), ...checks.asContext(own.path, own.text)];
      const file = checks.writeEdit(p.file, p.text, { buddies }, withOwn);
      return [{ ...file, title: `Also change ${p.data.name}’s file: ${chosen ? 'add' : 'remove'} ${state.name.trim() || participantId} as a buddy` }];
    });
    return [own, ...(site ? [site] : []), ...others];
    // data is a new object on every render: its text decides whether the files change
  }, [checks, existing, participantId, demo, JSON.stringify(data), addingSite, siteId, newSite, props.context, props.participants]);

  const extra: string[] = [];
  if (!state.name.trim()) extra.push('write the participant’s name');
  if (taken) extra.push(`there is already a participant ${participantId}: choose them under “Participant” to change their file, or change the file name`);
  if (addingSite && props.sites.some((s) => s.id === siteId)) extra.push(`there is already a site ${siteId}: choose it from the list`);

  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={id('target')} label="Participant" help="Enrol someone new, or complete or change an enrolment.">
          <select id={id('target')} value={target} onChange={(e) => choose(e.target.value)} aria-describedby={`${id('target')}-help`}>
            <option value="">Someone new</option>
            {props.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.data.name} ({p.data.cohort}){p.demo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('name')} label="Name" help="As it should appear to those allowed to see it.">
          <input id={id('name')} value={state.name} onChange={(e) => set('name', e.target.value)} aria-describedby={`${id('name')}-help`} required />
        </Field>
        {!existing && (
          <Field id={id('id')} label="File name" help="Made from the name; it becomes the address of their pages and their portfolio folder.">
            <input
              id={id('id')}
              value={participantId}
              onChange={(e) => {
                setIdTouched(true);
                set('id', e.target.value);
              }}
              aria-describedby={`${id('id')}-help`}
            />
          </Field>
        )}
        <Field id={id('cohort')} label="Cohort">
          <select id={id('cohort')} value={state.cohort} onChange={(e) => setState((s) => ({ ...s, cohort: e.target.value, buddies: [] }))}>
            {props.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('site')} label="Site or hub">
          <select id={id('site')} value={state.site} onChange={(e) => set('site', e.target.value)}>
            {props.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={NEW_SITE}>A site or hub not listed yet…</option>
          </select>
        </Field>
        {addingSite && (
          <fieldset>
            <legend>The new site or hub</legend>
            <Field id={id('siteName')} label="Name of the school, organisation or hub">
              <input id={id('siteName')} value={newSite.name} onChange={(e) => setNewSite((s) => ({ ...s, name: e.target.value }))} />
            </Field>
            <Field id={id('siteId')} label="Its file name" help="Made from the name; lowercase letters, digits and hyphens.">
              <input
                id={id('siteId')}
                value={siteId}
                onChange={(e) => setNewSite((s) => ({ ...s, id: e.target.value, idTouched: true }))}
                aria-describedby={`${id('siteId')}-help`}
              />
            </Field>
            <label className="check">
              <input type="radio" name={id('siteKind')} checked={newSite.kind === 'site'} onChange={() => setNewSite((s) => ({ ...s, kind: 'site' }))} /> A site: one school
              or organisation
            </label>
            <label className="check">
              <input type="radio" name={id('siteKind')} checked={newSite.kind === 'hub'} onChange={() => setNewSite((s) => ({ ...s, kind: 'hub' }))} /> A hub: a regional
              network
            </label>
            <Field id={id('siteCity')} label="City (optional)">
              <input id={id('siteCity')} value={newSite.city} onChange={(e) => setNewSite((s) => ({ ...s, city: e.target.value }))} />
            </Field>
            <Field id={id('siteCountry')} label="Country">
              <input id={id('siteCountry')} value={newSite.country} onChange={(e) => setNewSite((s) => ({ ...s, country: e.target.value }))} />
            </Field>
          </fieldset>
        )}
        <Field id={id('role')} label="Role in their organisation">
          <select id={id('role')} value={state.role} onChange={(e) => set('role', e.target.value)}>
            {props.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('team')} label="Team (optional)" help="The team they attend with, if any.">
          <input id={id('team')} value={state.team} onChange={(e) => set('team', e.target.value)} aria-describedby={`${id('team')}-help`} />
        </Field>
        <fieldset>
          <legend>Buddies</legend>
          {classmates.length === 0 && <p className="small">Nobody else is enrolled in this cohort yet.</p>}
          {classmates.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={state.buddies.includes(p.id)}
                onChange={(e) => set('buddies', e.target.checked ? [...state.buddies, p.id] : state.buddies.filter((b) => b !== p.id))}
              />{' '}
              {p.data.name}
            </label>
          ))}
        </fieldset>
        <Field id={id('handle')} label="Git handle (optional until they have one)" help="Their user name on the git host; only this account may change their portfolio.">
          <input id={id('handle')} value={state.gitHandle} onChange={(e) => set('gitHandle', e.target.value)} aria-describedby={`${id('handle')}-help`} autoComplete="off" />
        </Field>
        <fieldset>
          <legend>Consent and background</legend>
          <label className="check">
            <input type="checkbox" checked={state.publicProfile} onChange={(e) => set('publicProfile', e.target.checked)} /> They agreed, in writing, to a public profile
            (leave unticked otherwise: nothing of theirs is then public)
          </label>
          <label className="check">
            <input type="checkbox" checked={state.alumnus} onChange={(e) => set('alumnus', e.target.checked)} /> They attended a Compassionate Systems introductory
            workshop
          </label>
        </fieldset>
        <Field id={id('joined')} label="Joined on (optional)" help="Only when they joined after the cycle began.">
          <input id={id('joined')} type="date" value={state.joined} onChange={(e) => set('joined', e.target.value)} aria-describedby={`${id('joined')}-help`} />
        </Field>
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} extra={extra} />
    </div>
  );
}
