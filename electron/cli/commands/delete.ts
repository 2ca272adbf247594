/** `mcpkv delete ID [-y] [--remove-from-env] [--json]`: the key's record and value. */
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { formatExportReports } from '../format';
import type { CliIo } from '../io';
import { respond } from '../respond';
import { confirm } from '../terminal';

export function register(program: Command, io: CliIo): void {
  program
    .command('delete')
    .description('delete a key: record and value')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--remove-from-env', 'also take the key out of every .env file it was written to and every MCP client config it was connected to (servers go back to their plain form)')
    .option('--json', 'print the deleted key record as JSON (with an exports report)')
    .action(async (ref: string, options: { yes?: boolean; json?: boolean; removeFromEnv?: boolean }) => {
      const { vault } = await io.session.open();
      const key = vault.resolve(ref);
      if (!(await confirm(`Delete key "${key.name}" (${key.id}) and its value? This cannot be undone.`, Boolean(options.yes || options.json)))) {
        throw new VaultError('VALIDATION', 'Cancelled; nothing was changed.');
      }
      const deleted = await vault.delete(key.id, { removeFromFiles: options.removeFromEnv });
      respond(io, options, deleted, () => [`Deleted key "${deleted.name}" (id ${deleted.id}).`, ...formatExportReports(deleted.exports)]);
    });
}
