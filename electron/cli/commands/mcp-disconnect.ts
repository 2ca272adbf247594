/**
 * `mcpkv mcp disconnect KEY --client ID --server NAME [--file PATH] [--var VAR | --header NAME] [--write-value]
 * [--dry-run] [--json]`: puts the server back in its plain form, without the key, or with its value written back into
 * the config when asked (the file then holds it in plain text).
 */
import type { Command } from 'commander';
import { isVaultError, VaultError } from '../../../shared/errors';
import type { CliIo } from '../io';
import { KEY_ID_PATTERN } from '../../../shared/key-format';
import type { Vault } from '../../core/vault';
import { addServerChoiceOptions, findServer, openMcp, serverLabel, slotLabel, type ServerChoice } from '../mcp-context';
import { previewOrApply } from '../mcp-changes';

/**
 * The key to disconnect: one of the vault's, or — so that doctor's advice for a connection whose key was deleted
 * works — a bare key id the vault no longer has (a launcher in a config still names it).
 */
function keyOrDeletedId(vault: Vault, ref: string): { id: string; name: string } {
  try {
    return vault.resolve(ref);
  } catch (error) {
    if (KEY_ID_PATTERN.test(ref) && isVaultError(error) && error.code === 'NOT_FOUND') return { id: ref, name: ref };
    throw error;
  }
}

interface Options extends ServerChoice {
  var?: string;
  header?: string;
  writeValue?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function register(mcp: Command, io: CliIo): void {
  const command = addServerChoiceOptions(
    mcp
      .command('disconnect')
      .description("take a vault key out of an MCP server's config: the server goes back to its plain form")
      .argument('<id>', 'key id, unique id prefix, or name'),
  )
    .option('--var <name>', 'the variable, where the key is connected to several')
    .option('--header <name>', 'the header, where the key is connected to several')
    .option('--write-value', 'write the key\'s value back into the config (it then holds the key in plain text)')
    .option('--dry-run', 'show the change (values masked); change nothing')
    .option('--json', 'print { file, server, form, keyId } as JSON');
  command.action(async (ref: string, options: Options) => {
    const { vault, mcp: service } = await openMcp(io);
    const key = keyOrDeletedId(vault, ref);
    const server = findServer(await service.servers({ client: options.client }), options);
    const named = options.var ?? options.header;
    const connected = server.slots.filter((s) => s.state === 'connected' && s.keyId === key.id && (named === undefined || s.name === named));
    if (connected.length === 0) throw new VaultError('NOT_FOUND', `Key "${key.name}" is not connected to ${serverLabel(server)}${named ? ` in ${named}` : ''}.`);
    if (connected.length > 1) throw new VaultError('VALIDATION', `Key "${key.name}" is connected to ${connected.map((s) => s.name).join(', ')} of that server; choose one with --var or --header.`);
    const slot = { kind: connected[0]!.kind, name: connected[0]!.name };
    const change = { action: 'disconnect' as const, keyId: key.id, ref: { configId: server.configId, server: server.name, slot }, writeValue: options.writeValue };
    const label = slotLabel(server, slot);
    await previewOrApply(io, options, service, change, label, () => [
      `Disconnected key "${key.name}" from ${label}${options.writeValue ? '; its value is written back into the file, in plain text' : '; the server has no key now'}.`,
    ]);
  });
}
