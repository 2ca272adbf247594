/** How dates, statuses and shortcuts read in the UI. */
import { describeExpiry } from '../../shared/key-status';
import type { DisplayStatus, KeySort, StatusFilter } from '../../shared/key-search';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null, none = '—'): string {
  if (iso === null) return none;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? none : dateTime.format(ms);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", "never". */
export function describeLastUsed(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const ago = now - Date.parse(iso);
  if (Number.isNaN(ago)) return 'never';
  if (ago < 60_000) return 'just now';
  if (ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  if (ago < 86_400_000) return `${Math.floor(ago / 3_600_000)} h ago`;
  return describeExpiry(iso, now);
}

/** "1 key", "3 keys", "10,000 keys"; `many` for irregular plurals ("entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Why a key with no value in the keychain (status `missing`) cannot be copied, revealed or written. */
export const MISSING_VALUE = 'The value of this key is missing from the OS keychain: import its value or delete the key.';

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  missing: 'No value',
};

export const FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const SORT_LABELS: Record<KeySort, string> = {
  name: 'Name',
  created: 'Newest',
  expiry: 'Expiry',
  lastUsed: 'Last used',
};

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The label of the platform's command modifier: ⌘ on macOS, Ctrl elsewhere. */
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';
