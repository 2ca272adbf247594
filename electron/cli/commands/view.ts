/** `mcpkv view ID [--json]`: one key in detail, never its value. */
import type { Command } from 'commander';
import { formatDetail } from '../format';
import type { CliIo } from '../io';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  program
    .command('view')
    .description('show one key in detail (never its value)')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--json', 'print the key record as JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      const { vault } = await io.session.open();
      const key = vault.resolve(ref);
      respond(io, options, key, () => formatDetail(key));
    });
}
