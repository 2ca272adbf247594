/** `mcpkv use ID [--env PATH] [--var NAME] [--no-require] [--follow-symlinks] [--json]`: writes a key into a .env file. */
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR, describeModeChange } from '../../../shared/exports';
import { FOLLOW_SYMLINKS_HELP, resolveEnvPath, suggestFollowSymlinks } from '../arguments';
import type { CliIo } from '../io';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  program
    .command('use')
    .description(`write a key into a .env file as ${DEFAULT_ENV_VAR}=<key> and set API_KEY_REQUIRED=true; the file is left readable by you only`)
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--env <path>', 'the .env file (default ./.env)')
    .option('--var <name>', `the variable name (default: the defaultEnvVar setting, ${DEFAULT_ENV_VAR} unless changed)`)
    .option('--no-require', 'do not set API_KEY_REQUIRED=true')
    .option('--follow-symlinks', FOLLOW_SYMLINKS_HELP)
    .option('--json', 'print { file, changed, tightened? } as JSON')
    .action(async (ref: string, options: { env?: string; var?: string; require: boolean; followSymlinks?: boolean; json?: boolean }) => {
      const { vault, settings, projects, exports } = await io.session.open();
      const key = vault.resolve(ref);
      const envPath = resolveEnvPath(options.env);
      const projectId = projects.projectFor(envPath)?.id ?? null;
      const varName = options.var ?? settings.get().defaultEnvVar;
      const result = await exports
        .use(key.id, { envPath, varName, require: options.require, projectId, followLinks: options.followSymlinks })
        .catch(suggestFollowSymlinks);
      respond(io, options, result, () => [
        result.changed.length ? `Wrote ${result.changed.join(', ')} to ${result.file}.` : `${result.file} already holds key "${key.name}"; nothing changed.`,
        ...(result.tightened ? [describeModeChange(path.basename(result.file), result.tightened)] : []),
      ]);
    });
}
