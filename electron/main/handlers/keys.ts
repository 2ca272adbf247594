/**
 * `keys:*`: the key lifecycle as the renderer asks for it. A secret goes back only where the user is meant
 * to see it (a generated key once after creation or rotation, a reveal); copying never sends it.
 */
import { VaultError } from '../../../shared/errors';
import type { KeyView, KeyWithSecret } from '../../../shared/types';
import type { ClipboardService } from '../../core/clipboard';
import { textToCopy } from '../../core/copy';
import { withDefaultExpiry, type SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault';
import { withMissingValues } from '../../core/missing-values';
import type { HandlersOf } from './types';

export interface KeysHandlerDeps {
  vault: Vault;
  settings: SettingsStore;
  clipboard: ClipboardService;
}

function withoutPrevious<T extends KeyWithSecret>({ previousSecret: _previous, ...key }: T & { previousSecret: string }): Omit<T, 'previousSecret'> {
  return key;
}

function withoutSecret({ secret: _secret, ...key }: KeyWithSecret): KeyView {
  return key;
}

export function keysHandlers({ vault, settings, clipboard }: KeysHandlerDeps): HandlersOf<'keys'> {
  return {
    // Each key says whether its value is still in the keychain (one listing of the keychain's accounts).
    'keys:list': async () => withMissingValues(vault, vault.list()),
    'keys:get': async ({ id }) => vault.get(id),
    'keys:create': async (input) => {
      // No expiry given: the `defaultExpiryDays` setting (an explicit one is kept as given).
      const key = await vault.create(withDefaultExpiry(input, settings.get()));
      // A generated key is shown once after creation; an imported one is the user's own and is not sent back.
      return input.importSecret !== undefined ? withoutSecret(key) : key;
    },
    'keys:edit': async ({ id, changes }) => vault.edit(id, changes),
    'keys:reveal': async ({ id }) => ({ secret: await vault.reveal(id) }),
    'keys:copy': async ({ id, format = 'key' }) => {
      const current = settings.get();
      const { text } = await textToCopy(vault, id, format, current);
      const seconds = current.clipboardClearSeconds;
      const result = await clipboard.copy(text, seconds === null ? null : seconds * 1000);
      await vault.recordUse(id, 'copied', format);
      return result;
    },
    'keys:revoke': async ({ id, removeFromFiles }) => vault.revoke(id, { removeFromFiles }),
    'keys:delete': async ({ id, confirmName, removeFromFiles }) => {
      const key = vault.get(id);
      if (confirmName.trim() !== key.name) throw new VaultError('VALIDATION', 'Type the key\'s name exactly to confirm deleting it.');
      const { exports } = await vault.delete(id, { removeFromFiles });
      return { id, exports };
    },
    'keys:rotate': async ({ id, newSecret }) => {
      const { exports, ...rotated } = await vault.rotate(id, { newSecret });
      const key = withoutPrevious(rotated);
      return { ...(newSecret !== undefined ? withoutSecret(key) : key), exports };
    },
  };
}
