/**
 * mcpkv: the MCP Key Vault on the command line, on the same core and the same vault as the app.
 * Commands follow the MCP Key Manager's; each is a file in commands/. With --json every command prints
 * exactly one JSON value (respond.ts). Errors are one line on stderr and a non-zero exit, never a stack
 * trace, never a secret.
 *
 * Start-up stays light: registering the commands loads commander and a few pure helpers; the vault core
 * (keytar, conf, zod) is loaded by the first command action that opens the vault (session.ts).
 */
import { Command, CommanderError } from 'commander';
import { isVaultError } from '../../shared/errors';
import { looksLikeSecret } from '../../shared/key-format';
import { cliArguments } from '../../shared/mcp-launcher';
import * as activity from './commands/activity';
import * as completion from './commands/completion';
import * as copy from './commands/copy';
import * as create from './commands/create';
import * as del from './commands/delete';
import * as doctor from './commands/doctor';
import * as edit from './commands/edit';
import * as enableRequirement from './commands/enable-requirement';
import * as exports from './commands/exports';
import * as get from './commands/get';
import * as list from './commands/list';
import * as mcp from './commands/mcp';
import * as revoke from './commands/revoke';
import * as rotate from './commands/rotate';
import * as run from './commands/run';
import * as settings from './commands/settings';
import * as use from './commands/use';
import * as view from './commands/view';
import type { CliIo } from './io';
import { stdio } from './respond';
import { createVaultSession } from './session';

const VERSION = '0.1.0';

/** In the order `mcpkv --help` lists them. */
const COMMANDS = [create, list, view, get, edit, revoke, del, rotate, exports, use, run, enableRequirement, copy, mcp, activity, settings, doctor, completion];

/** Commander's usage errors, as one line like ours. */
function oneLineError(text: string, write: (text: string) => void): void {
  // commander quotes the offending argument; a key pasted into the wrong place must not be echoed.
  const first = text
    .trimEnd()
    .split('\n')[0]!
    .replace(/^error: /, '')
    .replace(/'([^']*)'/g, (quoted, inner: string) => (looksLikeSecret(inner) ? "'…'" : quoted));
  write(`mcpkv: ${first} (see mcpkv --help)\n`);
}

function buildProgram(io: CliIo): Command {
  const program = new Command('mcpkv')
    .description('MCP Key Vault: create, store, rotate and use API keys. Secrets live in the OS keychain.')
    .version(VERSION)
    .configureOutput({ outputError: oneLineError })
    .exitOverride();
  for (const command of COMMANDS) command.register(program, io);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: oneLineError });
  }
  return program;
}

/** Errors of our own have user-ready words; anything else is reported without its text, which might hold anything. */
function reportError(error: unknown): number {
  // Help and version exit 0; every other commander error is a usage error: invalid input, exit 2.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (isVaultError(error)) {
    stdio.note(`mcpkv: ${error.message}`);
    return error.code === 'VALIDATION' ? 2 : 1;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  stdio.note(`mcpkv: unexpected error${typeof code === 'string' ? ` (${code})` : ''}; nothing further was changed.`);
  return 1;
}

const session = createVaultSession(stdio);

// `mcpkv mcp servers | head`: a reader that stops early is no error of ours. End quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  try {
    // Each command opens the vault (and mends it first, telling the user) when its action starts.
    await buildProgram({ ...stdio, session }).parseAsync(argv, { from: 'user' });
    // A command that reports problems (doctor) sets its own exit code.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

// Exit codes: 0 done, 1 failed, 2 invalid input; killed by SIGTERM when the OS keychain stopped answering.
// Inside the app's executable (the launcher of MCP clients' configs, electron/main/index.ts) the arguments follow
// `--mcpkv-cli`; under Node they follow the script.
const inApp = process.versions.electron !== undefined ? cliArguments(process.argv) : null;
process.exitCode = await main(inApp ?? process.argv.slice(2));
if (session.keychainCallStuck()) {
  // A keychain call past its deadline still holds a libuv worker thread, and the process with it, until the keychain
  // answers (~50 s). process.exit() would wait for it too (Node joins the worker threads on exit), so the command,
  // its words written, ends by SIGTERM: a failure status (143 in a shell), never a wait.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.kill(process.pid, 'SIGTERM');
}
