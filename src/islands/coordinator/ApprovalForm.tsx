/**
 * Record a step of an application project's approval: the proposal reviewed before the year, or
 * the project finalised after the first workshop. Each step is its own new file,
 * approvals/<participant>/<proposal>/review.yaml or final.yaml, naming the assessing faculty who
 * took it, the date and an optional note.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

type Step = 'review' | 'final';

export interface ApprovalStepFile {
  file: string;
  text: string;
  by: string[];
  date: string;
  note?: string | undefined;
}

export interface ApprovalFormProps {
  participants: { id: string; name: string; demo: boolean }[];
  /** Application-project proposals, with the steps recorded for each. */
  proposals: { id: string; participant: string; title: string; date: string; steps: Partial<Record<Step, ApprovalStepFile>> }[];
  /** How each step is named, from the approval schema. */
  stepLabels: Record<Step, string>;
  /** Assessing faculty; a demo participant's steps are taken by demo faculty, a real one's by real faculty. */
  assessors: { id: string; name: string; demo: boolean }[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

const STEPS: readonly Step[] = ['review', 'final'];

export default function ApprovalForm(props: ApprovalFormProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const firstParticipant = props.participants.find((p) => props.proposals.some((e) => e.participant === p.id));
  const [participant, setParticipant] = useState(firstParticipant?.id ?? '');
  const [entry, setEntry] = useState(props.proposals.find((e) => e.participant === firstParticipant?.id)?.id ?? '');
  const [step, setStep] = useState<Step>('review');
  const [by, setBy] = useState<string[]>([]);
  const [date, setDate] = useState(props.today);
  const [note, setNote] = useState('');

  const open = (entryId: string, wanted?: Step) => {
    const proposal = props.proposals.find((e) => e.id === entryId);
    if (!proposal) return;
    setParticipant(proposal.participant);
    setEntry(proposal.id);
    const chosen = wanted ?? STEPS.find((s) => !proposal.steps[s]) ?? 'final';
    setStep(chosen);
    const existing = proposal.steps[chosen];
    setBy(existing ? [...existing.by] : []);
    setDate(existing?.date ?? props.today);
    setNote(existing?.note ?? '');
  };
  useEffect(() => {
    const wantedStep = queryParam('step');
    const wanted = queryParam('entry');
    if (wanted && props.proposals.some((e) => e.id === wanted)) open(wanted, wantedStep === 'review' || wantedStep === 'final' ? wantedStep : undefined);
    else if (entry) open(entry);
  }, []); // once, from the address the page was opened with

  const proposal = props.proposals.find((e) => e.id === entry);
  const person = props.participants.find((p) => p.id === participant);
  const existing = proposal?.steps[step];
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  const files = useMemo(() => {
    if (!checks || !proposal || !person) return undefined;
    const data = { by, date, note: note.trim() || undefined };
    return [existing ? checks.writeEdit(existing.file, existing.text, data, props.context) : checks.writeNew('approvals', `${proposal.id}/${step}`, person.demo, data, props.context)];
  }, [checks, proposal, person, existing, step, by, date, note, props.context]);

  if (props.proposals.length === 0) return <p>No participant has proposed an application project yet: there is nothing to approve.</p>;
  const withProposals = props.participants.filter((p) => props.proposals.some((e) => e.participant === p.id));
  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={id('participant')} label="Participant">
          <select
            id={id('participant')}
            value={participant}
            onChange={(e) => {
              const first = props.proposals.find((p) => p.participant === e.target.value);
              if (first) open(first.id);
            }}
          >
            {withProposals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.demo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('entry')} label="Proposal">
          <select id={id('entry')} value={entry} onChange={(e) => open(e.target.value)}>
            {props.proposals
              .filter((e) => e.participant === participant)
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.date})
                </option>
              ))}
          </select>
        </Field>
        {proposal && (
          <p className="small">
            {STEPS.map((s) => `${props.stepLabels[s]}: ${proposal.steps[s] ? `recorded (${proposal.steps[s]?.date})` : 'not recorded'}`).join('; ')}.
          </p>
        )}
        <fieldset>
          <legend>Step</legend>
          {STEPS.map((s) => (
            <label key={s} className="check">
              <input type="radio" name={id('step')} checked={step === s} onChange={() => open(entry, s)} />{' '}
              {`${(props.stepLabels[s][0] ?? '').toUpperCase()}${props.stepLabels[s].slice(1)}${proposal?.steps[s] ? ' (recorded: change it)' : ''}`}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>By (assessing faculty)</legend>
          {props.assessors.filter((a) => a.demo === (person?.demo ?? false)).map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" checked={by.includes(a.id)} onChange={(e) => setBy(e.target.checked ? [...by, a.id] : by.filter((x) => x !== a.id))} /> {a.name}
            </label>
          ))}
        </fieldset>
        <Field id={id('date')} label="Date of this step">
          <input id={id('date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id={id('note')} label="Note (optional)" help="What faculty asked for or agreed with the participant.">
          <textarea id={id('note')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id('note')}-help`} />
        </Field>
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} extra={by.length ? [] : ['tick the assessing faculty who took this step']} said={(p) => by.length === 0 && /^by: by must name at least one/.test(p.message)} />
    </div>
  );
}
