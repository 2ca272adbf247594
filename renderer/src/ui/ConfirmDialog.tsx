/** A dialog asking to confirm one action, with room for an explanation, a field and an error. */
import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogActions, FormError } from './DialogParts';

interface ConfirmDialogProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  confirmDisabled?: boolean;
  /** Why the confirm button is disabled (its tooltip). */
  confirmDisabledReason?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDialog({
  title,
  subtitle,
  children,
  confirmLabel,
  tone = 'primary',
  confirmDisabled = false,
  confirmDisabledReason,
  busy = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmDisabled && !busy) onConfirm();
  }
  return (
    <Dialog title={title} subtitle={subtitle} onClose={onClose} size="small" busy={busy}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="dialog-body">
          {children}
          <FormError message={error} />
        </div>
        <DialogActions onCancel={onClose} busy={busy}>
          <button
            type="submit"
            className={`button button-${tone}`}
            disabled={confirmDisabled || busy}
            title={confirmDisabled ? confirmDisabledReason : undefined}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
