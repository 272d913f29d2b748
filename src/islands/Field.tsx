/** A labelled form field with optional help text, as every form island lays one out. */
import type { ReactNode } from 'react';

export default function Field(props: { id: string; label: string; help?: string | undefined; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.help && (
        <span id={`${props.id}-help`} className="help muted small">
          {props.help}
        </span>
      )}
      {props.children}
    </div>
  );
}
