/** Loads the settings on start and again whenever the vault file changes (the CLI shares them). */
import { useEffect } from 'react';
import { useVaultReloads } from '../activity/useVaultReloads';
import { useSettingsStore } from './settingsStore';

export function useSettingsSync(): void {
  useEffect(() => {
    void useSettingsStore.getState().load();
  }, []);
  useVaultReloads(() => void useSettingsStore.getState().load());
}
