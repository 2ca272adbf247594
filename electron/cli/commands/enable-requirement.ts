/** `mcpkv enable-requirement [--env PATH] [--follow-symlinks] [--json]`: sets API_KEY_REQUIRED=true in a .env file. */
import type { Command } from 'commander';
import { FOLLOW_SYMLINKS_HELP, resolveEnvPath, suggestFollowSymlinks } from '../arguments';
import type { CliIo } from '../io';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  program
    .command('enable-requirement')
    .description('set API_KEY_REQUIRED=true in a .env file')
    .option('--env <path>', 'the .env file (default ./.env)')
    .option('--follow-symlinks', FOLLOW_SYMLINKS_HELP)
    .option('--json', 'print { file, changed } as JSON')
    .action(async (options: { env?: string; followSymlinks?: boolean; json?: boolean }) => {
      const { exports } = await io.session.open();
      const result = await exports.enableRequirement(resolveEnvPath(options.env), { followLinks: options.followSymlinks }).catch(suggestFollowSymlinks);
      respond(io, options, result, () =>
        result.changed.length ? `Set API_KEY_REQUIRED=true in ${result.file}.` : `${result.file} already has API_KEY_REQUIRED=true.`,
      );
    });
}
