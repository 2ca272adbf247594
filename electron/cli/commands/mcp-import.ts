/**
 * `mcpkv mcp import [--client ID] [--server NAME] [--file PATH] [--form F] [-y] [--dry-run] [--json]`: moves every
 * plaintext key in MCP clients' configs into the keychain (a key of its own, marked imported, or the vault key that
 * already holds the value), then rewrites each server to reach it without the file holding it.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { describeModeChange } from '../../../shared/exports';
import { isVaultError } from '../../../shared/errors';
import { holdsPlaintextKey, type McpChangePreview, type McpChangeResult, type McpConnectionForm, type McpServerView, type McpSlot } from '../../../shared/mcp';
import type { CliIo } from '../io';
import { openMcp, parseClient, slotLabel } from '../mcp-context';
import { parseForm, printPreview } from '../mcp-changes';
import { respond } from '../respond';
import { confirmOrRefuse } from '../terminal';

interface Options {
  client?: ReturnType<typeof parseClient>;
  server?: string;
  file?: string;
  form?: McpConnectionForm;
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

type Outcome = { server: string; client: string; file: string; slot: McpSlot['name']; result?: McpChangeResult; error?: string };

export function register(mcp: Command, io: CliIo): void {
  mcp
    .command('import')
    .description('move the plaintext keys in MCP clients\' configs into the keychain and connect each server to its key')
    .option('--client <id>', 'only this client: claude-desktop, claude-code, cursor, vscode, windsurf, zed', parseClient)
    .option('--server <name>', 'only the servers of this name')
    .option('--file <path>', 'only servers in this config file')
    .option('--form <form>', 'how the key reaches the server: launcher (stdio, default), proxy (remote, default) or header (written into the file)', parseForm)
    .option('-y, --yes', 'go ahead without asking (required in a script)')
    .option('--dry-run', 'show each change (values masked); change nothing')
    .option('--json', 'print one result per slot as JSON')
    .action(async (options: Options) => {
      const { mcp: service } = await openMcp(io);
      const file = options.file === undefined ? undefined : path.resolve(options.file);
      const servers = (await service.servers(options.client ? { client: options.client } : {})).filter(
        (s) => (options.server === undefined || s.name === options.server) && (file === undefined || s.file === file),
      );
      const found: [McpServerView, McpSlot][] = servers.flatMap((s) => s.slots.filter(holdsPlaintextKey).map((slot): [McpServerView, McpSlot] => [s, slot]));
      const ref = (s: McpServerView, slot: McpSlot) => ({ configId: s.configId, server: s.name, slot: { kind: slot.kind, name: slot.name } });
      if (found.length === 0) return respond(io, options, [], () => 'No plaintext keys in the MCP clients\' configs; nothing to import.');
      if (options.dryRun) {
        const previews: (McpChangePreview & { server: string; client: string })[] = [];
        for (const [s, slot] of found) previews.push({ server: s.name, client: s.client, ...(await service.preview({ action: 'import', ref: ref(s, slot), form: options.form })) });
        return respond(io, options, previews, (out) => previews.forEach((p, i) => printPreview(out, slotLabel(found[i]![0], found[i]![1]), p)));
      }
      await confirmOrRefuse(
        `Move ${found.length} key(s) into the keychain and rewrite their servers?\n${found.map(([s, slot]) => `  ${slotLabel(s, slot)}`).join('\n')}\n`,
        { force: options.yes, refusal: `${found.length} key(s) would be moved into the keychain and their configs rewritten; add -y to go ahead (or --dry-run to see the changes).` },
      );
      const outcomes: Outcome[] = [];
      for (const [s, slot] of found) {
        const base = { server: s.name, client: s.client, file: s.file, slot: slot.name };
        try {
          outcomes.push({ ...base, result: await service.apply({ action: 'import', ref: ref(s, slot), form: options.form }) });
        } catch (error) {
          if (!isVaultError(error)) throw error;
          outcomes.push({ ...base, error: error.message });
        }
      }
      if (outcomes.some((o) => o.error)) process.exitCode = 1;
      respond(io, options, outcomes, () =>
        outcomes.map((o, i) => {
          const label = slotLabel(found[i]![0], found[i]![1]);
          if (o.error) return `${label}: not imported — ${o.error}`;
          const tightened = o.result!.tightened ? ` ${describeModeChange(path.basename(o.file), o.result!.tightened)}` : '';
          return `${label}: imported, now ${o.result!.form === 'header' ? 'written as a header (the file holds the key)' : `through ${o.result!.form === 'proxy' ? 'the mcpkv proxy' : 'mcpkv run'}; the file holds no key`}.${tightened}`;
        }),
      );
    });
}
