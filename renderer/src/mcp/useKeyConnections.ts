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

/** Where a server is: its file and its path in that file (a user and a local server of one name in ~/.claude.json are two). */
interface ServerPlace {
  file: string;
  serverPath: readonly string[];
}

/** One string per server, for counting servers and for React keys. */
export function mcpServerKey(place: ServerPlace): string {
  return `${place.file}\n${place.serverPath.join('\n')}`;
}

/** One string per connection: its server and its slot. */
export function connectionKey(c: McpConnectionView): string {
  return `${mcpServerKey(c)}\n${c.slot.kind}\n${c.slot.name}`;
}

/** How many servers (not slots): a server given the key in two slots counts once. */
export function serverCount(places: readonly ServerPlace[]): number {
  return new Set(places.map(mcpServerKey)).size;
}
