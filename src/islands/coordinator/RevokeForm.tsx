/**
 * Revoke a credential: from a date on, a certified trainer's credential is withdrawn. The reason
 * stays on the faculty site; the public verification page says "revoked" with the date, and the
 * signed revocation list marks it. Changes the decision's file.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ContextRecord } from '../../lib/coordinator/check.ts';
import type { EditContext } from '../../lib/edit-links.ts';
import Field from '../Field.tsx';
import { useLazyModule } from '../use-lazy.ts';
import FormResult from './FormResult.tsx';
import { queryParam } from './query.ts';
import type { DecisionChoice } from './ReleaseForm.tsx';

const loadChecks = () => import('./form-checks.ts');

export interface RevokeFormProps {
  /** Certified, released decisions whose credential is not revoked. */
  decisions: DecisionChoice[];
  context: ContextRecord[];
  edit: EditContext;
  today: string;
}

export default function RevokeForm(props: RevokeFormProps) {
  const uid = useId();
  const [decisionId, setDecisionId] = useState(props.decisions[0]?.id ?? '');
  const [date, setDate] = useState(props.today);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const wanted = queryParam('decision');
    if (wanted && props.decisions.some((d) => d.id === wanted)) setDecisionId(wanted);
  }, []); // once, from the address the page was opened with

  const decision = props.decisions.find((d) => d.id === decisionId);
  const { module: checks, failed, start } = useLazyModule(loadChecks);
  const files = useMemo(
    () => (checks && decision ? [checks.writeEdit(decision.file, decision.text, { revoked: { date, reason: reason.trim() } }, props.context)] : undefined),
    [checks, decision, date, reason, props.context],
  );

  if (props.decisions.length === 0) return <p>No credential has been issued, or every one is revoked already: there is nothing to revoke.</p>;
  return (
    <div className="composer coordinator-form" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id={`${uid}-decision`} label="Credential">
          <select id={`${uid}-decision`} value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
            {props.decisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}: {d.certificateId}, released {d.released}
                {d.demo ? ' (demo)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${uid}-date`} label="Revoked from" help="On and after this day the credential is no longer valid; not before it was released.">
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby={`${uid}-date-help`} />
        </Field>
        <Field id={`${uid}-reason`} label="Reason" help="One sentence; shown on the faculty site only.">
          <input id={`${uid}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${uid}-reason-help`} required />
        </Field>
      </form>
      <FormResult files={files} failed={failed} edit={props.edit} extra={reason.trim() ? [] : ['write the reason for revoking the credential']}
        said={(p) => !reason.trim() && /^revoked\.reason: the reason must not be empty/.test(p.message)}
      />
    </div>
  );
}
