/**
 * The frame of a preview: "Preview <file>", a one-line summary of what the change does, how values are hidden,
 * then the diff — or, while there is none, why (loading, a field to fix, main's refusal).
 */
import { useId, type ReactNode } from 'react';

interface PreviewPanelProps {
  file: string | null;
  summary: string;
  hint: string;
  /** Shown above the diff (a warning about the change). */
  notice?: ReactNode;
  /** Said instead of the diff, or null to show it. */
  placeholder: string | null;
  /** The placeholder is a refusal: said as an error. */
  isError?: boolean;
  children: ReactNode;
}

export function PreviewPanel({ file, summary, hint, notice, placeholder, isError = false, children }: PreviewPanelProps) {
  const titleId = useId();
  return (
    <section className="use-preview" aria-labelledby={titleId}>
      <header className="use-preview-head">
        <h3 id={titleId}>
          Preview{file ? <span className="mono use-preview-file"> {file}</span> : null}
        </h3>
        <p className="use-preview-summary" aria-live="polite">
          {summary}
        </p>
        <p className="field-hint">{hint}</p>
      </header>
      {notice}
      {placeholder ? (
        <p className={`use-preview-empty${isError ? ' is-error' : ''}`} role={isError ? 'alert' : undefined}>
          {placeholder}
        </p>
      ) : (
        children
      )}
    </section>
  );
}
