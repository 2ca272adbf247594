/** A labelled text input or textarea whose hint and error are its accessible description. */
import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  type?: 'text' | 'email';
  autoFocus?: boolean;
  mono?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}

export function TextField({ label, value, onChange, error, hint, multiline, required, maxLength, placeholder, type = 'text', autoFocus, mono, list }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    maxLength,
    placeholder,
    'data-autofocus': autoFocus ? '' : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `input${mono ? ' mono' : ''}`,
    spellCheck: false,
  } as const;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? null : <span className="optional" aria-hidden="true"> optional</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete="off" list={list} onChange={(event) => onChange(event.target.value)} />
      )}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
