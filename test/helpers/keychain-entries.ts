/** What a test sees in the (test) keychain under one service: every entry but the keychain check's probe account. */
import { PROBE_ACCOUNT, PROBE_VALUE } from '../../electron/core/keychain';
import { keytar } from './process';

/** The probe account holds only PROBE_VALUE; anything else stored under its name still counts (and would be caught). */
export async function keychainEntries(service: string): Promise<{ account: string; password: string }[]> {
  return (await keytar.findCredentials(service)).filter((c) => c.account !== PROBE_ACCOUNT || c.password !== PROBE_VALUE);
}

/** Removes every entry under `service` (a test's own service, at its end); a keychain that cannot be reached is left be. */
export async function clearKeychain(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service).catch(() => [])) {
    await keytar.deletePassword(service, account).catch(() => false);
  }
}
