/**
 * What the `mcpkv mcp` subcommands share: the MCP service on the opened vault (loaded with import(), so jsonc-parser
 * and the MCP core stay off every other command's start), the launcher this CLI writes into configs, how a server
 * named on the command line is found, and how servers and slots are printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultError } from '../../shared/errors';
import type { Command } from 'commander';
import { MCP_CLIENT_IDS, MCP_CLIENT_NAMES, type McpClientId, type McpScope, type McpServerView, type McpSlot } from '../../shared/mcp';
import { CLI_FLAG, cliArguments, isCliEntry, type LauncherCommand } from '../../shared/mcp-launcher';
import type { McpService } from '../core/mcp/mcp-service';
import type { CliIo } from './io';
import type { VaultContext } from './vault-context';

/**
 * The command a client's config runs to start `mcpkv`: absolute paths only (a client started from the desktop has
 * no shell PATH). Inside the app's executable (--mcpkv-cli): that executable, as the app itself writes it. Under
 * Node: this Node and the CLI's entry script, with links resolved (an npm-linked `mcpkv` on PATH is a link to
 * bin/mcpkv.js), else the bundle itself.
 */
export function cliLauncher(argv: readonly string[] = process.argv): LauncherCommand {
  if (process.versions.electron !== undefined && cliArguments(argv)) {
    // An AppImage runs from a temporary mount: the AppImage file is what lasts (see app-launcher.ts).
    return { command: process.env.APPIMAGE || process.execPath, args: argv.slice(1, argv.indexOf(CLI_FLAG) + 1) };
  }
  const script = argv[1] ? fs.realpathSync.native(path.resolve(argv[1])) : null;
  const entry = script && isCliEntry(script) ? script : fileURLToPath(new URL('./mcpkv.js', import.meta.url));
  return { command: process.execPath, args: [entry] };
}

export async function openMcp(io: CliIo): Promise<VaultContext & { mcp: McpService }> {
  const context = await io.session.open();
  const { McpService } = await import('../core/mcp/mcp-service');
  return { ...context, mcp: new McpService(context.vault, { launcher: cliLauncher(), projects: context.projects }) };
}

/** `--client`'s value, checked: one of the six ids. */
export function parseClient(value: string): McpClientId {
  if ((MCP_CLIENT_IDS as readonly string[]).includes(value)) return value as McpClientId;
  throw new VaultError('VALIDATION', `Unknown client "${value.slice(0, 40)}"; clients: ${MCP_CLIENT_IDS.join(', ')}.`);
}

export interface ServerChoice {
  client: McpClientId;
  server: string;
  /** The config file, where the name is in several. */
  file?: string;
  /** The project folder, for a project file or a Claude Code per-project section (`~/.claude.json` holds both scopes). */
  project?: string;
  scope?: McpScope;
}

const SCOPES: readonly McpScope[] = ['user', 'project', 'local'];

export function parseScope(value: string): McpScope {
  if ((SCOPES as readonly string[]).includes(value)) return value as McpScope;
  throw new VaultError('VALIDATION', `Unknown scope "${value.slice(0, 40)}"; scopes: ${SCOPES.join(', ')}.`);
}

/** `--client`, `--server`, and `--file`, `--project`, `--scope` where the name is in several places: one server named. */
export function addServerChoiceOptions(command: Command): Command {
  return command
    .requiredOption('--client <id>', 'claude-desktop, claude-code, cursor, vscode, windsurf or zed', parseClient)
    .requiredOption('--server <name>', "the server's name in the client's config")
    .option('--file <path>', "the config file, where the server's name is in several")
    .option('--project <path>', "the project folder, for a project's config or Claude Code's per-project section")
    .option('--scope <scope>', 'user, project or local (a Claude Code per-project section of ~/.claude.json)', parseScope);
}

/** `Cursor server "github" (user, /home/me/.cursor/mcp.json)`: where a server is, in words that tell same names apart. */
function whereServer(s: McpServerView): string {
  return `${s.scope}${s.projectPath && s.scope !== 'user' ? ` ${s.projectPath}` : ''}, ${s.file}`;
}

/**
 * The one server a command names (`--client`, `--server`, and `--file` / `--project` / `--scope` where the name is in
 * several configs of that client), or one clear line saying none or how to choose.
 */
export function findServer(servers: McpServerView[], options: ServerChoice): McpServerView {
  const file = options.file === undefined ? undefined : path.resolve(options.file);
  const project = options.project === undefined ? undefined : path.resolve(options.project);
  const matches = servers.filter(
    (s) =>
      s.client === options.client &&
      s.name === options.server &&
      (file === undefined || s.file === file) &&
      (project === undefined || s.projectPath === project) &&
      (options.scope === undefined || s.scope === options.scope),
  );
  const client = MCP_CLIENT_NAMES[options.client];
  if (matches.length === 0) {
    throw new VaultError('NOT_FOUND', `${client} has no server "${options.server}"${file ? ` in ${file}` : ''}; see mcpkv mcp servers --client ${options.client}.`);
  }
  if (matches.length > 1) {
    throw new VaultError('VALIDATION', `${client} has a server "${options.server}" in ${matches.length} places (${matches.map(whereServer).join('; ')}); choose one with --file, --project or --scope.`);
  }
  return matches[0]!;
}

const FORM_WORDS = { launcher: 'through mcpkv run', proxy: 'through the mcpkv proxy', header: 'header written in the file' } as const;

/** How a slot's state reads in a list: never a value, at most its mask. */
export function describeSlot(slot: McpSlot): string {
  switch (slot.state) {
    case 'connected':
      return `connected to key "${slot.keyName}" (${FORM_WORDS[slot.form]})`;
    case 'vault-value':
      return `PLAINTEXT copy of vault key "${slot.keyName}" (${slot.masked})`;
    case 'plaintext-key':
      return `PLAINTEXT KEY ${slot.masked}`;
    case 'plaintext':
      return `plain value ${slot.masked} (not a key)`;
    case 'placeholder':
      return `placeholder ${slot.placeholder} (the client fills it in)`;
    case 'empty':
      return 'empty';
  }
}

/** `Cursor server "github" (/home/me/.cursor/mcp.json)`: how a line names a server. */
export function serverLabel(server: McpServerView): string {
  return `${MCP_CLIENT_NAMES[server.client]} server "${server.name}" (${server.file})`;
}

/** `Cursor server "github" (/home/me/.cursor/mcp.json), variable GITHUB_TOKEN`: how a line names a slot. */
export function slotLabel(server: McpServerView, slot: { kind: 'env' | 'header'; name: string }): string {
  return `${serverLabel(server)}, ${slot.kind === 'env' ? 'variable' : 'header'} ${slot.name}`;
}
