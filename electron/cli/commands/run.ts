/**
 * `mcpkv run [--key KEY[=VAR]]... [--env-file FILE]... [--no-masking] -- COMMAND [ARGS...]`: runs COMMAND with
 * keys in its environment and nowhere else (not its arguments, not a file). Nothing is written to stdout, which
 * belongs to the command (an MCP stdio server speaks JSON-RPC over it); notes and refusals go to stderr.
 *
 * - Everything is checked before the command starts: an unknown, revoked or expired key, a value the keychain
 *   cannot give, an unreadable env file or a command not found refuses the run with one line.
 * - Each run counts as a use of each key and logs "injected" with the command's name, never its arguments.
 * - On a terminal the command's output has the keys' values masked (--no-masking: not); output to a pipe or a
 *   file is never altered. How the command is started and how its end becomes ours: child-process.ts.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { EXIT_NOT_FOUND, findExecutable, runCommand } from '../child-process';
import type { CliIo } from '../io';

const collect = (value: string, previous: string[]) => [...previous, value];

export function register(program: Command, io: CliIo): void {
  // COMMAND's own options must reach it untouched (`mcpkv run -- node -e …`, or without the `--`): commander
  // passes them through only when options are positional, i.e. mcpkv's own come before the command name.
  program.enablePositionalOptions();
  program
    .command('run')
    .description("run a command with keys in its environment only (masked in its output on a terminal)")
    .option('-k, --key <key[=VAR]>', 'a key (id, prefix or name) and its variable; default: the variable it was last written under, else the default-var setting', collect, [])
    .option('--env-file <file>', 'a .env file for the environment; its mcpkv://<id or name> values are resolved from the vault', collect, [])
    .option('--no-masking', "do not mask the keys' values in the command's output on a terminal")
    .argument('<command>', 'the command to run')
    .argument('[args...]', 'its arguments')
    .passThroughOptions()
    .action(async (command: string, args: string[], options: { key: string[]; envFile: string[]; masking: boolean }) => {
      if (options.key.length + options.envFile.length === 0) {
        throw new VaultError('VALIDATION', 'Name a key with --key KEY[=VAR], or a .env file with --env-file FILE.');
      }
      const { vault, settings } = await io.session.open();
      const { parseKeyRequest, resolveRunEnvironment } = await import('../../core/run-environment');
      const resolved = await resolveRunEnvironment(vault, settings.get().defaultEnvVar, {
        keys: options.key.map(parseKeyRequest),
        envFiles: options.envFile,
      });
      const env = { ...process.env, ...resolved.variables };
      const file = findExecutable(command, env.PATH);
      if (file === undefined) {
        io.note(`mcpkv: ${command}: command not found; nothing was run.`);
        process.exitCode = EXIT_NOT_FOUND;
        return;
      }
      const name = path.basename(command);
      await vault.recordUses('injected', resolved.keys.map((key) => ({ id: key.id, detail: name })));
      process.exitCode = await runCommand({ command, file, args, env, mask: options.masking ? resolved.secrets : [] });
    });
}
