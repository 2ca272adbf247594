/**
 * `mcpkv mcp …`: MCP clients' servers and the vault's keys in them (issue 15). The parent command only; each
 * subcommand is a file `mcp-<name>.ts` whose register() adds itself to the `mcp` command, listed below in the order
 * `mcpkv mcp --help` shows them. Subcommands inherit the program's one-line errors and exit handling (commander
 * copies them from the parent when a command is created).
 */
import type { Command } from 'commander';
import type { CliIo } from '../io';
import * as clients from './mcp-clients';
import * as connect from './mcp-connect';
import * as disconnect from './mcp-disconnect';
import * as importKeys from './mcp-import';
import * as proxy from './mcp-proxy';
import * as servers from './mcp-servers';

const SUBCOMMANDS: { register(mcp: Command, io: CliIo): void }[] = [clients, servers, importKeys, connect, disconnect, proxy];

export function register(program: Command, io: CliIo): void {
  const mcp = program.command('mcp').description("MCP clients' servers and the vault's keys in them");
  for (const subcommand of SUBCOMMANDS) subcommand.register(mcp, io);
}
