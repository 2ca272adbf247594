/**
 * The MCP client servers a key is connected to (mcp:forKey), loaded again whenever the vault's keys reload: for
 * "Used in", and for revoke and delete, which offer to take the key out of them.
 */
import type { McpConnectionView } from '../../../shared/mcp';
import { useKeyPlaces, type KeyPlaces } from '../hooks/useKeyPlaces';
import { vaultApi } from '../vaultApi';

const loadConnections = (id: string): Promise<McpConnectionView[]> => vaultApi().mcp.forKey({ id });

export function useKeyConnections(keyId: string): KeyPlaces<McpConnectionView> {
  return useKeyPlaces(keyId, loadConnections);
}

/** How many servers (not slots): a server given the key in two slots counts once. */
export function serverCount(connections: readonly McpConnectionView[]): number {
  return new Set(connections.map((c) => `${c.file}\n${c.serverPath.join('\n')}`)).size;
}
