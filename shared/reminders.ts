/**
 * Expiry and rotation reminders: which keys need attention now. Pure, so the banner (renderer), the
 * notification scheduler (main) and tests compute them alike from the same key views and clock.
 */
import { isExpiringSoon, keyStatus } from './key-status';
import type { KeyView } from './types';

const DAY_MS = 86_400_000;
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

export function expiryReminders(keys: readonly KeyView[], now: number = Date.now()): ExpiryReminders {
  const expiringSoon: KeyView[] = [];
  const expired: KeyView[] = [];
  const rotationDue: KeyView[] = [];
  for (const key of keys) {
    // Status is derived again from `now`: a view computed a while ago may be stale.
    const status = keyStatus(key, now);
    if (status === 'expired') expired.push(key);
    if (status !== 'active') continue;
    if (isExpiringSoon(key, now)) expiringSoon.push(key);
    if (time(key.rotatedAt ?? key.createdAt) <= now - ROTATION_DUE_DAYS * DAY_MS) rotationDue.push(key);
  }
  expiringSoon.sort((a, b) => time(a.expiresAt) - time(b.expiresAt));
  expired.sort((a, b) => time(b.expiresAt) - time(a.expiresAt));
  rotationDue.sort((a, b) => time(a.rotatedAt ?? a.createdAt) - time(b.rotatedAt ?? b.createdAt));
  return { expiringSoon, expired, rotationDue };
}

/** The notification text for keys that expire soon or have expired, or null when there is nothing to say. */
export function reminderMessage(reminders: Pick<ExpiryReminders, 'expiringSoon' | 'expired'>): { title: string; body: string } | null {
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
