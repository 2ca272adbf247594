/**
 * `keys:*`: the key lifecycle as the renderer asks for it. A secret goes back only where the user is meant
 * to see it (a generated key once after creation or rotation, a reveal); copying never sends it.
 *
 * The renderer is not trusted to have asked the user: beyond a few secrets a minute, and before destroying the
 * only copy of a key's value, main asks itself, in a dialog it draws (confirmations.ts).
 */
import { VaultError } from '../../../shared/errors';
import { IMPORTED_KEY_NOTE } from '../../../shared/key-status';
import type { KeyView, KeyWithSecret } from '../../../shared/types';
import type { ClipboardService } from '../../core/clipboard';
import { textToCopy } from '../../core/copy';
import { someFileHolds } from '../../core/exports/sync-files';
import { connectionsOfKey } from '../../core/mcp/connection-records';
import { someConfigHolds } from '../../core/mcp/sync-configs';
import type { ExportsService } from '../../core/exports/exports-service';
import { withDefaultExpiry, type SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault';
import { withMissingValues } from '../../core/missing-values';
import { COPY_BUDGET, SECRET_BUDGET, UseBudget, type Confirmations } from '../confirmations';
import type { HandlersOf } from './types';

export interface KeysHandlerDeps {
  vault: Vault;
  settings: SettingsStore;
  clipboard: ClipboardService;
  exports: ExportsService;
  confirmations: Confirmations;
}

function withoutPrevious<T extends KeyWithSecret>({ previousSecret: _previous, ...key }: T & { previousSecret: string }): Omit<T, 'previousSecret'> {
  return key;
}

function withoutSecret({ secret: _secret, ...key }: KeyWithSecret): KeyView {
  return key;
}

const MANY = `The vault was asked for more than ${SECRET_BUDGET.count} key values within a minute.`;
const UNASKED = 'If you did not ask for this, choose Cancel: something in the window may be misbehaving.';


export function keysHandlers({ vault, settings, clipboard, exports, confirmations }: KeysHandlerDeps): HandlersOf<'keys'> {
  const secrets = new UseBudget(SECRET_BUDGET, vault.now);
  const copies = new UseBudget(COPY_BUDGET, vault.now);

  /**
   * Would removing the key's value (and, with `removeFromFiles`, its .env lines and client headers) leave no copy of
   * it anywhere the vault knows? True for a key with a value unless a recorded .env file or MCP client header still
   * holds it and is kept.
   */
  async function destroysOnlyCopy(key: KeyView, removeFromFiles: boolean | undefined): Promise<boolean> {
    if (key.status === 'revoked') return false;
    const value = await vault.secretOf(key.id).catch((error: unknown) => {
      if (error instanceof VaultError && error.code === 'NOT_FOUND') return null; // nothing left to lose
      throw error;
    });
    if (value === null) return false;
    if (removeFromFiles === true) return true;
    return !(await someFileHolds(exports.recordsFor(key.id), value)) && !(await someConfigHolds(connectionsOfKey(vault.store.read(), key.id), value));
  }

  /** Before a revoke or delete that would destroy the last copy of the value: main's own dialog. */
  async function confirmDestroying(key: KeyView, action: 'Revoke' | 'Delete', removeFromFiles: boolean | undefined): Promise<void> {
    if (!(await destroysOnlyCopy(key, removeFromFiles))) return;
    const files = removeFromFiles ? ' It is also taken out of the .env files and MCP client configs it went to.' : ' No .env file or MCP client config keeps a copy.';
    await confirmations.require({
      title: `${action} a key`,
      message: `${action} key “${key.name}”?`,
      detail: `Its value is deleted from the OS keychain and cannot be recovered.${files}${key.source === 'imported' ? ` ${IMPORTED_KEY_NOTE}` : ''}`,
      confirmLabel: action,
    });
  }

  return {
    // Each key says whether its value is still in the keychain (one listing of the keychain's accounts).
    'keys:list': async () => withMissingValues(vault, vault.list()),
    'keys:get': async ({ id }) => vault.get(id),
    'keys:create': async (input) => {
      // A generated key is shown once after creation: a secret handed out, within the budget or asked for.
      if (input.importSecret === undefined) {
        await confirmations.withinBudgetOrAsk(secrets, {
          title: 'Create a key',
          message: `Create key “${input.name}” and show its value?`,
          detail: `${MANY} ${UNASKED}`,
          confirmLabel: 'Create',
        });
      }
      // No expiry given: the `defaultExpiryDays` setting (an explicit one is kept as given).
      const key = await vault.create(withDefaultExpiry(input, settings.get()));
      // An imported key is the user's own and is not sent back.
      return input.importSecret !== undefined ? withoutSecret(key) : key;
    },
    'keys:edit': async ({ id, changes }) => vault.edit(id, changes),
    'keys:reveal': async ({ id }) => {
      const key = vault.get(id);
      await confirmations.withinBudgetOrAsk(secrets, {
        title: 'Reveal a key',
        message: `Reveal key “${key.name}”?`,
        detail: `${MANY} ${UNASKED}`,
        confirmLabel: 'Reveal',
      });
      return { secret: await vault.reveal(id) };
    },
    'keys:copy': async ({ id, format = 'key' }) => {
      const key = vault.get(id);
      await confirmations.withinBudgetOrAsk(copies, {
        title: 'Copy a key',
        message: `Copy key “${key.name}” to the clipboard?`,
        detail: `The vault was asked to copy more than ${COPY_BUDGET.count} keys within a minute. ${UNASKED}`,
        confirmLabel: 'Copy',
      });
      const current = settings.get();
      const { text } = await textToCopy(vault, id, format, current);
      const seconds = current.clipboardClearSeconds;
      const result = await clipboard.copy(text, seconds === null ? null : seconds * 1000);
      await vault.recordUse(id, 'copied', format);
      return result;
    },
    'keys:revoke': async ({ id, removeFromFiles }) => {
      await confirmDestroying(vault.get(id), 'Revoke', removeFromFiles);
      return vault.revoke(id, { removeFromFiles });
    },
    'keys:delete': async ({ id, confirmName, removeFromFiles }) => {
      const key = vault.get(id);
      if (confirmName.trim() !== key.name) throw new VaultError('VALIDATION', 'Type the key\'s name exactly to confirm deleting it.');
      await confirmDestroying(key, 'Delete', removeFromFiles);
      const { exports: reports } = await vault.delete(id, { removeFromFiles });
      return { id, exports: reports };
    },
    'keys:rotate': async ({ id, newSecret }) => {
      const key = vault.get(id);
      // (A revoked key is refused by the vault: nothing to ask.)
      if (key.status !== 'revoked' && newSecret !== undefined) {
        // A value from the renderer replaces the current one in the keychain and in every file: the old value's last copy.
        await confirmations.require({
          title: 'Replace a key\'s value',
          message: `Replace the value of key “${key.name}”?`,
          detail: 'The current value is overwritten in the OS keychain and in the .env files it was written to; it cannot be recovered here.',
          confirmLabel: 'Replace',
        });
      } else if (key.status !== 'revoked') {
        await confirmations.withinBudgetOrAsk(secrets, {
          title: 'Rotate a key',
          message: `Rotate key “${key.name}” and show its new value?`,
          detail: `${MANY} ${UNASKED}`,
          confirmLabel: 'Rotate',
        });
      }
      const { exports: reports, ...rotated } = await vault.rotate(id, { newSecret });
      const next = withoutPrevious(rotated);
      return { ...(newSecret !== undefined ? withoutSecret(next) : next), exports: reports };
    },
  };
}
