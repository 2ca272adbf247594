/** `mcpkv list [-a] [-k] [--json]`: the keys, values masked unless asked for. */
import type { Command } from 'commander';
import { isVaultError } from '../../../shared/errors';
import { formatTable } from '../format';
import type { CliIo } from '../io';
import { respond } from '../respond';

/** The activity detail of the reveals `list --show-keys` logs. */
const LIST_DETAIL = 'mcpkv list --show-keys';

export function register(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list keys (secrets masked)')
    .option('-a, --active-only', 'show only active keys')
    .option('-k, --show-keys', 'show key values (sensitive)')
    .option('--json', 'print a JSON list of key records')
    .action(async (options: { activeOnly?: boolean; showKeys?: boolean; json?: boolean }) => {
      const { vault } = await io.session.open();
      const keys = vault.list({ activeOnly: options.activeOnly });
      let secrets: Map<string, string> | undefined;
      if (options.showKeys) {
        secrets = new Map();
        for (const key of keys) {
          if (key.status === 'revoked') continue;
          // Shown, so logged as a reveal like `mcpkv get`; a value missing from the keychain is left out.
          try {
            secrets.set(key.id, await vault.reveal(key.id, LIST_DETAIL));
          } catch (error) {
            if (!isVaultError(error) || error.code !== 'NOT_FOUND') throw error;
          }
        }
      }
      respond(
        io,
        options,
        keys.map((k) => (secrets?.has(k.id) ? { ...k, secret: secrets.get(k.id) } : k)),
        () => formatTable(keys, secrets),
      );
    });
}
