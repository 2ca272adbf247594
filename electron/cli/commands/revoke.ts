/** `mcpkv revoke ID [-y] [--remove-from-env] [--json]`: the value leaves the keychain; the record stays for history. */
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { IMPORTED_KEY_NOTE } from '../../../shared/key-status';
import { formatExportReports } from '../format';
import type { CliIo } from '../io';
import { respond } from '../respond';
import { confirm } from '../terminal';

export function register(program: Command, io: CliIo): void {
  program
    .command('revoke')
    .description('revoke a key: its value is removed from the keychain at once; the record stays for history (an imported key still works at its provider: revoke it there too)')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--remove-from-env', 'also take the key out of every .env file it was written to and every MCP client config it was connected to (servers go back to their plain form)')
    .option('--json', 'print the key record as JSON (with an exports report)')
    .action(async (ref: string, options: { yes?: boolean; json?: boolean; removeFromEnv?: boolean }) => {
      const { vault, exports } = await io.session.open();
      const key = vault.resolve(ref);
      // An imported key is only forgotten here: its provider still accepts it (said before and after).
      const importedNote = key.source === 'imported' && key.status !== 'revoked' ? ` ${IMPORTED_KEY_NOTE}` : '';
      if (!(await confirm(`Revoke key "${key.name}" (${key.id})? Its value is deleted and cannot be used again.${importedNote}`, Boolean(options.yes || options.json)))) {
        throw new VaultError('VALIDATION', 'Cancelled; nothing was changed.');
      }
      const wasRevoked = key.status === 'revoked';
      const revoked = await vault.revoke(key.id, { removeFromFiles: options.removeFromEnv });
      respond(io, options, revoked, (output) => {
        output.out(wasRevoked ? `Key "${revoked.name}" was already revoked.` : `Revoked key "${revoked.name}" (id ${revoked.id}).`);
        if (importedNote) output.note(`Note: ${IMPORTED_KEY_NOTE}`);
        for (const line of formatExportReports(revoked.exports)) output.out(line);
        // The hint follows the report it is about.
        const left = options.removeFromEnv ? 0 : exports.recordsFor(key.id).length;
        if (left > 0) output.note(`Note: this key is still in ${left} .env file(s); revoke with --remove-from-env to take it out.`);
      });
    });
}
