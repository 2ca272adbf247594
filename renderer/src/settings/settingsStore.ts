/**
 * The user's settings as main keeps them (in the vault file, shared with the CLI). Loaded on start and
 * again when the vault changes on disk; changed one field at a time, each saved at once.
 */
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsUpdate } from '../../../shared/settings';
import { errorMessage, vaultApi } from '../vaultApi';

interface SettingsState {
  /** null until the first load answered. */
  settings: Settings | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Saves a change; resolves to null when saved, else the error in words. */
  update(change: SettingsUpdate): Promise<string | null>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  loadError: null,

  async load() {
    try {
      set({ settings: await vaultApi().settings.get({}), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  async update(change) {
    try {
      set({ settings: await vaultApi().settings.update(change), loadError: null });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
}));

/** The variable name of the `.env` copy format (the default until the settings have loaded). */
export function useDefaultEnvVar(): string {
  return useSettingsStore((s) => s.settings?.defaultEnvVar ?? DEFAULT_SETTINGS.defaultEnvVar);
}
