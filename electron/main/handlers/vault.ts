/** `vault:*`: the keychain's state for the banner, doctor's checks and repairs, and expiry reminders. */
import { isVaultError } from '../../../shared/errors';
import { expiryReminders } from '../../../shared/reminders';
import { doctor } from '../../core/doctor';
import { isKeychainTimeout, KEYCHAIN_HELP, KEYCHAIN_SILENT_HELP } from '../../core/keychain';
import type { McpLocationEnv } from '../../core/mcp/locations';
import type { Vault } from '../../core/vault';
import type { HandlersOf } from './types';

export interface VaultHandlerDeps {
  vault: Vault;
  /** What opening the vault had to mend, for the app's banner. */
  notices: string[];
  /** Where the MCP clients' configs are (doctor looks for plaintext keys and stale connections there). */
  mcpLocations: McpLocationEnv;
}

export function vaultHandlers({ vault, notices, mcpLocations }: VaultHandlerDeps): HandlersOf<'vault'> {
  return {
    'vault:status': async () => {
      // A probe that reads no secret: unreachable, locked and silent keychains all fail it, each with its own help.
      let keychainHelp: string | null = null;
      try {
        await vault.secrets.check();
      } catch (error) {
        keychainHelp = isKeychainTimeout(error) ? KEYCHAIN_SILENT_HELP : isVaultError(error) ? error.message : KEYCHAIN_HELP;
      }
      return {
        keychainAvailable: keychainHelp === null,
        keychainHelp,
        storePath: vault.store.path,
        keyCount: Object.keys(vault.store.read().keys).length,
        notices,
      };
    },
    'vault:doctor': async ({ repair }) => doctor(vault, { repair, mcp: mcpLocations }),
    'vault:reminders': async () => expiryReminders(vault.list(), vault.now()),
  };
}
