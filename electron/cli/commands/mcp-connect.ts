/**
 * `mcpkv mcp connect KEY --client ID --server NAME [--file PATH] [--var VAR | --header NAME] [--form F] [--dry-run]
 * [--json]`: connects a vault key to a server's slot. A stdio server gets the launcher form (`mcpkv run --key …`), a
 * remote one the proxy form, or with `--form header` the header written into its config (tracked: rotation rewrites it).
 */
import type { Command } from 'commander';
import { headerOfStyle } from '../../../shared/copy-format';
import { holdsPlaintextKey, type McpConnectionForm, type McpServerView } from '../../../shared/mcp';
import type { KeyView } from '../../../shared/types';
import type { CliIo } from '../io';
import { addServerChoiceOptions, findServer, openMcp, slotLabel, type ServerChoice } from '../mcp-context';
import { parseForm, previewOrApply } from '../mcp-changes';

interface Options extends ServerChoice {
  var?: string;
  header?: string;
  form?: McpConnectionForm;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * The slot a connect fills when none is named: for a stdio server its one variable holding a key (else the
 * defaultEnvVar setting), for a remote one the header of the key's style.
 */
function defaultSlot(server: McpServerView, key: KeyView, defaultVar: string): { kind: 'env' | 'header'; name: string } {
  if (server.transport === 'stdio') {
    const candidates = server.slots.filter((s) => s.kind === 'env' && (holdsPlaintextKey(s) || s.state === 'empty'));
    return { kind: 'env', name: candidates.length === 1 ? candidates[0]!.name : defaultVar };
  }
  return { kind: 'header', name: headerOfStyle(key.httpHeader).header };
}

export function register(mcp: Command, io: CliIo): void {
  const command = addServerChoiceOptions(
    mcp
      .command('connect')
      .description('connect a vault key to an MCP server: through mcpkv run (stdio), the mcpkv proxy (remote), or a header written into the config')
      .argument('<id>', 'key id, unique id prefix, or name'),
  )
    .option('--var <name>', 'the variable the server reads its key from (stdio; default: its one key variable, else the defaultEnvVar setting)')
    .option('--header <name>', "the header the key goes in (remote; default: the key's header style, e.g. Authorization)")
    .option('--form <form>', 'launcher (stdio, default), proxy (remote, default) or header (written into the file)', parseForm)
    .option('--dry-run', 'show the change (values masked); change nothing')
    .option('--json', 'print { file, server, form, keyId, tightened? } as JSON');
  command.action(async (ref: string, options: Options) => {
    const { vault, settings, mcp: service } = await openMcp(io);
    const key = vault.resolve(ref);
    const server = findServer(await service.servers({ client: options.client }), options);
    const slot = options.var ? { kind: 'env' as const, name: options.var } : options.header ? { kind: 'header' as const, name: options.header } : defaultSlot(server, key, settings.get().defaultEnvVar);
    const change = { action: 'connect' as const, keyId: key.id, ref: { configId: server.configId, server: server.name, slot }, form: options.form };
    const label = slotLabel(server, slot);
    await previewOrApply(io, options, service, change, label, (result) => [
      `Connected key "${key.name}" to ${label}: ${result.form === 'header' ? 'the header is written in the file (rotation rewrites it)' : `through ${result.form === 'proxy' ? 'the mcpkv proxy' : 'mcpkv run'}; the file holds no key`}.`,
      'Restart the client (or reload its MCP servers) to use it.',
    ]);
  });
}
