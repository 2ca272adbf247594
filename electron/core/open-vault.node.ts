/** The vault as plain Node opens it (CLI, tests, bench, the E2E bridge): conf store + keytar, located by env. */
import { ActivityLog } from './activity-log';
import { KeytarSecretStore, type SecretStore } from './keychain';
import { keychainService, vaultHome } from './paths';
import { openNodeStore } from './store.node';
import { Vault } from './vault';

/** `wrapSecrets` lets the E2E bridge observe keychain traffic (test/ only); the app and CLI never pass it. */
export function openNodeVault(env: NodeJS.ProcessEnv = process.env, options: { wrapSecrets?: (secrets: SecretStore) => SecretStore } = {}): Vault {
  const home = vaultHome(env);
  return new Vault({ store: openNodeStore(home), secrets: (options.wrapSecrets ?? ((s: SecretStore) => s))(new KeytarSecretStore(keychainService(env))), activity: new ActivityLog(home) });
}
