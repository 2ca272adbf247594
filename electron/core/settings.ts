/**
 * Settings in the vault file (`vault.json`, top-level field `settings`), so the app and the CLI share them.
 * Changes go through the MetadataStore's locked read-modify-write like every other change to that file.
 */
import { DEFAULT_SETTINGS, type Settings, type SettingsUpdate } from '../../shared/settings';
import { parseOrThrow, readSettings, settingsUpdateSchema } from '../../shared/schemas';
import type { MetadataStore } from './store';

export const SETTINGS_FIELD = 'settings';

export class SettingsStore {
  constructor(private readonly store: MetadataStore) {}

  get(): Settings {
    return readSettings(this.store.read()[SETTINGS_FIELD]);
  }

  /** Validates and applies a change; returns the settings after it. */
  async update(change: SettingsUpdate): Promise<Settings> {
    const parsed = parseOrThrow(settingsUpdateSchema, change);
    return this.write((current) => ({ ...current, ...definedOnly(parsed) }));
  }

  /** Remembers when the expiry notification was last shown (kept by the app, never set by users). */
  async markNotified(at: Date): Promise<Settings> {
    return this.write((current) => ({ ...current, lastNotifiedAt: at.toISOString() }));
  }

  private write(next: (current: Settings) => Settings): Promise<Settings> {
    return this.store.update((data) => {
      const current = readSettings(data[SETTINGS_FIELD]);
      const updated = next(current);
      if (sameSettings(current, updated)) return { data, result: current };
      return { data: { ...data, [SETTINGS_FIELD]: updated }, result: updated };
    });
  }
}

function definedOnly(update: SettingsUpdate): SettingsUpdate {
  return Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) as SettingsUpdate;
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).every((k) => a[k] === b[k]);
}

/**
 * A create request without an expiry gets the `defaultExpiryDays` setting; an explicit expiry is kept as given. An
 * imported key gets none: its expiry is its provider's, which we do not know (the rotation reminder still applies).
 */
export function withDefaultExpiry<T extends { expiresInDays?: number; expiresAt?: string | null; importSecret?: string }>(
  input: T,
  settings: Pick<Settings, 'defaultExpiryDays'>,
): T {
  if (input.expiresInDays !== undefined || input.expiresAt !== undefined) return input;
  return { ...input, expiresInDays: input.importSecret !== undefined ? 0 : settings.defaultExpiryDays };
}
