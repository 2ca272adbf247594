/** `mcpkv mcp servers [--client ID] [--json]`: every configured server and the state of each key slot (values masked). */
import type { Command } from 'commander';
import { holdsPlaintextKey, MCP_CLIENT_NAMES } from '../../../shared/mcp';
import type { CliIo } from '../io';
import { describeSlot, openMcp, parseClient } from '../mcp-context';
import { respond } from '../respond';

export function register(mcp: Command, io: CliIo): void {
  mcp
    .command('servers')
    .description('the servers in MCP clients\' configs and the state of each key slot (env variable or header); values masked')
    .option('--client <id>', 'one client: claude-desktop, claude-code, cursor, vscode, windsurf, zed', parseClient)
    .option('--json', 'print the servers as JSON')
    .action(async (options: { client?: ReturnType<typeof parseClient>; json?: boolean }) => {
      const { mcp: service } = await openMcp(io);
      const servers = await service.servers(options.client ? { client: options.client } : {});
      respond(io, options, servers, () => {
        if (servers.length === 0) return 'No MCP servers found in the clients\' configs (mcpkv mcp clients shows where it looked).';
        const plaintext = servers.flatMap((s) => s.slots.filter(holdsPlaintextKey));
        return [
          ...servers.flatMap((s) => [
            `${MCP_CLIENT_NAMES[s.client]} · ${s.name} (${s.transport}${s.form === 'plain' ? '' : `, ${s.form}`}) — ${s.file}`,
            `  ${s.url ?? [s.command ?? '', ...s.args].join(' ')}`,
            ...(s.slots.length ? s.slots.map((slot) => `  ${slot.kind === 'env' ? 'env' : 'header'} ${slot.name}: ${describeSlot(slot)}`) : ['  no key slots']),
          ]),
          ...(plaintext.length
            ? [`${plaintext.length} key(s) sit in plain text in these configs: mcpkv mcp import${options.client ? ` --client ${options.client}` : ''} moves them into the keychain.`]
            : []),
        ];
      });
    });
}
