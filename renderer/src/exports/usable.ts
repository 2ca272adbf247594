/** Whether a key can be written into a .env file now, and if not, why — in words for the user. */
import { displayStatus } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';

export function unusableReason(key: KeyView, now: number): string | null {
  switch (displayStatus(key, now)) {
    case 'revoked':
      return `${key.name} is revoked: its value was deleted, so there is nothing to write.`;
    case 'expired':
      return `${key.name} has expired: rotate it or change its expiry to use it again.`;
    case 'missing':
      return `${key.name} has no value in the OS keychain: import its value first.`;
    default:
      return null;
  }
}
