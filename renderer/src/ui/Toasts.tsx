/** Results and errors in words: role="status" for results, role="alert" for errors. */
import { useEffect } from 'react';
import { ClipboardCountdown } from '../copy/ClipboardCountdown';
import { useUiStore, type Toast } from './uiStore';
import { Icon } from './Icon';

const SHOW_MS = { success: 5_000, info: 5_000, error: 10_000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUiStore((s) => s.dismissToast);
  const counting = toast.clipboardClearsAt !== undefined;
  useEffect(() => {
    if (counting) return;
    const timer = setTimeout(() => dismiss(toast.id), SHOW_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [counting, dismiss, toast.id, toast.tone]);

  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast-icon">
        <Icon name={toast.tone === 'error' ? 'alert' : 'check'} />
      </span>
      {toast.clipboardClearsAt !== undefined ? (
        <ClipboardCountdown toast={toast} clearsAt={toast.clipboardClearsAt} />
      ) : (
        <span className="toast-message">{toast.message}</span>
      )}
      <button type="button" className="icon-button toast-close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}
