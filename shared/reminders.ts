/**
 * Expiry and rotation reminders: which keys need attention now. Pure, so the banner (renderer), the
 * notification scheduler (main) and tests compute them alike from the same key views and clock.
 */
import { DAY_MS, derive } from './key-status';
import type { KeyView } from './types';

/** An active key whose last rotation (or creation) is older than this is due for rotation. */
export const ROTATION_DUE_DAYS = 90;

export interface ExpiryReminders {
  /** Active keys that expire within the "expiring soon" window, soonest first. */
  expiringSoon: KeyView[];
  /** Keys past their expiry (not revoked), most recently expired first. */
  expired: KeyView[];
  /** Active keys not rotated for ROTATION_DUE_DAYS days or more, oldest first. */
  rotationDue: KeyView[];
}

const time = (iso: string | null) => (iso === null ? Infinity : Date.parse(iso));

/** Keys paired with the time they sort by, parsed once: a comparator that parses dates runs O(n log n) times. */
type Timed = { key: KeyView; at: number };
const byTime = (list: Timed[], direction: 1 | -1): KeyView[] => list.sort((a, b) => direction * (a.at - b.at)).map((t) => t.key);

/** What the banner and the daily notification tell: keys expiring soon and expired keys. */
export type ExpiryAlerts = Pick<ExpiryReminders, 'expiringSoon' | 'expired'>;

export function expiryAlerts(keys: readonly KeyView[], now: number = Date.now()): ExpiryAlerts {
  const expiringSoon: Timed[] = [];
  const expired: Timed[] = [];
  for (const key of keys) {
    // Status is derived again from `now`: a view computed a while ago may be stale.
    const { status, expiringSoon: soon } = derive(key, now);
    if (status === 'expired') expired.push({ key, at: time(key.expiresAt) });
    else if (soon) expiringSoon.push({ key, at: time(key.expiresAt) });
  }
  return { expiringSoon: byTime(expiringSoon, 1), expired: byTime(expired, -1) };
}

/** When the key was last given a value: its rotation, or its creation. */
const lastNewValue = (key: KeyView) => time(key.rotatedAt ?? key.createdAt);

/** An active key whose value is ROTATION_DUE_DAYS days old or older. */
export function isRotationDue(key: KeyView, now: number = Date.now()): boolean {
  return derive(key, now).status === 'active' && lastNewValue(key) <= now - ROTATION_DUE_DAYS * DAY_MS;
}

export function expiryReminders(keys: readonly KeyView[], now: number = Date.now()): ExpiryReminders {
  const rotationDue = keys.filter((key) => isRotationDue(key, now)).map((key) => ({ key, at: lastNewValue(key) }));
  return { ...expiryAlerts(keys, now), rotationDue: byTime(rotationDue, 1) };
}

/** The notification text for keys that expire soon or have expired, or null when there is nothing to say. */
export function reminderMessage(reminders: ExpiryAlerts): { title: string; body: string } | null {
  const { expiringSoon, expired } = reminders;
  if (expiringSoon.length === 0 && expired.length === 0) return null;
  const plural = (n: number) => `${n} key${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (expired.length) parts.push(`${plural(expired.length)} expired`);
  if (expiringSoon.length) parts.push(`${plural(expiringSoon.length)} expiring soon`);
  const names = [...expired, ...expiringSoon].map((k) => k.name);
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  return { title: `MCP Key Vault: ${parts.join(', ')}`, body: `${shown}. Rotate or replace them before they break your servers.` };
}
