/**
 * User settings: how long a copied key stays on the clipboard, the default expiry of new keys, the default
 * variable name for `.env` copies, and whether expiry reminders show as OS notifications.
 *
 * Pure: types and defaults, shared by main, the CLI and the renderer (no zod: the renderer's first chunk uses
 * them); the schemas that check and read settings are in schemas.ts. Settings live in the vault file
 * (`vault.json`, field `settings`), so the app and the CLI share them.
 */
import { DEFAULT_ENV_VAR } from './exports';

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
  defaultEnvVar: DEFAULT_ENV_VAR,
  notifications: true,
  lastNotifiedAt: null,
});

/** "30 s", "2 min", "never": for labels and the CLI. */
export function describeClearTime(seconds: number | null): string {
  if (seconds === null || seconds === 0) return 'never';
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
