/** `mcpkv create NAME [key fields] [--prefix P] [--import] [-u [PATH]] [--json]`: a new key, or one you already have. */
import type { Command } from 'commander';
import { MIN_SECRET_LENGTH } from '../../../shared/key-format';
import type { CreateKeyInput } from '../../../shared/types';
import { resolveEnvPath } from '../arguments';
import { formatNewSecret } from '../format';
import type { CliIo } from '../io';
import { knownProject } from '../known-project';
import { keyFieldOptions, keyFields, parseMeta, type KeyOptions } from '../key-options';
import { respond } from '../respond';
import { checkBeforeWrite, writeCheckOptions, type WriteCheckOptions } from '../write-checks';
import { readImportedSecret } from '../terminal';

export function register(program: Command, io: CliIo): void {
  keyFieldOptions(
    program
      .command('create')
      .description('create a new key (or import one you already have with --import)')
      .argument('<name>', 'a unique name for the key'),
  )
    .option('--prefix <prefix>', 'the key prefix (default mcp_sk_)')
    .option('--import', `import an existing key value (at least ${MIN_SECRET_LENGTH} characters), read from stdin, instead of generating one`)
    .option('-u, --use-in-env [path]', 'also write the key into a .env file (default ./.env), checked as mcpkv use checks it')
    .option('--no-project', 'with -u: do not add the file\'s folder to the vault\'s projects')
    .addOption(writeCheckOptions()[0]!)
    .addOption(writeCheckOptions()[1]!)
    .option('--json', 'print the key record as JSON')
    .action(async (name: string, options: KeyOptions & { prefix?: string; import?: boolean; useInEnv?: string | boolean; project: boolean } & WriteCheckOptions) => {
      const { vault, settings, exports, projects } = await io.session.open();
      const envPath = options.useInEnv === undefined ? undefined : resolveEnvPath(typeof options.useInEnv === 'string' ? options.useInEnv : undefined);
      const varName = settings.get().defaultEnvVar;
      // Checked before the key exists (and before a value is read): a refused write leaves no key behind.
      if (envPath) await checkBeforeWrite({ exports }, envPath, [{ keyId: '', variable: varName }], options, io);
      const input: CreateKeyInput = {
        name,
        ...keyFields(options),
        ...(options.meta && { metadata: parseMeta(options.meta) }),
        ...(options.prefix !== undefined && { prefix: options.prefix }),
      };
      if (options.import) input.importSecret = await readImportedSecret(io);
      // No expiry given: the default-expiry setting (an explicit one is kept as given).
      const { withDefaultExpiry } = await import('../../core/settings');
      const key = await vault.create(withDefaultExpiry(input, settings.get()));
      const project = envPath ? await knownProject({ projects }, envPath, options.project) : undefined;
      const env = envPath ? await exports.use(key.id, { envPath, varName, projectId: project!.id }) : undefined;
      project?.announce(io);
      // An imported value is the user's own: it is not echoed back.
      const { secret: _secret, ...record } = key;
      const shown = options.import ? record : key;
      respond(io, options, env ? { ...shown, env } : shown, () => [
        ...(options.import ? [`Imported key "${key.name}" (id ${key.id}); its value is in the OS keychain.`] : formatNewSecret(key, 'Created')),
        ...(env ? [`Wrote ${env.changed.join(', ') || 'nothing new'} to ${env.file}.`] : []),
      ]);
    });
}
