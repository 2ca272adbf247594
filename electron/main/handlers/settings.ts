/** `settings:*`: the settings in the vault file, shared with the CLI. */
import type { SettingsStore } from '../../core/settings';
import type { HandlersOf } from './types';

export function settingsHandlers({ settings }: { settings: SettingsStore }): HandlersOf<'settings'> {
  return {
    'settings:get': async () => settings.get(),
    'settings:update': async (change) => settings.update(change),
  };
}
