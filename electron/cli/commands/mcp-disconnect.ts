/**
 * `mcpkv mcp disconnect KEY --client ID --server NAME [--file PATH] [--var VAR | --header NAME] [--write-value]
 * [--dry-run] [--json]`: puts the server back in its plain form, without the key, or with its value written back into
 * the config when asked (the file then holds it in plain text).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { describeModeChange } from '../../../shared/exports';
import type { CliIo } from '../io';
import { findServer, openMcp, parseClient, serverLabel, slotLabel } from '../mcp-context';
import { printPreview } from '../mcp-changes';
import { respond } from '../respond';

interface Options {
  client: ReturnType<typeof parseClient>;
  server: string;
  file?: string;
  var?: string;
  header?: string;
  writeValue?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function register(mcp: Command, io: CliIo): void {
  mcp
    .command('disconnect')
    .description("take a vault key out of an MCP server's config: the server goes back to its plain form")
    .argument('<id>', 'key id, unique id prefix, or name')
    .requiredOption('--client <id>', 'claude-desktop, claude-code, cursor, vscode, windsurf or zed', parseClient)
    .requiredOption('--server <name>', "the server's name in the client's config")
    .option('--file <path>', 'the config file, where the server\'s name is in several')
    .option('--var <name>', 'the variable, where the key is connected to several')
    .option('--header <name>', 'the header, where the key is connected to several')
    .option('--write-value', 'write the key\'s value back into the config (it then holds the key in plain text)')
    .option('--dry-run', 'show the change (values masked); change nothing')
    .option('--json', 'print { file, server, form, keyId } as JSON')
    .action(async (ref: string, options: Options) => {
      const { vault, mcp: service } = await openMcp(io);
      const key = vault.resolve(ref);
      const server = findServer(await service.servers({ client: options.client }), options);
      const named = options.var ?? options.header;
      const connected = server.slots.filter((s) => s.state === 'connected' && s.keyId === key.id && (named === undefined || s.name === named));
      if (connected.length === 0) throw new VaultError('NOT_FOUND', `Key "${key.name}" is not connected to ${serverLabel(server)}${named ? ` in ${named}` : ''}.`);
      if (connected.length > 1) throw new VaultError('VALIDATION', `Key "${key.name}" is connected to ${connected.map((s) => s.name).join(', ')} of that server; choose one with --var or --header.`);
      const slot = { kind: connected[0]!.kind, name: connected[0]!.name };
      const change = { action: 'disconnect' as const, keyId: key.id, ref: { configId: server.configId, server: server.name, slot }, writeValue: options.writeValue };
      const label = slotLabel(server, slot);
      if (options.dryRun) {
        const preview = await service.preview(change);
        return respond(io, options, preview, (out) => printPreview(out, label, preview));
      }
      const result = await service.apply(change);
      respond(io, options, result, () => [
        `Disconnected key "${key.name}" from ${label}${options.writeValue ? '; its value is written back into the file, in plain text' : '; the server has no key now'}.`,
        ...(result.tightened ? [describeModeChange(path.basename(result.file), result.tightened)] : []),
      ]);
    });
}
