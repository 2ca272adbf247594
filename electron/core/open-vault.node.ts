/** The vault as plain Node opens it (CLI, tests, bench, the E2E bridge): conf store + keytar, located by env. */
import { ActivityLog } from './activity-log';
import { KeytarSecretStore } from './keychain';
import { keychainService, vaultHome } from './paths';
import { openNodeStore } from './store.node';
import { Vault } from './vault';

export function openNodeVault(env: NodeJS.ProcessEnv = process.env): Vault {
  const home = vaultHome(env);
  return new Vault({ store: openNodeStore(home), secrets: new KeytarSecretStore(keychainService(env)), activity: new ActivityLog(home) });
}
