/** Loads the vault on start and keeps it current: changes made elsewhere (the CLI) reload the list. */
import { useEffect } from 'react';
import { useVaultStore } from '../store/vaultStore';
import { vaultApi } from '../vaultApi';

export function useVaultSync(): void {
  useEffect(() => {
    const { loadStatus, loadKeys } = useVaultStore.getState();
    void loadStatus();
    void loadKeys();
    const unsubscribe = vaultApi().on('vault:changed', () => void useVaultStore.getState().loadKeys());
    // Expiry is relative to now: refresh the clock the list judges by once a minute.
    const timer = setInterval(() => useVaultStore.getState().tick(Date.now()), 60_000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, []);
}
