/**
 * The end of every coordinator form: the check of the file(s) it wrote, in words, then each file
 * with the way to hand it to the git host (a prefilled new-file page, or the edit page of a file
 * that exists), copy and download.
 */
import type { ReactNode } from 'react';
import type { EditContext } from '../../lib/edit-links.ts';
import type { Problem } from '../../lib/problems.ts';
import SendFile from '../SendFile.tsx';
import type { WrittenFile } from './form-checks.ts';

interface Props {
  /** undefined until the form's checks have loaded (on the first touch of the form). */
  files: readonly (WrittenFile & { title?: string })[] | undefined;
  failed: boolean;
  edit: EditContext;
  /** Problems the form itself found (a field left empty), in front of the file's own. */
  extra?: readonly string[];
  /** The file's problems the form already states in its own words (in `extra`). */
  said?: (p: Problem) => boolean;
  children?: ReactNode;
}

export default function FormResult({ files, failed, edit, extra = [], said = () => false, children }: Props) {
  const problems = (files?.flatMap((f) => f.problems) ?? []).filter((p) => !said(p));
  const errors = [...extra, ...problems.filter((p) => p.severity === 'error').map((p) => p.message)];
  const warnings = problems.filter((p) => p.severity === 'warning').map((p) => p.message);
  return (
    <section className="composer-output" aria-labelledby="form-check-heading">
      <h2 id="form-check-heading">Check</h2>
      <div role="status" aria-live="polite">
        {!files ? (
          <p className="muted" data-testid="form-waiting">
            {failed ? 'The check could not load; reload the page to try again.' : 'Start filling in the form: the check of the file appears here.'}
          </p>
        ) : errors.length === 0 ? (
          <p className="notice" data-testid="form-ok">
            Ready: nothing to fix. Send the file below.
          </p>
        ) : (
          <div className="notice warn" data-testid="form-problems">
            <p>
              <strong>
                {errors.length} thing{errors.length === 1 ? '' : 's'} to fix
              </strong>{' '}
              before the file can be accepted:
            </p>
            <ul>
              {errors.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {warnings.length > 0 && (
          <div className="notice" data-testid="form-warnings">
            <p>Worth knowing (the check on the pull request shows these too, and still passes):</p>
            <ul>
              {warnings.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {children}
      {files?.map((f) => (
        <div key={f.path} data-file={f.path}>
          <h2>{f.title ?? 'Send it'}</h2>
          <SendFile path={f.path} text={f.text} edit={edit} exists={f.exists} hasProblems={errors.length > 0} />
        </div>
      ))}
    </section>
  );
}
