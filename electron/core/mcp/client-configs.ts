/**
 * Discovery: every client's config files (user scope; project scope for the vault's projects; Claude Code's local
 * sections inside `~/.claude.json`), read and parsed, their servers, and the state of each credential slot against
 * the vault. A value never leaves this module unmasked: views carry masked fingerprints and placeholders only.
 *
 * Which configs are listed: every client's user file (present or not, so a client without one can be shown as
 * such); a project's file only when it exists; a local section of `~/.claude.json` when it has a server or belongs
 * to one of the vault's projects (Claude Code keeps an empty section for every folder it was ever opened in).
 */
import { MCP_CLIENT_IDS, type McpClientId, type McpConfigView, type McpServerView, type McpSlot, type McpSlotKind, type McpSlotState } from '../../../shared/mcp';
import { isVaultError } from '../../../shared/errors';
import type { KeyView } from '../../../shared/types';
import { fingerprintOf } from '../../../shared/key-format';
import type { Projects } from '../projects';
import type { Vault } from '../vault';
import { readConfigText } from './config-files';
import { connectionsOf, sameSlot } from './connection-records';
import { parseJsonc } from './jsonc-edits';
import { configIdOf, configLocations, displayPath, serversPathOf, type ConfigLocation, type McpLocationEnv } from './locations';
import { extraHeaders, isObject, serverEntries, type ServerEntry } from './server-entries';
import { maskArgs, maskUrl, plainState, secretIn } from './slot-values';

/** The name a slot shows for a key id the vault no longer has (deleted without taking it out of the config). */
export const DELETED_KEY_NAME = '(deleted key)';

/**
 * Does `token` hold key `key`'s value: the keychain's value; or for a revoked key, whose value is gone, what the
 * vault still knows of it (the shown prefix and the fingerprint) — how a header written for it is still recognised.
 */
export async function holdsKey(vault: Vault, key: KeyView, token: string): Promise<boolean> {
  if (fingerprintOf(token) !== key.fingerprint) return false;
  if (key.status === 'revoked') return key.fingerprint !== '' && token.startsWith(key.prefix);
  return (await vault.secrets.get(key.id)) === token;
}

export interface LoadedConfig {
  view: McpConfigView;
  /** The file's text as read; null when it is missing or could not be read. */
  text: string | null;
  /** How messages name the file: `~/.cursor/mcp.json`. */
  label: string;
  entries: ServerEntry[];
}

export interface ConfigFilter {
  client?: McpClientId;
  configId?: string;
}

/** The file's text, or the one line saying why it cannot be read. */
async function readText(file: string, followLinks: boolean, label: string): Promise<{ text: string | null; error: string | null }> {
  try {
    return { text: await readConfigText(file, followLinks), error: null };
  } catch (error) {
    return { text: null, error: isVaultError(error) ? error.message : `${label} could not be read; it was left untouched.` };
  }
}

export class ClientConfigs {
  constructor(
    private readonly vault: Vault,
    private readonly projects: Projects,
    readonly env: McpLocationEnv,
  ) {}

  /** Every config of the clients asked for (or one, by id), read now: for one, only the file that can hold it. */
  async load(filter: ConfigFilter = {}): Promise<LoadedConfig[]> {
    const clients = filter.client ? [filter.client] : MCP_CLIENT_IDS;
    const projectPaths = this.projects.list().map((p) => p.path);
    // A local config is a section of Claude Code's user file: that file is read for it too.
    const mayHold = (location: ConfigLocation) =>
      filter.configId === undefined ||
      configIdOf(location.client, location.scope, location.file, location.projectPath) === filter.configId ||
      (location.client === 'claude-code' && location.scope === 'user');
    const loaded: LoadedConfig[] = [];
    for (const location of configLocations(this.env, projectPaths, clients)) {
      if (!mayHold(location)) continue;
      for (const config of await this.read(location, projectPaths)) {
        if (filter.configId === undefined || config.view.id === filter.configId) loaded.push(config);
      }
    }
    return loaded;
  }

  /** One file: its config, and for `~/.claude.json` its local sections too. */
  private async read(location: ConfigLocation, projectPaths: readonly string[]): Promise<LoadedConfig[]> {
    const { client, scope, file, projectPath } = location;
    const label = displayPath(this.env, file);
    // A user's own file may be a link into a dotfiles folder: read through it (writes never follow it out).
    const { text, error } = await readText(file, scope === 'user', label);
    if (scope === 'project' && text === null && error === null) return [];
    const config = (entries: ServerEntry[], problem: string | null, section: string | null = null): LoadedConfig => ({
      view: {
        id: configIdOf(client, section === null ? scope : 'local', file, section ?? projectPath),
        client,
        scope: section === null ? scope : 'local',
        file,
        projectPath: section ?? projectPath,
        exists: text !== null,
        error: problem,
        serverCount: entries.length,
      },
      text,
      label,
      entries,
    });
    if (text === null) return [config([], error)];
    const parsed = parseJsonc(text);
    if (!parsed.ok) return [config([], `${label} does not parse (line ${parsed.line}, column ${parsed.column}); it was left untouched.`)];
    const servers = serverEntries(parsed.value, serversPathOf(client));
    if (!servers.ok) return [config([], `${label} ${servers.reason}; it was left untouched.`)];
    const configs = [config(servers.entries, null)];
    if (client === 'claude-code' && scope === 'user' && isObject(parsed.value) && isObject(parsed.value.projects)) {
      for (const section of Object.keys(parsed.value.projects)) {
        const local = serverEntries(parsed.value, serversPathOf(client, section));
        const wanted = !local.ok || local.entries.length > 0 || projectPaths.includes(section);
        if (!wanted) continue;
        configs.push(local.ok ? config(local.entries, null, section) : config([], `${label} ${local.reason} for ${section}; it was left untouched.`, section));
      }
    }
    return configs;
  }

  /** The servers of the configs, with the state of each slot. */
  async servers(configs: readonly LoadedConfig[]): Promise<McpServerView[]> {
    const keys = this.vault.list();
    const views: McpServerView[] = [];
    for (const config of configs) {
      for (const entry of config.entries) views.push(await this.serverView(config, entry, keys));
    }
    return views;
  }

  async serverView(config: LoadedConfig, entry: ServerEntry, keys: readonly KeyView[] = this.vault.list()): Promise<McpServerView> {
    const { view } = config;
    const original = entry.proxy ? null : (entry.launched ?? entry);
    return {
      configId: view.id,
      client: view.client,
      scope: view.scope,
      file: view.file,
      projectPath: view.projectPath,
      name: entry.name,
      transport: entry.transport,
      form: entry.form,
      command: original?.command == null ? null : maskArgs([original.command])[0]!,
      args: original ? maskArgs(original.args) : [],
      url: entry.url === null ? null : maskUrl(entry.url),
      slots: await this.slotsOf(config, entry, keys),
    };
  }

  /** The server's slots: the keys its launcher or proxy brings, then its `env` entries or its headers. */
  async slotsOf(config: LoadedConfig, entry: ServerEntry, keys: readonly KeyView[] = this.vault.list()): Promise<McpSlot[]> {
    const byId = new Map(keys.map((k) => [k.id, k]));
    const keyName = (id: string) => byId.get(id)?.name ?? DELETED_KEY_NAME;
    const slots: McpSlot[] = [];
    if (entry.proxy) {
      const keyId = entry.launched!.keys.find((k) => k.variable === entry.proxy!.variable)?.keyId;
      if (keyId) slots.push({ kind: 'header', name: entry.proxy.header, state: 'connected', keyId, keyName: keyName(keyId), form: 'proxy' });
      for (const [name, value] of extraHeaders(entry)) slots.push({ kind: 'header', name, ...(await this.stateOf(config, entry, 'header', name, value, keys)) });
      return slots;
    }
    for (const { keyId, variable } of entry.launched?.keys ?? []) {
      slots.push({ kind: 'env', name: variable, state: 'connected', keyId, keyName: keyName(keyId), form: 'launcher' });
    }
    for (const [name, value] of entry.env) slots.push({ kind: 'env', name, ...(await this.stateOf(config, entry, 'env', name, value, keys)) });
    for (const [name, value] of entry.headers) slots.push({ kind: 'header', name, ...(await this.stateOf(config, entry, 'header', name, value, keys)) });
    return slots;
  }

  /**
   * A plaintext slot's state: a tracked header holding its key's value is connected (the header form; a revoked key's
   * too, so that it can be disconnected); a value equal to a vault key's is that key's; otherwise what the value
   * itself tells. Keys are matched by fingerprint first, so the keychain is read only for likely matches.
   */
  private async stateOf(config: LoadedConfig, entry: ServerEntry, kind: McpSlotKind, name: string, value: string, keys: readonly KeyView[]): Promise<McpSlotState> {
    const plain = plainState(kind, name, value);
    if (plain.state !== 'plaintext-key' && plain.state !== 'plaintext') return plain;
    const secret = secretIn(kind, value);
    const slot = { file: config.view.file, serverPath: entry.path, slot: { kind, name } };
    const record = kind === 'header' ? connectionsOf(this.vault.store.read()).find((r) => r.form === 'header' && sameSlot(r, slot)) : undefined;
    const tracked = record && keys.find((k) => k.id === record.keyId);
    if (tracked && (await holdsKey(this.vault, tracked, secret))) {
      return { state: 'connected', keyId: tracked.id, keyName: tracked.name, form: 'header' };
    }
    const holder = await this.vault.findKeyWithValue(secret, keys);
    if (holder === null) return plain;
    return { state: 'vault-value', keyId: holder, keyName: keys.find((k) => k.id === holder)!.name, masked: plain.masked };
  }
}
