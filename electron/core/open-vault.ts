/**
 * The vault as plain Node opens it (CLI, tests, bench, the E2E bridge): the store file + keytar, located by env.
 * The file is opened directly (store.ts reads and writes conf's format itself), not through conf: conf's schema
 * validator (ajv) would be loaded and run by every command, `mcpkv run` included. Tests open the same file with
 * conf (conf-store.ts), so the two keep agreeing.
 */
import path from 'node:path';
import { ActivityLog } from './activity-log';
import { KeytarSecretStore, type SecretStore } from './keychain';
import { keychainService, STORE_FILE_NAME, vaultHome } from './paths';
import { MetadataStore, openBackend } from './store';
import { recoveryNotes } from './recovery';
import { openStoreRecovering } from './store-recovery';
import { Vault } from './vault';

export interface OpenVaultOptions {
  /** Lets the E2E bridge observe keychain traffic (test/ only); the app and CLI never pass it. */
  wrapSecrets?: (secrets: SecretStore) => SecretStore;
}

function openPlainStore(home: string): MetadataStore {
  return new MetadataStore(openBackend(home));
}

function makeVault(env: NodeJS.ProcessEnv, store: MetadataStore, options: OpenVaultOptions): Vault {
  const secrets = new KeytarSecretStore(keychainService(env));
  return new Vault({ store, secrets: options.wrapSecrets ? options.wrapSecrets(secrets) : secrets, activity: new ActivityLog(vaultHome(env)) });
}

/** Opens the vault as it is (throws STORE_UNREADABLE for a broken file). */
export function openNodeVault(env: NodeJS.ProcessEnv = process.env, options: OpenVaultOptions = {}): Vault {
  return makeVault(env, openPlainStore(vaultHome(env)), options);
}

/**
 * Opens the vault, first mending what can be mended: an unreadable vault file is kept aside and the
 * vault rebuilt from the keychain; operations a killed process left half done are finished or undone.
 * Returns notes to show the user.
 */
export async function openNodeVaultRecovering(env: NodeJS.ProcessEnv = process.env, options: OpenVaultOptions = {}): Promise<{ vault: Vault; notes: string[] }> {
  const home = vaultHome(env);
  const { store, setAsideAs } = await openStoreRecovering(path.join(home, `${STORE_FILE_NAME}.json`), () => openPlainStore(home));
  const vault = makeVault(env, store, options);
  return { vault, notes: await recoveryNotes(vault, setAsideAs) };
}
