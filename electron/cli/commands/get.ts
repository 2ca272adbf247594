/**
 * `mcpkv get ID [--json]`: one key's value and nothing else on stdout, for scripts: `$(mcpkv get prod)`.
 * The value is followed by a newline (command substitution strips it); --json prints { id, name, secret }.
 * Only an active key is given out, and each read is logged as a reveal from the CLI.
 */
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { inactiveKeyMessage } from '../../../shared/key-status';
import type { CliIo } from '../io';
import { respond } from '../respond';

/** The activity detail of a reveal by this command. */
export const GET_DETAIL = 'mcpkv get';

export function register(program: Command, io: CliIo): void {
  program
    .command('get')
    .description("print one key's value and nothing else, for scripts: $(mcpkv get ID)")
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--json', 'print { id, name, secret } as JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      const { vault } = await io.session.open();
      const key = vault.resolve(ref);
      if (key.status !== 'active') throw new VaultError('KEY_INACTIVE', inactiveKeyMessage(key, 'read'));
      const secret = await vault.reveal(key.id, GET_DETAIL);
      respond(io, options, { id: key.id, name: key.name, secret }, () => secret);
    });
}
