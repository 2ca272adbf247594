/** `mcpkv rotate ID [--import] [--json]`: a new value, same id, rewritten in every .env file the key was written to. */
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { MIN_SECRET_LENGTH } from '../../../shared/key-format';
import { formatExportReports, formatNewSecret } from '../format';
import type { CliIo } from '../io';
import { respond } from '../respond';
import { readImportedSecret } from '../terminal';

export function register(program: Command, io: CliIo): void {
  program
    .command('rotate')
    .description('replace a key\'s value, same id; the old value is removed from the keychain at once')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--import', `read the new value (at least ${MIN_SECRET_LENGTH} characters) from stdin (required for imported keys)`)
    .option('--json', 'print the key record with its new secret as JSON, plus an exports report')
    .action(async (ref: string, options: { import?: boolean; json?: boolean }) => {
      const { vault } = await io.session.open();
      const key = vault.resolve(ref);
      if (key.source === 'imported' && !options.import) {
        throw new VaultError('VALIDATION', `Key "${key.name}" was imported: pipe its new value in with --import.`);
      }
      const newSecret = options.import ? await readImportedSecret(io) : undefined;
      const { previousSecret: _previous, ...rotated } = await vault.rotate(key.id, { newSecret });
      // A value the user gave is theirs: it is not echoed back.
      const { secret: _secret, ...record } = rotated;
      respond(io, options, options.import ? record : rotated, () => [
        ...(options.import ? [`Rotated key "${rotated.name}" (id ${rotated.id}) to the value you gave.`] : formatNewSecret(rotated, 'Rotated')),
        ...formatExportReports(rotated.exports),
      ]);
    });
}
