/**
 * The entry composer: a form that writes a valid portfolio entry without knowing YAML or git.
 * It checks the entry with the same schema and the same safety-gate rules the build uses, shows a
 * preview, and hands the file to the git host's "create new file" page, prefilled.
 */
import { useId, useMemo, useState } from 'react';
import { ENTRY_TYPES, ENTRY_TYPE_LABELS, PROJECT_STAGES, PROJECT_STAGE_LABELS, type EntryType } from '../schemas/entry-types.ts';
import type { Visibility } from '../schemas/common.ts';
import { useLazyModule } from './use-lazy.ts';
import { editLocation, uploadUrl, type EditContext } from '../lib/edit-links.ts';
import SendFile from './SendFile.tsx';
import Field from './Field.tsx';

const loadComposerChecks = () => import('./composer-checks.ts');
import type { Problem } from '../lib/problems.ts';

export interface ComposerParticipant {
  id: string;
  name: string;
  cohort: string;
  demo: boolean;
  publicProfile: boolean;
  buddies: { id: string; name: string }[];
}

export interface ComposerOption {
  id: string;
  label: string;
}

export interface ComposerSession extends ComposerOption {
  cohort: string;
  kind: 'workshop' | 'call';
}

export interface ComposerProps {
  participants: ComposerParticipant[];
  modules: ComposerOption[];
  sessions: ComposerSession[];
  criteria: ComposerOption[];
  edit: EditContext;
  /** Prefill from the query string (?participant=&type=&criterion=) when the page is opened from a link. */
  today: string;
}

const VISIBILITY_HELP: Record<Visibility, string> = {
  faculty: 'Faculty only (private). Only program faculty can read it.',
  cohort: 'My cohort. Your cohort and faculty can read it.',
  public: 'Public. Anyone can read it on the public website.',
};


function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || Number.isNaN(last.getTime())) return out;
  while (d <= last && out.length < 62) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

function initialFromQuery(props: ComposerProps) {
  const q = typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
  const participant = props.participants.find((p) => p.id === q.get('participant'))?.id ?? props.participants[0]?.id ?? '';
  const type = (ENTRY_TYPES as readonly string[]).includes(q.get('type') ?? '') ? (q.get('type') as EntryType) : 'reflection';
  const criterion = q.get('criterion');
  return { participant, type, criteria: criterion && props.criteria.some((c) => c.id === criterion) ? [criterion] : [] };
}

export default function Composer(props: ComposerProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const initial = useMemo(() => initialFromQuery(props), [props]);
  const [participantId, setParticipantId] = useState(initial.participant);
  const [type, setType] = useState<EntryType>(initial.type);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(props.today);
  const [module, setModule] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('faculty');
  const [summary, setSummary] = useState('');
  const [tags, setTags] = useState('');
  const [criteria, setCriteria] = useState<string[]>(initial.criteria);
  const [session, setSession] = useState('');
  const [stage, setStage] = useState<(typeof PROJECT_STAGES)[number]>('proposal');
  const [coachedRole, setCoachedRole] = useState('');
  const [frequency, setFrequency] = useState('');
  const [sessionsHeld, setSessionsHeld] = useState('');
  const [buddies, setBuddies] = useState<string[]>([]);
  const [periodStart, setPeriodStart] = useState(`${props.today.slice(0, 8)}01`);
  const [periodEnd, setPeriodEnd] = useState(props.today);
  const [practisedOn, setPractisedOn] = useState<string[]>([]);
  const [lang, setLang] = useState('');
  const [body, setBody] = useState('');

  const participant = props.participants.find((p) => p.id === participantId);
  const sessionKind = type === 'workshop-reflection' ? 'workshop' : type === 'call-prework' ? 'call' : undefined;
  const sessionOptions = props.sessions.filter((s) => s.kind === sessionKind && s.cohort === participant?.cohort);

  const fields: Record<string, unknown> = {};
  if (summary.trim()) fields['summary'] = summary.trim();
  const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (tagList.length) fields['tags'] = tagList;
  if (criteria.length) fields['criteria'] = criteria;
  if (lang.trim()) fields['lang'] = lang.trim();
  if (type === 'coaching') {
    fields['coachedRole'] = coachedRole;
    fields['frequency'] = frequency;
    if (sessionsHeld) fields['sessionsHeld'] = Number(sessionsHeld);
  }
  if (type === 'buddy-checkin') fields['buddies'] = buddies;
  if (type === 'practice-log') {
    fields['periodStart'] = periodStart;
    fields['periodEnd'] = periodEnd;
    fields['practisedOn'] = practisedOn.filter((d) => d >= periodStart && d <= periodEnd).sort();
  }

  const { module: checks, failed: checksFailed, start: loadChecks } = useLazyModule(loadComposerChecks);
  const file = participant && checks
    ? checks.writeEntry({
        participant: participant.id,
        demo: participant.demo,
        type,
        title: title.trim() || 'Untitled entry',
        date,
        module: module || undefined,
        visibility,
        session: sessionKind ? session : undefined,
        stage: type === 'application-project' ? stage : undefined,
        fields,
        body: body.trim() ? `${body.trim()}\n` : undefined,
      })
    : undefined;

  const problems: Problem[] = useMemo(() => {
    if (!file || !checks) return [];
    const extra: Problem[] = [];
    if (!title.trim()) extra.push({ file: file.path, line: 1, column: 1, severity: 'error', rule: 'schema', message: 'give the entry a title' });
    if (visibility === 'public' && participant && !participant.publicProfile) {
      extra.push({
        file: file.path,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'public-without-consent',
        message: 'public entries need a public profile, which you have not agreed to; choose "My cohort" or "Faculty only", or ask the coordinator to record your consent',
      });
    }
    return [...extra, ...checks.checkEntry(file.path, file.text)];
  }, [file, title, visibility, participant, checks]);

  const preview = useMemo(() => (checks ? checks.previewHtml(body) : ''), [body, checks]);
  const folderLocation = participant ? editLocation(`${participant.demo ? 'content/demo' : 'content'}/portfolios/${participant.id}`, props.edit) : undefined;

  if (props.participants.length === 0) return <p>There are no participants in this site to write for.</p>;

  return (
    <div className="composer" onFocusCapture={loadChecks} onPointerDownCapture={loadChecks} onKeyDownCapture={loadChecks}>
      <form className="composer-form" onSubmit={(e) => e.preventDefault()} aria-describedby={`${uid}-status`}>
        <fieldset>
          <legend>About the entry</legend>
          <Field id={id('participant')} label="Your name">
            <select id={id('participant')} value={participantId} onChange={(e) => setParticipantId(e.target.value)}>
              {props.participants.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.demo ? ' (demo)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('type')} label="Kind of entry">
            <select id={id('type')} value={type} onChange={(e) => setType(e.target.value as EntryType)}>
              {ENTRY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ENTRY_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('title')} label="Title" help="A short title, on one line.">
            <input id={id('title')} value={title} onChange={(e) => setTitle(e.target.value)} required aria-describedby={`${id('title')}-help`} />
          </Field>
          <Field id={id('date')} label="Date" help="The day the entry is about.">
            <input id={id('date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} required aria-describedby={`${id('date')}-help`} />
          </Field>
          <Field id={id('module')} label="Module (optional)">
            <select id={id('module')} value={module} onChange={(e) => setModule(e.target.value)}>
              <option value="">None</option>
              {props.modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          {sessionKind && (
            <Field id={id('session')} label={sessionKind === 'workshop' ? 'Workshop' : 'Call'}>
              <select id={id('session')} value={session} onChange={(e) => setSession(e.target.value)} required>
                <option value="">Choose…</option>
                {sessionOptions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {type === 'application-project' && (
            <Field id={id('stage')} label="Stage of the project">
              <select id={id('stage')} value={stage} onChange={(e) => setStage(e.target.value as (typeof PROJECT_STAGES)[number])}>
                {PROJECT_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {PROJECT_STAGE_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {type === 'coaching' && (
            <>
              <Field id={id('coachedRole')} label="Whom you coached, by role" help="A role, never a name: for example “a second-year teacher”.">
                <input id={id('coachedRole')} value={coachedRole} onChange={(e) => setCoachedRole(e.target.value)} aria-describedby={`${id('coachedRole')}-help`} />
              </Field>
              <Field id={id('frequency')} label="How often you met" help="For example “every two weeks”.">
                <input id={id('frequency')} value={frequency} onChange={(e) => setFrequency(e.target.value)} aria-describedby={`${id('frequency')}-help`} />
              </Field>
              <Field id={id('sessionsHeld')} label="Sessions held so far (optional)">
                <input id={id('sessionsHeld')} type="number" min={1} value={sessionsHeld} onChange={(e) => setSessionsHeld(e.target.value)} />
              </Field>
            </>
          )}
          {type === 'buddy-checkin' && (
            <fieldset>
              <legend>Buddies you checked in with</legend>
              {participant?.buddies.length === 0 && <p className="small">Your participant file lists no buddies yet; ask the coordinator.</p>}
              {participant?.buddies.map((b) => (
                <label key={b.id} className="check">
                  <input
                    type="checkbox"
                    checked={buddies.includes(b.id)}
                    onChange={(e) => setBuddies((list) => (e.target.checked ? [...list, b.id] : list.filter((x) => x !== b.id)))}
                  />{' '}
                  {b.name}
                </label>
              ))}
            </fieldset>
          )}
          {type === 'practice-log' && (
            <fieldset>
              <legend>Practice period</legend>
              <Field id={id('periodStart')} label="From">
                <input id={id('periodStart')} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
              </Field>
              <Field id={id('periodEnd')} label="To">
                <input id={id('periodEnd')} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
              </Field>
              <fieldset className="day-grid">
                <legend>Days you practised</legend>
                {daysBetween(periodStart, periodEnd).map((day) => (
                  <label key={day} className="check">
                    <input
                      type="checkbox"
                      checked={practisedOn.includes(day)}
                      onChange={(e) => setPractisedOn((list) => (e.target.checked ? [...list, day] : list.filter((x) => x !== day)))}
                    />{' '}
                    {day.slice(8)}
                    <span className="visually-hidden"> {day}</span>
                  </label>
                ))}
              </fieldset>
            </fieldset>
          )}
        </fieldset>
        <fieldset>
          <legend>Who may read it</legend>
          {(['faculty', 'cohort', 'public'] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name={id('visibility')} value={v} checked={visibility === v} onChange={() => setVisibility(v)} /> {VISIBILITY_HELP[v]}
              {v === 'public' && participant && !participant.publicProfile && <span className="muted small"> (needs a public profile, which you have not agreed to)</span>}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Details (optional)</legend>
          <Field id={id('summary')} label="Summary" help="One or two sentences shown in lists and search results.">
            <input id={id('summary')} value={summary} onChange={(e) => setSummary(e.target.value)} aria-describedby={`${id('summary')}-help`} />
          </Field>
          <Field id={id('tags')} label="Tags" help="A few words, separated by commas.">
            <input id={id('tags')} value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby={`${id('tags')}-help`} />
          </Field>
          {props.criteria.length > 0 && (
            <fieldset>
              <legend>Evidence for these criteria</legend>
              {props.criteria.map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="checkbox"
                    checked={criteria.includes(c.id)}
                    onChange={(e) => setCriteria((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))}
                  />{' '}
                  {c.label}
                </label>
              ))}
            </fieldset>
          )}
          <Field id={id('lang')} label="Language, if not English" help="A language code such as es, da or ja.">
            <input id={id('lang')} value={lang} onChange={(e) => setLang(e.target.value)} aria-describedby={`${id('lang')}-help`} />
          </Field>
        </fieldset>
        <Field id={id('body')} label="Your entry" help="Write in Markdown: a blank line between paragraphs, ## for a heading, *emphasis*, [link text](https://…).">
          <textarea id={id('body')} rows={14} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby={`${id('body')}-help`} />
        </Field>
      </form>

      <section className="composer-output" aria-labelledby={`${uid}-check`}>
        <h2 id={`${uid}-check`}>Check</h2>
        <div id={`${uid}-status`} role="status" aria-live="polite">
          {!checks ? (
            <p className="muted" data-testid="composer-waiting">
              {checksFailed ? 'The check could not load; reload the page to try again.' : 'Start filling in the form: the check of your entry appears here.'}
            </p>
          ) : problems.length === 0 ? (
            <p className="notice" data-testid="composer-ok">
              The entry is ready: nothing to fix.
            </p>
          ) : (
            <div className="notice warn" data-testid="composer-problems">
              <p>
                <strong>
                  {problems.length} thing{problems.length === 1 ? '' : 's'} to fix
                </strong>{' '}
                before the file can be accepted:
              </p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <h2>Preview</h2>
        {/* micromark escapes raw HTML and refuses unsafe link protocols by default */}
        <div className="card composer-preview" lang={lang || undefined} dangerouslySetInnerHTML={{ __html: preview }} />
        <h2>Send it</h2>
        {file && (
          <SendFile path={file.path} text={file.text} edit={props.edit} hasProblems={problems.length > 0}>
            {folderLocation && (
              <p className="small">
                Attachments (PDF, images or recordings, 10 MB each at most): upload them directly into{' '}
                <a href={uploadUrl(folderLocation)}>your portfolio folder</a> (no sub-folders), then list them under <code>attachments</code> in the
                file, in the same pull request.
              </p>
            )}
          </SendFile>
        )}
      </section>
    </div>
  );
}
