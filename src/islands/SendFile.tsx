/**
 * Hands a file written in the browser to the git host: a prefilled "create new file" link (or,
 * for a file that already exists, its edit page), copy and download buttons, and the text itself.
 * Shared by the entry composer and the assessment composer.
 */
import { useId, useState, type ReactNode } from 'react';
import { editFileUrl, editLocation, MAX_PREFILLED_URL, newFileUrl, type EditContext } from '../lib/edit-links.ts';

interface Props {
  path: string;
  text: string;
  edit: EditContext;
  /** The file exists already: send people to its edit page (the host cannot prefill an edit). */
  exists?: boolean;
  hasProblems: boolean;
  children?: ReactNode;
}

export default function SendFile({ path, text, edit, exists = false, hasProblems, children }: Props) {
  const uid = useId();
  const [copied, setCopied] = useState('');
  const location = editLocation(path, edit);
  const prefilled = newFileUrl(location, text);
  const tooLong = prefilled.length > MAX_PREFILLED_URL;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('The file text is copied. Paste it into the page on the git host.');
    } catch {
      setCopied('Copying did not work in this browser: select the text in the box below and copy it.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = path.split('/').pop() ?? 'file.txt';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="send-file">
      <p className="small">
        File: <code data-testid="composer-path">{location.path}</code>
      </p>
      {hasProblems && <p className="small">You can send the file anyway; the check on the pull request will list the same things to fix.</p>}
      {exists ? (
        <p className="notice" role="note">
          This file exists already. Copy the text, open its edit page, replace everything with what you copied, and propose the change.{' '}
          <a className="button" href={editFileUrl(location)} data-testid="composer-edit-file">
            Open the edit page
          </a>
        </p>
      ) : tooLong ? (
        <p className="notice warn" role="note">
          This file is too long to send in a link. Copy the text, open an empty new-file page and paste it.{' '}
          <a className="button" href={newFileUrl(location)} data-testid="composer-new-file">
            Open an empty new-file page
          </a>
        </p>
      ) : (
        <p>
          <a className="button" href={prefilled} data-testid="composer-new-file">
            Create the file on the git host
          </a>
        </p>
      )}
      <p>
        <button type="button" className="button secondary" onClick={copy}>
          Copy the text
        </button>{' '}
        <button type="button" className="button secondary" onClick={download}>
          Download the file
        </button>
      </p>
      <p role="status" aria-live="polite" className="small">
        {copied}
      </p>
      {children}
      <label htmlFor={`${uid}-text`}>The file</label>
      <textarea id={`${uid}-text`} readOnly rows={12} value={text} data-testid="composer-text" />
    </div>
  );
}
