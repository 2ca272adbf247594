/**
 * What each IPC channel does. Plain Node: no `electron` import, so the same handlers run in the
 * Electron main process and, for end-to-end tests, behind the loopback bridge in test/.
 */
import { VaultError } from '../../shared/errors';
import type { IpcChannel, ParsedRequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import type { ClipboardService } from '../core/clipboard';
import { KEYCHAIN_HELP } from '../core/keychain';
import type { Vault } from '../core/vault';

export interface MainDeps {
  vault: Vault;
  clipboard: ClipboardService;
}

export type Handlers = { [C in IpcChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

/** A probe account that never holds anything: asking for it reaches the keychain without reading a secret. */
const PROBE_ACCOUNT = '__mcpkv_probe__';

function withoutPrevious({ previousSecret: _previous, ...key }: KeyWithSecret & { previousSecret: string }): KeyWithSecret {
  return key;
}

function withoutSecret({ secret: _secret, ...key }: KeyWithSecret): KeyView {
  return key;
}

export function createHandlers({ vault, clipboard }: MainDeps): Handlers {
  return {
    'vault:status': async () => {
      let keychainAvailable = true;
      try {
        await vault.secrets.get(PROBE_ACCOUNT);
      } catch {
        keychainAvailable = false;
      }
      return {
        keychainAvailable,
        keychainHelp: keychainAvailable ? null : KEYCHAIN_HELP,
        storePath: vault.store.path,
        keyCount: Object.keys(vault.store.read().keys).length,
      };
    },
    'keys:list': async () => vault.list(),
    'keys:get': async ({ id }) => vault.get(id),
    'keys:create': async (input) => {
      const key = await vault.create(input);
      // A generated key is shown once after creation; an imported one is the user's own and is not sent back.
      return input.importSecret !== undefined ? withoutSecret(key) : key;
    },
    'keys:edit': async ({ id, changes }) => vault.edit(id, changes),
    'keys:reveal': async ({ id }) => ({ secret: await vault.secretOf(id) }),
    'keys:copy': async ({ id }) => {
      const key = vault.get(id);
      if (key.status !== 'active') throw new VaultError('KEY_INACTIVE', `Key "${key.name}" is ${key.status}; it cannot be copied.`);
      const result = await clipboard.copy(await vault.secretOf(id));
      await vault.markUsed(id);
      return result;
    },
    'keys:revoke': async ({ id }) => vault.revoke(id),
    'keys:delete': async ({ id, confirmName }) => {
      const key = vault.get(id);
      if (confirmName.trim() !== key.name) throw new VaultError('VALIDATION', 'Type the key\'s name exactly to confirm deleting it.');
      await vault.delete(id);
      return { id };
    },
    'keys:rotate': async ({ id, newSecret }) => {
      const rotated = withoutPrevious(await vault.rotate(id, { newSecret }));
      return newSecret !== undefined ? withoutSecret(rotated) : rotated;
    },
  };
}
