/**
 * `mcpkv use ID [--env PATH] [--var NAME] [--no-require] [--reference] [--follow-symlinks] [--json]`: writes a key
 * (or, with --reference, `mcpkv://<id>`, which holds no secret) into a .env file.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR, describeModeChange } from '../../../shared/exports';
import { FOLLOW_SYMLINKS_HELP, resolveEnvPath, suggestFollowSymlinks } from '../arguments';
import { printDryRun } from '../dry-run';
import type { CliIo } from '../io';
import { knownProject } from '../known-project';
import { respond } from '../respond';
import { checkBeforeWrite, writeCheckOptions } from '../write-checks';

export function register(program: Command, io: CliIo): void {
  program
    .command('use')
    .description(`write a key into a .env file as ${DEFAULT_ENV_VAR}=<key> and set API_KEY_REQUIRED=true; the file is left readable by you only`)
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--env <path>', 'the .env file (default ./.env)')
    .option('--var <name>', `the variable name (default: the defaultEnvVar setting, ${DEFAULT_ENV_VAR} unless changed)`)
    .option('--no-require', 'do not set API_KEY_REQUIRED=true')
    .option('--reference', 'write a reference to the key (mcpkv://<id>), not the key: the file holds no secret and may be committed; `mcpkv run --env-file FILE -- COMMAND` resolves it')
    .option('--dry-run', 'show the change (values masked), the vault key it would replace and git\'s view of the file; write nothing')
    .option('--no-project', 'do not add the file\'s folder to the vault\'s projects (the app\'s Projects); by default it is added')
    .addOption(writeCheckOptions()[0]!)
    .addOption(writeCheckOptions()[1]!)
    .option('--follow-symlinks', FOLLOW_SYMLINKS_HELP)
    .option('--json', 'print { file, changed, tightened? } as JSON')
    .action(async (ref: string, options: { env?: string; var?: string; require: boolean; reference?: boolean; dryRun?: boolean; project: boolean; gitignore?: boolean; force?: boolean; followSymlinks?: boolean; json?: boolean }) => {
      const { vault, settings, projects, exports } = await io.session.open();
      const key = vault.resolve(ref);
      const envPath = resolveEnvPath(options.env);
      const varName = options.var ?? settings.get().defaultEnvVar;
      const keys = [{ keyId: key.id, variable: varName }];
      if (options.dryRun) return printDryRun(io, { exports }, envPath, { keys, require: options.require, reference: options.reference }, options);
      await checkBeforeWrite({ exports }, envPath, keys, options, io);
      const project = await knownProject({ projects }, envPath, options.project);
      const projectId = project.id;
      const result = await exports
        .use(key.id, { envPath, varName, require: options.require, reference: options.reference, projectId, followLinks: options.followSymlinks })
        .catch(suggestFollowSymlinks);
      project.announce(io);
      respond(io, options, result, () => [
        result.changed.length ? `Wrote ${result.changed.join(', ')} to ${result.file}.` : `${result.file} already holds key "${key.name}"; nothing changed.`,
        ...(options.reference ? [`${varName} holds a reference to key "${key.name}", not the key; run your command with: mcpkv run --env-file ${result.file} -- COMMAND`] : []),
        ...(result.tightened ? [describeModeChange(path.basename(result.file), result.tightened)] : []),
      ]);
    });
}
