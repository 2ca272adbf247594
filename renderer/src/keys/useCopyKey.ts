/** Copies a key's value: main writes the clipboard (the value never comes here) and says when it clears. */
import { useCallback } from 'react';
import type { CopyFormat } from '../../../shared/copy-format';
import { copiedWhat } from '../copy/copyFormats';
import { useDefaultEnvVar } from '../settings/settingsStore';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';

/** `format`: the bare key (default), `NAME=<key>` with the default variable, or the key's HTTP header line. */
export function useCopyKey(): (id: string, format?: CopyFormat) => Promise<boolean> {
  const toastCopied = useUiStore((s) => s.toastCopied);
  const toastError = useUiStore((s) => s.toastError);
  const noteActivity = useUiStore((s) => s.noteActivity);
  const envVar = useDefaultEnvVar();
  return useCallback(
    async (id: string, format: CopyFormat = 'key') => {
      try {
        const { clearsAt, clearAfterSeconds } = await vaultApi().keys.copy({ id, format });
        toastCopied(clearsAt, { secondsLeft: clearAfterSeconds, what: copiedWhat(format, envVar) });
        return true;
      } catch (error) {
        toastError(errorMessage(error));
        return false;
      } finally {
        noteActivity();
      }
    },
    [toastCopied, toastError, noteActivity, envVar],
  );
}
