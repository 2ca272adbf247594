/**
 * Pure helpers on the list of MCP connections in the vault's data (`mcpConnections`): which client server's slot
 * a key was connected to, and in which form, so rotation, revoke, delete, doctor and "Used in" can follow it.
 */
import type { McpConnectionRecord } from '../../../shared/mcp';
import type { VaultData } from '../store';

export function connectionsOf(data: VaultData): McpConnectionRecord[] {
  return (data.mcpConnections as McpConnectionRecord[] | undefined) ?? [];
}

export function connectionsOfKey(data: VaultData, keyId: string): McpConnectionRecord[] {
  return connectionsOf(data).filter((c) => c.keyId === keyId);
}

/** The same slot of the same server in the same file (header names in any case, as HTTP reads them). */
export function sameSlot(a: Omit<McpConnectionRecord, 'keyId' | 'at' | 'form' | 'client' | 'server'>, b: typeof a): boolean {
  const name = (r: typeof a) => (r.slot.kind === 'header' ? r.slot.name.toLowerCase() : r.slot.name);
  return (
    a.file === b.file &&
    a.serverPath.length === b.serverPath.length &&
    a.serverPath.every((part, i) => part === b.serverPath[i]) &&
    a.slot.kind === b.slot.kind &&
    name(a) === name(b)
  );
}

/** The list with `records` added; a slot holds one key, so an earlier record of the same slot (any key) ends. */
export function withConnections(data: VaultData, records: McpConnectionRecord[]): VaultData {
  const kept = connectionsOf(data).filter((existing) => !records.some((r) => sameSlot(existing, r)));
  return { ...data, mcpConnections: [...kept, ...records] };
}

/** The list without the records of these slots (of any key). */
export function withoutConnections(data: VaultData, slots: Parameters<typeof sameSlot>[0][]): VaultData {
  return { ...data, mcpConnections: connectionsOf(data).filter((existing) => !slots.some((s) => sameSlot(existing, s))) };
}

export function withoutConnectionsOf(data: VaultData, keyId: string): VaultData {
  const all = connectionsOf(data);
  return all.some((c) => c.keyId === keyId) ? { ...data, mcpConnections: all.filter((c) => c.keyId !== keyId) } : data;
}
