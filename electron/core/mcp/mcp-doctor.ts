/**
 * Doctor's look at the MCP clients: servers that start with a key the vault no longer has, or one that is revoked
 * or expired; recorded connections whose slot no longer holds the key (changed by hand, the server or file gone);
 * and keys still sitting in client configs in plain text. In words that name the client, server and slot (never a
 * value), with the `mcpkv mcp …` command that mends it.
 */
import type { Finding } from '../../../shared/doctor';
import { holdsPlaintextKey, type McpConnectionRecord, type McpSlot } from '../../../shared/mcp';
import type { KeyView } from '../../../shared/types';
import { Projects } from '../projects';
import type { Vault } from '../vault';
import { ClientConfigs, holdsKey, type LoadedConfig } from './client-configs';
import { connectionsOf, sameSlot, withoutConnections } from './connection-records';
import { serverLabel, slotLabel } from './labels';
import { displayPath, type McpLocationEnv } from './locations';
import type { ServerEntry } from './server-entries';
import { headerValueOf, serverOf, ServerGone, stillLaunches } from './sync-configs';
import { headerToken } from './slot-values';

/** A word a shell takes as it is, quoted when it must be. */
function shellWord(text: string): string {
  return /^[\w.@:/+=-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `Cursor server "github" (~/.cursor/mcp.json)`. */
function where(config: LoadedConfig, server: string): string {
  return `${serverLabel(config.view.client, server)} (${config.label})`;
}

/** The `mcpkv mcp …` command for a server: its scope and project named too when it is not the user's own file. */
function command(verb: string, config: LoadedConfig, server: string, key?: string): string {
  const { client, scope, projectPath } = config.view;
  const where = scope === 'user' ? '' : ` --scope ${scope}${projectPath ? ` --project ${shellWord(projectPath)}` : ''}`;
  return `mcpkv mcp ${verb}${key ? ` ${shellWord(key)}` : ''} --client ${client} --server ${shellWord(server)}${where}`;
}

export interface McpDiagnosis {
  findings: Finding[];
  /** How many servers were looked at. */
  servers: number;
}

export async function diagnoseMcp(vault: Vault, env: McpLocationEnv): Promise<McpDiagnosis> {
  const clients = new ClientConfigs(vault, new Projects(vault.store), env);
  const configs = await clients.load();
  const keys = vault.list();
  const byId = new Map(keys.map((k) => [k.id, k]));
  const records = connectionsOf(vault.store.read());
  const findings: Finding[] = [];
  let servers = 0;
  for (const config of configs) {
    for (const entry of config.entries) {
      servers++;
      for (const slot of await clients.slotsOf(config, entry, keys)) findings.push(...slotFindings(config, entry, slot, byId));
    }
  }
  for (const record of records) {
    const finding = await staleConnection(vault, env, record, byId);
    if (finding) findings.push(finding);
  }
  return { findings, servers };
}

/** What is wrong with one slot as the config holds it now. */
function slotFindings(config: LoadedConfig, entry: ServerEntry, slot: McpSlot, keys: Map<string, KeyView>): Finding[] {
  const at = { file: config.view.file, server: entry.name, slot: slot.name, serverPath: entry.path, slotKind: slot.kind };
  if (slot.state === 'connected') {
    const key = keys.get(slot.keyId);
    const verb = slot.form === 'header' ? 'sends' : 'starts with';
    if (!key) {
      return [{
        kind: 'mcp-key-gone',
        keyId: slot.keyId,
        ...at,
        message: `${where(config, entry.name)} ${verb} key ${slot.keyId} in ${slotLabel(slot)}, which is no longer in the vault: it will not start. Connect another key (${command('connect', config, entry.name, 'KEY')}) or disconnect it (${command('disconnect', config, entry.name, slot.keyId)}).`,
        repair: null,
      }];
    }
    if (key.status === 'revoked' && slot.form === 'header') {
      return [{
        kind: 'mcp-key-inactive',
        keyId: key.id,
        ...at,
        message: `${where(config, entry.name)} still has ${slotLabel(slot)} written for key "${key.name}", which is revoked. Take it out: ${command('disconnect', config, entry.name, key.id)}.`,
        repair: null,
      }];
    }
    if (key.status !== 'active') {
      return [{
        kind: 'mcp-key-inactive',
        keyId: key.id,
        ...at,
        message: `${where(config, entry.name)} ${verb} key "${key.name}" in ${slotLabel(slot)}, which is ${key.status}. ${key.status === 'expired' ? 'Rotate it, or connect' : 'Connect'} another key (${command('connect', config, entry.name, 'KEY')}).`,
        repair: null,
      }];
    }
    return [];
  }
  if (!holdsPlaintextKey(slot)) return [];
  const what = slot.state === 'vault-value' ? `the value of key "${slot.keyName}"` : 'a key';
  return [{
    kind: 'mcp-plaintext-key',
    ...(slot.state === 'vault-value' && { keyId: slot.keyId }),
    ...at,
    message: `${where(config, entry.name)} holds ${what} in plain text in ${slotLabel(slot)}. Move it into the keychain: ${command('import', config, entry.name)}.`,
    repair: null,
  }];
}

/**
 * A recorded connection whose slot no longer has the key: changed by hand, or the server or file gone (a file that
 * cannot be read says nothing either way); or a header still in place for a key that was revoked since.
 */
async function staleConnection(vault: Vault, env: McpLocationEnv, record: McpConnectionRecord, keys: Map<string, KeyView>): Promise<Finding | null> {
  const key = keys.get(record.keyId);
  if (!key) return null; // deleting a key ends its records: a record without its key is nothing to follow
  const label = `${serverLabel(record.client, record.server)} (${displayPath(env, record.file)})`;
  const at = { keyId: key.id, file: record.file, server: record.server, slot: record.slot.name, serverPath: record.serverPath, slotKind: record.slot.kind };
  const stale: Finding = {
    kind: 'mcp-stale-connection',
    ...at,
    message: `${label} no longer ${record.form === 'header' ? `holds key "${key.name}" in ${slotLabel(record.slot)}` : `runs with key "${key.name}"`}.`,
    repair: 'stop tracking this connection',
  };
  let entry: ServerEntry;
  try {
    ({ entry } = await serverOf(record));
  } catch (error) {
    return error instanceof ServerGone ? stale : null;
  }
  // A slot that still has its key (a revoked or expired one too) is told about as the slot's (slotFindings).
  if (record.form !== 'header') return stillLaunches(entry, record) ? null : stale;
  const value = headerValueOf(entry, record);
  return value !== undefined && (await holdsKey(vault, key, headerToken(value).token)) ? null : stale;
}

/** The repair of a stale connection: the record of that slot goes (the config is left as the user made it). */
export async function forgetConnection(vault: Vault, finding: Finding): Promise<void> {
  const place = { file: finding.file!, serverPath: finding.serverPath!, slot: { kind: finding.slotKind!, name: finding.slot! } };
  await vault.store.update((data) => {
    const gone = connectionsOf(data).filter((r) => r.keyId === finding.keyId && sameSlot(r, place));
    return { data: gone.length ? withoutConnections(data, gone) : data, result: undefined };
  });
}

