/** The parts every form dialog ends with: the form's error in words, and Cancel next to the main action. */
import type { ReactNode } from 'react';

export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function DialogActions({ onCancel, busy, children }: { onCancel: () => void; busy: boolean; children: ReactNode }) {
  return (
    <footer className="dialog-footer">
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      {children}
    </footer>
  );
}
