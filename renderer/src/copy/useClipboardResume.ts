/**
 * On start (or a reload of the window), picks up a clear main is still waiting for: the countdown toast
 * comes back with the seconds main has left, so "Clear now" stays within reach.
 */
import { useEffect } from 'react';
import { useUiStore } from '../ui/uiStore';
import { vaultApi } from '../vaultApi';

export function useClipboardResume(): void {
  useEffect(() => {
    let cancelled = false;
    vaultApi()
      .clipboard.status({})
      .then((status) => {
        if (!cancelled && status && status.secondsLeft > 0) useUiStore.getState().toastCopied(status.clearsAt, { secondsLeft: status.secondsLeft });
      })
      // Nothing pending that we can tell: nothing to show.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
}
