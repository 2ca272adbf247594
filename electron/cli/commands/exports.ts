/** `mcpkv exports ID [--json]`: the .env files a key was written to. */
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  program
    .command('exports')
    .description('list the .env files a key was written to')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--json', 'print a JSON list of exports')
    .action(async (ref: string, options: { json?: boolean }) => {
      const { vault, exports } = await io.session.open();
      const key = vault.resolve(ref);
      const records = exports.recordsFor(key.id);
      respond(io, options, records, () =>
        records.length === 0
          ? `Key "${key.name}" has not been written to any .env file.`
          : records.map((e) => `${e.file}  ${e.variable}${e.form === 'reference' ? ' (a reference)' : ''}  (${e.at.slice(0, 16).replace('T', ' ')})`),
      );
    });
}
