/**
 * A field to paste a key value into. Uncontrolled on purpose: the value lives only in the input (never
 * in React state, the store or a DOM attribute) and is read once, on submit, through the ref.
 */
import { forwardRef, useId, useState } from 'react';

interface SecretInputProps {
  label: string;
  error?: string;
  hint?: string;
  autoFocus?: boolean;
  onInput?(): void;
}

/** Trims a pasted value; tells whether anything was trimmed. */
export function trimSecret(raw: string): { secret: string; trimmed: boolean } {
  const secret = raw.trim();
  return { secret, trimmed: secret !== raw };
}

export const SecretInput = forwardRef<HTMLInputElement, SecretInputProps>(function SecretInput({ label, error, hint, autoFocus, onInput }, ref) {
  const id = useId();
  const [hasOuterSpace, setHasOuterSpace] = useState(false);
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hasOuterSpace ? noteId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="password"
        className="input mono"
        autoComplete="off"
        spellCheck={false}
        data-autofocus={autoFocus ? '' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setHasOuterSpace(value !== value.trim());
          onInput?.();
        }}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {hasOuterSpace ? (
        <p id={noteId} className="field-note">
          Spaces or line breaks around the value will be trimmed.
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
});
