/**
 * Keeps the vault current: changes made elsewhere (the CLI) reload the list. The first load starts in
 * main.tsx, before React renders, so the reply is on its way while the app mounts.
 */
import { useEffect } from 'react';
import { useKeysStore } from '../keys/keysStore';
import { vaultApi } from '../vaultApi';

export function useVaultSync(): void {
  useEffect(() => {
    const unsubscribe = vaultApi().on('vault:changed', () => void useKeysStore.getState().loadKeys());
    // Expiry is relative to now: refresh the clock the list judges by once a minute.
    const timer = setInterval(() => useKeysStore.getState().tick(Date.now()), 60_000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, []);
}
