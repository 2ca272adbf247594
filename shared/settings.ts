/**
 * User settings: how long a copied key stays on the clipboard, the default expiry of new keys, the default
 * variable name for `.env` copies, and whether expiry reminders show as OS notifications.
 *
 * Pure: types, defaults and schemas, shared by main, the CLI and the renderer. Settings live in the vault file
 * (`vault.json`, field `settings`), so the app and the CLI share them.
 */
import { z } from 'zod';
import { envVarNameSchema, expiresInDaysSchema } from './schemas';

/** The clipboard clear times users can choose, in seconds; null = never clear. */
export const CLIPBOARD_CLEAR_CHOICES = [10, 30, 60, 120, 300] as const;
export type ClipboardClearSeconds = (typeof CLIPBOARD_CLEAR_CHOICES)[number] | null;

export interface Settings {
  /** Seconds until a copied key is cleared from the clipboard (if it is still there); null = never. */
  clipboardClearSeconds: ClipboardClearSeconds;
  /** Expiry of a new key when none is given, in days; 0 = never. */
  defaultExpiryDays: number;
  /** The variable name of the `env` copy format (`MCP_API_KEY=<key>`). */
  defaultEnvVar: string;
  /** Show an OS notification (at most once a day) when keys are expiring or expired. */
  notifications: boolean;
  /** When the last expiry notification was shown (ISO 8601); kept by the app, not set by users. */
  lastNotifiedAt: string | null;
}

/** What users may change (settings:update, `mcpkv settings`). */
export type SettingsUpdate = Partial<Omit<Settings, 'lastNotifiedAt'>>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  clipboardClearSeconds: 30,
  defaultExpiryDays: 90,
  defaultEnvVar: 'MCP_API_KEY',
  notifications: true,
  lastNotifiedAt: null,
});

export const clipboardClearSecondsSchema = z
  .union([z.literal(CLIPBOARD_CLEAR_CHOICES), z.null()], {
    error: `Clipboard clear time must be one of ${CLIPBOARD_CLEAR_CHOICES.join(', ')} seconds, or never`,
  });

const fieldSchemas = {
  clipboardClearSeconds: clipboardClearSecondsSchema,
  defaultExpiryDays: expiresInDaysSchema,
  defaultEnvVar: envVarNameSchema,
  notifications: z.boolean({ error: 'Notifications must be on or off' }),
} as const;

/** A change to the settings: every field optional, nothing else allowed. */
export const settingsUpdateSchema = z.strictObject({
  clipboardClearSeconds: fieldSchemas.clipboardClearSeconds.optional(),
  defaultExpiryDays: fieldSchemas.defaultExpiryDays.optional(),
  defaultEnvVar: fieldSchemas.defaultEnvVar.optional(),
  notifications: fieldSchemas.notifications.optional(),
});

/**
 * The settings as stored, read leniently: a field that is missing or hand-edited into something invalid takes
 * its default, so a bad value can never stop the app or the CLI from opening.
 */
export function readSettings(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const pick = <K extends keyof typeof fieldSchemas>(key: K): Settings[K] => {
    const parsed = fieldSchemas[key].safeParse(stored[key]);
    return (parsed.success ? parsed.data : DEFAULT_SETTINGS[key]) as Settings[K];
  };
  const last = stored.lastNotifiedAt;
  return {
    clipboardClearSeconds: pick('clipboardClearSeconds'),
    defaultExpiryDays: pick('defaultExpiryDays'),
    defaultEnvVar: pick('defaultEnvVar'),
    notifications: pick('notifications'),
    lastNotifiedAt: typeof last === 'string' && !Number.isNaN(Date.parse(last)) ? new Date(last).toISOString() : null,
  };
}

/** "30 s", "2 min", "never": for labels and the CLI. */
export function describeClearTime(seconds: number | null): string {
  if (seconds === null || seconds === 0) return 'never';
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
