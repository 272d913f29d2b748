/**
 * Release a decision: the date the participant was told. A certified decision's credential is
 * issued on release, to the address in the participant's recipient record; when there is none yet,
 * the form writes it too (the address with a random salt; only a salted hash of it is published).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';

const loadChecks = () => import('./form-checks.ts');

export interface DecisionChoice {
  /** `<participant>/<date>`. */
  id: string;
  participant: string;
  name: string;
  outcome: 'certified' | 'further-work';
  outcomeLabel: string;
  date: string;
  released?: string | undefined;
  revoked?: { date: string; reason: string } | undefined;
  certificateId?: string | undefined;
  demo: boolean;
  file: string;
  text: string;
  /** Is there a recipient record for the participant's credential? */
  recipient: boolean;
}

export interface ReleaseFormProps {
  /** Decisions not released yet. */
  decisions: DecisionChoice[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

export default function ReleaseForm(props: ReleaseFormProps) {
  const uid = useId();
  const [decisionId, setDecisionId] = useState(props.decisions[0]?.id ?? '');
  const [released, setReleased] = useState(props.today);
  const [email, setEmail] = useState('');
  const [salt, setSalt] = useState('');
  useEffect(() => {
    const wanted = queryParam('decision');
    if (wanted && props.decisions.some((d) => d.id === wanted)) setDecisionId(wanted);
  }, []); // once, from the address the page was opened with

  const decision = props.decisions.find((d) => d.id === decisionId);
  const needsRecipient = decision?.outcome === 'certified' && !decision.recipient;
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  useEffect(() => {
    if (checks && !salt) setSalt(checks.newSalt());
  }, [checks, salt]);

  const files = useMemo(() => {
    if (!checks || !decision) return undefined;
    const out = [];
    let context = props.context;
    if (needsRecipient) {
      const recipient = { ...checks.writeNew('recipients', decision.participant, decision.demo, { email: email.trim(), salt }, props.context), title: `The address ${decision.name}’s credential is issued to (a new file)` };
      out.push(recipient);
      context = [...context, ...checks.asContext(recipient.path, recipient.text)];
    }
    out.unshift({ ...checks.writeEdit(decision.file, decision.text, { released }, context), title: `The decision, released (its file changes)` });
    return out;
  }, [checks, decision, needsRecipient, email, salt, released, props.context]);

  if (props.decisions.length === 0) return <p>Every decision has been released: there is nothing to release.</p>;
  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={`${uid}-decision`} label="Decision">
          <select id={`${uid}-decision`} value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
            {props.decisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}: {d.outcomeLabel}, {d.date}
                {d.demo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
        </Field>
        {decision && (
          <p className="small">
            {decision.outcome === 'certified'
              ? `Certified as Trainer, certificate ${decision.certificateId ?? ''}. Once released, the credential is issued: the public site shows its verification page${decision.recipient ? '' : ', issued to the address below'}.`
              : 'Further work needed. Once released, the participant sees the decision and its conditions in their progress summary.'}
          </p>
        )}
        <Field id={`${uid}-released`} label="Released on" help="The day the participant is told; until then only the faculty site shows the decision.">
          <input id={`${uid}-released`} type="date" value={released} onChange={(e) => setReleased(e.target.value)} aria-describedby={`${uid}-released-help`} />
        </Field>
        {needsRecipient && (
          <Field
            id={`${uid}-email`}
            label={`Email address of ${decision.name}`}
            help="The credential is issued to this address. It is stored in the faculty records only; the public credential carries a salted hash of it, never the address."
          >
            <input id={`${uid}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={`${uid}-email-help`} autoComplete="off" />
          </Field>
        )}
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} />
    </div>
  );
}
