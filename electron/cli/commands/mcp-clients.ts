/** `mcpkv mcp clients [--json]`: the MCP clients' config files found, with how many servers each holds. */
import type { Command } from 'commander';
import { MCP_CLIENT_IDS, MCP_CLIENT_NAMES } from '../../../shared/mcp';
import type { CliIo } from '../io';
import { openMcp } from '../mcp-context';
import { respond } from '../respond';

export function register(mcp: Command, io: CliIo): void {
  mcp
    .command('clients')
    .description("the MCP clients' config files: user scope, the vault's projects, Claude Code's per-project sections")
    .option('--json', 'print the config files as JSON (every one looked at, found or not)')
    .action(async (options: { json?: boolean }) => {
      const { mcp: service } = await openMcp(io);
      const configs = await service.configs();
      respond(io, options, configs, () =>
        MCP_CLIENT_IDS.flatMap((client) => {
          const found = configs.filter((c) => c.client === client && c.exists);
          const header = `${MCP_CLIENT_NAMES[client]} (${client}): ${found.length ? `${found.length} config file(s)` : 'no config file found'}`;
          return [
            header,
            ...found.map((c) => `  ${c.file} (${c.scope}${c.projectPath && c.scope === 'local' ? ` ${c.projectPath}` : ''}) — ${c.error ?? `${c.serverCount} server(s)`}`),
          ];
        }),
      );
    });
}
