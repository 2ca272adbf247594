import type { KeyRecord, KeyStatus, KeyView } from './types';

/** How close to expiry a key counts as "expiring soon". */
export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

export function keyStatus(record: Pick<KeyRecord, 'revokedAt' | 'expiresAt'>, now: number = Date.now()): KeyStatus {
  if (record.revokedAt) return 'revoked';
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now) return 'expired';
  return 'active';
}

export function isExpiringSoon(record: Pick<KeyRecord, 'revokedAt' | 'expiresAt'>, now: number = Date.now()): boolean {
  return (
    keyStatus(record, now) === 'active' &&
    record.expiresAt !== null &&
    Date.parse(record.expiresAt) - now <= EXPIRING_SOON_DAYS * DAY_MS
  );
}

export function toKeyView(record: KeyRecord, now: number = Date.now()): KeyView {
  return { ...record, status: keyStatus(record, now), expiringSoon: isExpiringSoon(record, now) };
}

/** Expiry as an ISO string `days` from `now`; 0 days means never (null). */
export function expiryFromDays(days: number, now: number = Date.now()): string | null {
  return days === 0 ? null : new Date(now + days * DAY_MS).toISOString();
}

/** "in 3 days", "2 days ago", "never": for tables and the CLI. */
export function describeExpiry(expiresAt: string | null, now: number = Date.now()): string {
  if (expiresAt === null) return 'never';
  const diff = Date.parse(expiresAt) - now;
  const days = Math.round(Math.abs(diff) / DAY_MS);
  const span = days === 0 ? (Math.abs(diff) < 3_600_000 ? 'less than an hour' : 'today') : `${days} day${days === 1 ? '' : 's'}`;
  if (span === 'today') return diff >= 0 ? 'today' : 'earlier today';
  return diff >= 0 ? `in ${span}` : `${span} ago`;
}
