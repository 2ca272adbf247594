/**
 * The "Copied" toast's body while main waits to clear the clipboard: a countdown on this page's clock and
 * "Clear now", which asks main to clear it at once (main clears only if the clipboard still holds our copy).
 */
import { useEffect, useState } from 'react';
import { useNow } from '../hooks/useNow';
import { useUiStore, type Toast } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import './copy.css';

export function ClipboardCountdown({ toast, clearsAt }: { toast: Toast; clearsAt: number }) {
  const dismiss = useUiStore((s) => s.dismissToast);
  const replaceToast = useUiStore((s) => s.replaceToast);
  const [busy, setBusy] = useState(false);
  const now = useNow(250);
  const seconds = Math.max(0, Math.ceil((clearsAt - now) / 1000));
  useEffect(() => {
    if (seconds === 0) dismiss(toast.id);
  }, [seconds, dismiss, toast.id]);

  async function clearNow() {
    setBusy(true);
    try {
      const { cleared } = await vaultApi().clipboard.clear({});
      if (cleared) replaceToast(toast.id, 'Clipboard cleared');
      else replaceToast(toast.id, 'Nothing to clear: the clipboard no longer holds the copied key', 'info');
    } catch (error) {
      replaceToast(toast.id, errorMessage(error), 'error');
    }
  }

  return (
    <>
      <span className="toast-message">
        {toast.message} — clipboard clears in <span aria-live="off">{seconds}</span> s
      </span>
      <button type="button" className="button button-small toast-action" onClick={() => void clearNow()} disabled={busy}>
        Clear now
      </button>
    </>
  );
}
