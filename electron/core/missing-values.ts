/**
 * Which keys have lost their value: not revoked, yet the OS keychain has no entry for them (doctor's
 * "missing-secret"). Found from one listing of the keychain's accounts, never by reading the values one by one,
 * so the key list can carry it at 10,000 keys.
 */
import type { KeyView } from '../../shared/types';
import type { Vault } from './vault';

/**
 * The views with `secretMissing` set where the value is gone. A keychain that cannot be listed now (locked or
 * unreachable: listIds checks first, since listing a locked collection crashes keytar) tells nothing: no key is
 * marked, the app's banner says what is wrong with the keychain instead.
 */
export async function withMissingValues(vault: Vault, views: KeyView[]): Promise<KeyView[]> {
  if (!views.some((view) => view.revokedAt === null)) return views;
  let accounts: Set<string>;
  try {
    accounts = new Set(await vault.secrets.listIds());
  } catch {
    return views;
  }
  return views.map((view) => (view.revokedAt === null && !accounts.has(view.id) ? { ...view, secretMissing: true } : view));
}
