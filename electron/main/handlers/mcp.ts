/**
 * `mcp:*`: the MCP clients' config files, their servers and slots, and the changes the "MCP clients" screen makes
 * (import a plaintext key, connect a vault key, disconnect). Values never go to the renderer: the service sends
 * slots and previews masked, and moves a value between a file and the keychain itself.
 *
 * The renderer is not trusted to have asked the user before a change writes a vault key's value into a client's
 * config in plain text (the header form, or a disconnect that writes the value back): main asks itself, in its
 * own dialog (confirmations.ts). An import takes a value out of a file and a launcher or proxy connection writes
 * none, so they need no second question: the renderer's preview is the user's look at them.
 */
import { MCP_CLIENT_NAMES, type McpChange, type McpChangePreview } from '../../../shared/mcp';
import type { McpService } from '../../core/mcp/mcp-service';
import type { Vault } from '../../core/vault';
import type { Confirmations } from '../confirmations';
import type { HandlersOf } from './types';

export interface McpHandlerDeps {
  vault: Vault;
  mcp: Pick<McpService, 'configs' | 'servers' | 'preview' | 'apply' | 'connectionsOf'>;
  confirmations: Confirmations;
}

/**
 * Can the change put a vault key's value into the file (not one the file already held)? Judged by what was asked
 * (the header form, a value written back) as well as by the preview: apply reads the file again, and a file changed
 * back in between must not turn an unasked change into a plaintext write.
 */
function writesVaultValue(change: McpChange, preview: McpChangePreview): boolean {
  if (change.action === 'import') return false;
  const asked = change.action === 'connect' ? change.form === 'header' : change.writeValue === true;
  return asked || preview.holdsSecret;
}

export function mcpHandlers({ vault, mcp, confirmations }: McpHandlerDeps): HandlersOf<'mcp'> {
  async function confirmPlaintext(change: McpChange & { keyId: string }, preview: McpChangePreview): Promise<void> {
    const key = vault.get(change.keyId);
    const [config] = await mcp.configs({ configId: change.ref.configId });
    const client = config ? MCP_CLIENT_NAMES[config.client] : 'The MCP client';
    const back = change.action === 'disconnect';
    await confirmations.require({
      title: back ? 'Write a key back into a config' : 'Write a key into a config',
      message: `Write key “${key.name}” into ${preview.file} in plain text?`,
      detail:
        `${client} reads the file as it is: anyone who can read it, or a commit or backup of it, gets the key. ` +
        (back ? 'Disconnecting without writing the value back keeps it out of the file.' : 'The launcher and proxy forms keep it out of the file.'),
      confirmLabel: 'Write the key',
    });
  }

  return {
    'mcp:configs': async () => mcp.configs(),
    'mcp:servers': async ({ client }) => mcp.servers(client === undefined ? {} : { client }),
    'mcp:preview': async (change) => mcp.preview(change),
    'mcp:apply': async (change) => {
      if (change.action !== 'import') {
        // The preview refuses what apply would refuse, before anything is asked; it also says where the value would go.
        const preview = await mcp.preview(change);
        if (writesVaultValue(change, preview)) await confirmPlaintext(change, preview);
      }
      return mcp.apply(change);
    },
    'mcp:forKey': async ({ id }) => {
      vault.get(id);
      return mcp.connectionsOf(id);
    },
  };
}
