/**
 * Record attendance: one session, a checklist of its cohort (everyone who had joined by then),
 * a reason for each absence, and who recorded it. Writes the session's attendance file, or
 * changes the one that exists.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

export interface AttendanceFormProps {
  sessions: { id: string; cohort: string; title: string; demo: boolean; date: string; when: string; held: boolean }[];
  participants: { id: string; name: string; cohort: string; joined?: string | undefined }[];
  /** Existing attendance files by session id: path, text and what they record. */
  records: Record<string, { file: string; text: string; present: string[]; absent: { participant: string; reason: string }[]; recordedBy: string; recordedOn: string }>;
  /** Who may record: a demo session's attendance is recorded by demo faculty, a real one's by real faculty. */
  faculty: { id: string; name: string; coordinator: boolean; demo: boolean }[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

type Mark = { present: boolean; reason: string };
type AttendanceRecord = AttendanceFormProps['records'][string];

/** What an attendance record says of each participant, as the checklist's marks. */
function marksOf(record: AttendanceRecord | undefined): Record<string, Mark> {
  const marks: Record<string, Mark> = {};
  for (const p of record?.present ?? []) marks[p] = { present: true, reason: '' };
  for (const a of record?.absent ?? []) marks[a.participant] = { present: false, reason: a.reason };
  return marks;
}

/**
 * The file's data: the checklist (everyone expected, present unless unticked), and the people an
 * existing record lists who are not on the checklist (they joined later, or moved), kept as written.
 */
export function attendanceData(
  expected: readonly { id: string }[],
  marks: Record<string, Mark>,
  existing: AttendanceRecord | undefined,
  recordedBy: string,
  recordedOn: string,
): Record<string, unknown> {
  const markOf = (id: string): Mark => marks[id] ?? { present: true, reason: '' };
  const listed = new Set(expected.map((p) => p.id));
  return {
    present: [...expected.filter((p) => markOf(p.id).present).map((p) => p.id), ...(existing?.present ?? []).filter((id) => !listed.has(id))],
    absent: [
      ...expected.filter((p) => !markOf(p.id).present).map((p) => ({ participant: p.id, reason: markOf(p.id).reason.trim() })),
      ...(existing?.absent ?? []).filter((a) => !listed.has(a.participant)),
    ],
    recordedBy,
    recordedOn,
  };
}

export default function AttendanceForm(props: AttendanceFormProps) {
  const uid = useId();
  const defaultSession = props.sessions.find((s) => s.held && !props.records[s.id]) ?? props.sessions.find((s) => s.held) ?? props.sessions[0];
  const recordersFor = (demo: boolean) => props.faculty.filter((f) => f.demo === demo);
  const defaultRecorder = (demo: boolean) => recordersFor(demo).find((f) => f.coordinator)?.id ?? recordersFor(demo)[0]?.id ?? '';
  const [sessionId, setSessionId] = useState(defaultSession?.id ?? '');
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [recordedBy, setRecordedBy] = useState(defaultRecorder(defaultSession?.demo ?? false));
  const [recordedOn, setRecordedOn] = useState(props.today);

  const session = props.sessions.find((s) => s.id === sessionId);
  const existing = session ? props.records[session.id] : undefined;
  const expected = useMemo(
    () => (session ? props.participants.filter((p) => p.cohort === session.cohort && (!p.joined || p.joined <= session.date)) : []),
    [session, props.participants],
  );
  const later = session ? props.participants.filter((p) => p.cohort === session.cohort && p.joined && p.joined > session.date) : [];

  const choose = (id: string) => {
    setSessionId(id);
    const record = props.records[id];
    setMarks(marksOf(record));
    setRecordedBy(record?.recordedBy ?? defaultRecorder(props.sessions.find((s) => s.id === id)?.demo ?? false));
    setRecordedOn(record?.recordedOn ?? props.today);
  };
  useEffect(() => {
    const wanted = queryParam('session');
    if (wanted && props.sessions.some((s) => s.id === wanted)) choose(wanted);
    else if (defaultSession) choose(defaultSession.id);
  }, []); // once, from the address the page was opened with

  const markOf = (id: string): Mark => marks[id] ?? { present: true, reason: '' };
  const absentWithoutReason = expected.filter((p) => !markOf(p.id).present && !markOf(p.id).reason.trim());
  const { module: checks, failed, start } = useLazyModule(loadChecks);

  const files = useMemo(() => {
    if (!checks || !session) return undefined;
    const data = attendanceData(expected, marks, existing, recordedBy, recordedOn);
    const [cohort = '', slug = ''] = session.id.split('/');
    return [
      existing
        ? checks.writeEdit(existing.file, existing.text, data, props.context, attendanceData(expected, marksOf(existing), existing, existing.recordedBy, existing.recordedOn))
        : checks.writeNew('attendance', `${cohort}/${slug}`, session.demo, data, props.context),
    ];
  }, [checks, session, existing, expected, marks, recordedBy, recordedOn, props.context]);

  if (props.sessions.length === 0) return <p>There are no dated sessions yet: attendance is recorded once a session has been held.</p>;

  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={`${uid}-session`} label="Session" help="Sessions already held come first.">
          <select id={`${uid}-session`} value={sessionId} onChange={(e) => choose(e.target.value)} aria-describedby={`${uid}-session-help`}>
            {props.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.date}){s.demo ? ' (demo)' : ''}
                {props.records[s.id] ? ' – recorded: edit' : s.held ? '' : ' – not held yet'}
              </option>
            ))}
          </select>
        </Field>
        {session && <p className="small muted">{session.when}</p>}
        <fieldset>
          <legend>Who was there</legend>
          {expected.length === 0 && <p>Nobody of this cohort had joined by this session.</p>}
          {expected.map((p) => {
            const mark = markOf(p.id);
            return (
              <div key={p.id} className="attendance-row" data-participant={p.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={mark.present}
                    onChange={(e) => setMarks((all) => ({ ...all, [p.id]: { present: e.target.checked, reason: all[p.id]?.reason ?? '' } }))}
                  />{' '}
                  {p.name} was there
                </label>
                {!mark.present && (
                  <Field id={`${uid}-${p.id}-reason`} label={`Why ${p.name} was not there`} help="A few words; faculty only. For example: ill, travelling, a school event.">
                    <input
                      id={`${uid}-${p.id}-reason`}
                      value={mark.reason}
                      onChange={(e) => setMarks((all) => ({ ...all, [p.id]: { present: false, reason: e.target.value } }))}
                      aria-describedby={`${uid}-${p.id}-reason-help`}
                      required
                    />
                  </Field>
                )}
              </div>
            );
          })}
          {later.length > 0 && (
            <p className="small muted">
              Not on the list because they joined after this session: {later.map((p) => p.name).join(', ')}.
            </p>
          )}
        </fieldset>
        <Field id={`${uid}-by`} label="Recorded by">
          <select id={`${uid}-by`} value={recordedBy} onChange={(e) => setRecordedBy(e.target.value)}>
            {recordersFor(session?.demo ?? false).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${uid}-on`} label="Recorded on">
          <input id={`${uid}-on`} type="date" value={recordedOn} onChange={(e) => setRecordedOn(e.target.value)} />
        </Field>
      </form>
      <FormResult
        files={files}
        failed={failed}
        edit={props.edit}
        extra={absentWithoutReason.map((p) => `write why ${p.name} was not there (or tick “${p.name} was there”)`)}
        said={(p) => absentWithoutReason.length > 0 && /^absent\[\d+\]\.reason: the reason must not be empty/.test(p.message)}
      />
    </div>
  );
}
