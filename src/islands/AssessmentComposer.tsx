/**
 * The assessment composer: a faculty member records a level and a comment per criterion and a
 * recommendation, and gets the assessment file with a link to create it on the git host. The
 * file is checked with the same schema the build uses.
 */
import { useId, useMemo, useState } from 'react';
import { LEVELS, LEVEL_LABELS, RECOMMENDATIONS, RECOMMENDATION_LABELS, type Level, type Recommendation } from '../schemas/assessment-levels.ts';
import type { EditContext } from '../lib/edit-links.ts';
import SendFile from './SendFile.tsx';
import { useLazyModule } from './use-lazy.ts';

const loadChecks = () => import('./assessment-checks.ts');

export interface AssessmentComposerProps {
  participant: { id: string; name: string; demo: boolean };
  assessors: { id: string; name: string }[];
  criteria: { id: string; title: string }[];
  /** Assessors who already have a file for this participant (their file is edited, not created). */
  existing: Record<string, { levels: Record<string, { level: Level; comment: string }>; recommendation: Recommendation; summary?: string | undefined }>;
  edit: EditContext;
  today: string;
}


export default function AssessmentComposer(props: AssessmentComposerProps) {
  const uid = useId();
  const [assessor, setAssessor] = useState(props.assessors[0]?.id ?? '');
  const prior = props.existing[assessor];
  const [levels, setLevels] = useState<Record<string, { level: Level | ''; comment: string }>>({});
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [summary, setSummary] = useState('');
  const [date, setDate] = useState(props.today);

  const choose = (id: string) => {
    setAssessor(id);
    const existing = props.existing[id];
    setLevels(existing ? Object.fromEntries(Object.entries(existing.levels).map(([k, v]) => [k, { ...v }])) : {});
    setRecommendation(existing?.recommendation ?? '');
    setSummary(existing?.summary ?? '');
  };

  const data = useMemo(() => {
    const out: Record<string, unknown> = { assessor, date, levels: {} as Record<string, unknown> };
    for (const c of props.criteria) {
      const l = levels[c.id];
      if (l?.level) (out['levels'] as Record<string, unknown>)[c.id] = { level: l.level, comment: l.comment.trim() };
    }
    if (recommendation) out['recommendation'] = recommendation;
    if (summary.trim()) out['summary'] = summary.trim();
    return out;
  }, [assessor, date, levels, recommendation, summary, props.criteria]);

  const { module: checks, start } = useLazyModule(loadChecks);
  const path = `${props.participant.demo ? 'content/demo' : 'content'}/assessments/${props.participant.id}/${assessor}.yaml`;
  const heading = `Assessment of ${props.participant.name} by ${props.assessors.find((a) => a.id === assessor)?.name ?? assessor}`;
  const file = useMemo(() => (checks ? checks.assessmentFile(path, heading, data) : undefined), [checks, path, heading, data]);
  const problems = file?.problems ?? [];
  const missing = props.criteria.filter((c) => !levels[c.id]?.level);

  return (
    <div className="composer assessment-composer" onFocusCapture={start} onPointerDownCapture={start} onKeyDownCapture={start}>
      <form onSubmit={(e) => e.preventDefault()}>
        <div className="form-field">
          <label htmlFor={`${uid}-assessor`}>Assessor</label>
          <select id={`${uid}-assessor`} value={assessor} onChange={(e) => choose(e.target.value)}>
            {props.assessors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {props.existing[a.id] ? ' (has assessed: edit)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${uid}-date`}>Date</label>
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        {props.criteria.map((c) => (
          <fieldset key={c.id}>
            <legend>{c.title}</legend>
            <div className="level-choices">
              {LEVELS.map((level) => (
                <label key={level} className="check">
                  <input
                    type="radio"
                    name={`${uid}-${c.id}`}
                    checked={levels[c.id]?.level === level}
                    onChange={() => setLevels((all) => ({ ...all, [c.id]: { level, comment: all[c.id]?.comment ?? '' } }))}
                  />{' '}
                  {LEVEL_LABELS[level]}
                </label>
              ))}
            </div>
            <div className="form-field">
              <label htmlFor={`${uid}-${c.id}-comment`}>Comment on {c.title.toLowerCase()}</label>
              <textarea
                id={`${uid}-${c.id}-comment`}
                rows={2}
                value={levels[c.id]?.comment ?? ''}
                onChange={(e) => setLevels((all) => ({ ...all, [c.id]: { level: all[c.id]?.level ?? '', comment: e.target.value } }))}
              />
            </div>
          </fieldset>
        ))}
        <fieldset>
          <legend>Recommendation</legend>
          {RECOMMENDATIONS.map((r) => (
            <label key={r} className="check">
              <input type="radio" name={`${uid}-recommendation`} checked={recommendation === r} onChange={() => setRecommendation(r)} /> {RECOMMENDATION_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <div className="form-field">
          <label htmlFor={`${uid}-summary`}>Summary (optional)</label>
          <textarea id={`${uid}-summary`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
      </form>
      <section aria-label="The assessment file">
        <div role="status" aria-live="polite">
          {!file ? (
            <p className="muted">Start filling in the form: the assessment file appears here.</p>
          ) : problems.length === 0 ? (
            <p className="notice" data-testid="assessment-ok">
              The assessment is ready{missing.length ? `; ${missing.length} criteria have no level yet, which is allowed` : ''}.
            </p>
          ) : (
            <div className="notice warn" data-testid="assessment-problems">
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {file && <SendFile path={path} text={file.text} edit={props.edit} exists={prior !== undefined} hasProblems={problems.length > 0} />}
      </section>
    </div>
  );
}
