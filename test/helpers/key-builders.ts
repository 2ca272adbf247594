/**
 * Keys for tests of pure logic (status, search, reminders, notifications): every field a plain default, so a
 * test names only the fields it is about. Dates are relative to the test's own `now`.
 */
import { DAY_MS, toKeyView } from '../../shared/key-status';
import type { KeyRecord, KeyView } from '../../shared/types';

export const iso = (ms: number): string => new Date(ms).toISOString();

let made = 0;

/**
 * A stored key: generated (`mcp_sk_…ab12`), created 10 days before `now`, never expiring, revoked, rotated or
 * used. Each gets its own id.
 */
export function keyRecord(now: number, fields: Partial<KeyRecord> = {}): KeyRecord {
  made += 1;
  return {
    id: made.toString(16).padStart(16, '0'),
    name: `key-${made}`,
    description: '',
    owner: '',
    permissions: [],
    metadata: {},
    source: 'generated',
    prefix: 'mcp_sk_',
    fingerprint: 'ab12',
    createdAt: iso(now - 10 * DAY_MS),
    expiresAt: null,
    revokedAt: null,
    rotatedAt: null,
    lastUsedAt: null,
    usageCount: 0,
    ...fields,
  };
}

/** What the app lists for that key: its status derived at `viewedAt` (by default `now`), as the vault derives it. */
export function keyView(now: number, fields: Partial<KeyRecord> = {}, viewedAt: number = now): KeyView {
  return toKeyView(keyRecord(now, fields), viewedAt);
}
