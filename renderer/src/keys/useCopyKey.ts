/** Copies a key's value: main writes the clipboard (the value never comes here) and says when it clears. */
import { useCallback } from 'react';
import { useUiStore } from '../store/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';

export function useCopyKey(): (id: string) => Promise<boolean> {
  const toastCopied = useUiStore((s) => s.toastCopied);
  const toastError = useUiStore((s) => s.toastError);
  return useCallback(
    async (id: string) => {
      try {
        const { clearsAt } = await vaultApi().keys.copy({ id });
        toastCopied(clearsAt);
        return true;
      } catch (error) {
        toastError(errorMessage(error));
        return false;
      }
    },
    [toastCopied, toastError],
  );
}
