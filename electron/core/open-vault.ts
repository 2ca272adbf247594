/** The vault as plain Node opens it (CLI, tests, bench, the E2E bridge): conf store + keytar, located by env. */
import fs from 'node:fs';
import path from 'node:path';
import { isVaultError } from '../../shared/errors';
import { ActivityLog } from './activity-log';
import { KeytarSecretStore, type SecretStore } from './keychain';
import { keychainService, STORE_FILE_NAME, vaultHome } from './paths';
import { openNodeStore } from './conf-store';
import { openStoreRecovering, rebuildMarker } from './store-recovery';
import type { MetadataStore } from './store';
import { Vault } from './vault';

export interface OpenVaultOptions {
  /** Lets the E2E bridge observe keychain traffic (test/ only); the app and CLI never pass it. */
  wrapSecrets?: (secrets: SecretStore) => SecretStore;
}

function makeVault(env: NodeJS.ProcessEnv, store: MetadataStore, options: OpenVaultOptions): Vault {
  const secrets = new KeytarSecretStore(keychainService(env));
  return new Vault({ store, secrets: options.wrapSecrets ? options.wrapSecrets(secrets) : secrets, activity: new ActivityLog(vaultHome(env)) });
}

/** Opens the vault as it is (throws STORE_UNREADABLE for a broken file). */
export function openNodeVault(env: NodeJS.ProcessEnv = process.env, options: OpenVaultOptions = {}): Vault {
  return makeVault(env, openNodeStore(vaultHome(env)), options);
}

/**
 * Opens the vault, first mending what can be mended: an unreadable vault file is kept aside and the
 * vault rebuilt from the keychain; operations a killed process left half done are finished or undone.
 * Returns notes to show the user.
 */
export async function openNodeVaultRecovering(env: NodeJS.ProcessEnv = process.env, options: OpenVaultOptions = {}): Promise<{ vault: Vault; notes: string[] }> {
  const home = vaultHome(env);
  const { store, setAsideAs } = await openStoreRecovering(path.join(home, `${STORE_FILE_NAME}.json`), () => openNodeStore(home));
  const vault = makeVault(env, store, options);
  return { vault, notes: await recoveryNotes(vault, setAsideAs) };
}

/** What opening had to mend, in words; shared by the CLI, the app and the bridge. */
export async function recoveryNotes(vault: Vault, setAsideAs: string | null): Promise<string[]> {
  const notes: string[] = [];
  const marker = rebuildMarker(vault.store.path);
  try {
    if (fs.existsSync(marker)) {
      const adopted = await vault.adoptOrphanSecrets();
      fs.rmSync(marker, { force: true });
      if (setAsideAs) {
        notes.push(
          `The vault file could not be read. It was kept as ${setAsideAs} and the vault rebuilt from the OS keychain: ${adopted.length} key(s) recovered.`,
        );
      }
    }
    notes.push(...(await vault.recoverInterrupted()));
  } catch (error) {
    // Without a keychain the vault still opens (read-only); mending waits for the next start.
    if (!(isVaultError(error) && error.code === 'KEYCHAIN_UNAVAILABLE')) throw error;
    if (setAsideAs) notes.push(`The vault file could not be read and was kept as ${setAsideAs}; keys will be recovered from the OS keychain once it is available.`);
  }
  return notes;
}
