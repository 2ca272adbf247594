/** `mcpkv edit ID [-n NAME] [key fields] [--clear-permissions] [--json]`: changes a key's record (never its value). */
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import type { EditKeyInput } from '../../../shared/types';
import type { CliIo } from '../io';
import { keyFieldOptions, keyFields, parseMeta, type KeyOptions } from '../key-options';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  keyFieldOptions(
    program
      .command('edit')
      .description('change a key\'s name, description, owner, permissions, metadata or expiry')
      .argument('<id>', 'key id, unique id prefix, or name'),
  )
    .option('-n, --name <name>', 'a new name')
    .option('--clear-permissions', 'remove every permission')
    .addHelpText('after', '\n-p replaces the permission list; --meta KEY=VALUE sets a pair and --meta KEY= removes it.')
    .option('--json', 'print the key record as JSON')
    .action(async (ref: string, options: KeyOptions & { name?: string; clearPermissions?: boolean }) => {
      const { vault } = await io.session.open();
      const key = vault.resolve(ref);
      const input: EditKeyInput = { ...keyFields(options), ...(options.name !== undefined && { name: options.name }) };
      if (options.clearPermissions) input.permissions = [];
      if (options.meta) {
        const metadata = { ...key.metadata };
        for (const [k, v] of Object.entries(parseMeta(options.meta))) {
          if (v === '') delete metadata[k];
          else metadata[k] = v;
        }
        input.metadata = metadata;
      }
      if (Object.keys(input).length === 0) throw new VaultError('VALIDATION', 'Nothing to change: give at least one option (see mcpkv edit --help).');
      const edited = await vault.edit(key.id, input);
      respond(io, options, edited, () => `Updated key "${edited.name}" (id ${edited.id}).`);
    });
}
