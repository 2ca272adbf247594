/**
 * MCP clients: the servers configured in Claude Desktop, Claude Code, Cursor, VS Code, Windsurf and Zed, and the
 * changes that connect them to the vault (`mcp:*` over IPC, `mcpkv mcp …`). One service for every way in:
 * - `configs()`, `servers()`: discovery (client-configs.ts), every value masked;
 * - `preview(change)`: what a change would do to the server's part of its file, values masked, written nowhere;
 * - `apply(change)`: import a plaintext key (into the keychain, then connect it), connect a vault key (the launcher
 *   form for stdio, the proxy form for remote, or the header written in), or disconnect; recorded in the store's
 *   `mcpConnections` and counted as a use, like a .env export, so rotation, revoke, delete and doctor follow it;
 * - `connectionsOf(keyId)`: a key's connections, for its "Used in".
 * Values move between a file and the keychain here, in main or the CLI: never through the renderer.
 */
import { VaultError } from '../../../shared/errors';
import { inactiveKeyMessage } from '../../../shared/key-status';
import type { LauncherCommand } from '../../../shared/mcp-launcher';
import { headerOfStyle, headerValue, styleOfHeader } from '../../../shared/copy-format';
import {
  HEADER_NAME_PATTERN,
  HEADER_NAME_RULE,
  MCP_CLIENT_NAMES,
  VARIABLE_NAME_PATTERN,
  VARIABLE_NAME_RULE,
  type McpChange,
  type McpChangePreview,
  type McpChangeResult,
  type McpConfigView,
  type McpConnectionForm,
  type McpConnectionRecord,
  type McpConnectionView,
  type McpServerView,
  type McpSlot,
  type McpSlotRef,
  type McpUrlKey,
} from '../../../shared/mcp';
import { parseOrThrow, secretSchema } from '../../../shared/schemas';
import type { KeyView } from '../../../shared/types';
import path from 'node:path';
import { locate } from '../contained-file';
import { gitRisk, gitState } from '../git-safety';
import { Projects } from '../projects';
import type { Vault } from '../vault';
import { ClientConfigs, type ConfigFilter, type LoadedConfig } from './client-configs';
import { writeConfigText } from './config-files';
import { connectionsOf, connectionsOfKey, sameSlot, withConnections, withoutConnections } from './connection-records';
import { fileEditError } from './jsonc-edits';
import { describeName, serverLabel, slotLabel } from './labels';
import { serverDiff } from './change-preview';
import { locationEnvFromProcess, placeOf, type McpLocationEnv } from './locations';
import { fromProxy, headerNameIn, toLauncher, toProxy, withHeader, withoutHeader, withoutLauncherKey } from './server-edits';
import { entryIn, extraHeaders, type ServerEntry } from './server-entries';
import { credentialHeader, headerToken, secretIn } from './slot-values';

export interface McpServiceOptions {
  /** How a client's config starts `mcpkv` (the CLI: node and its bundle; the app: its executable and `--mcpkv-cli`). */
  launcher: LauncherCommand;
  /** The project folders of the same vault (main shares its own; the CLI takes a fresh one). */
  projects?: Projects;
  /** Where the clients' files are; default: this process's home, XDG_CONFIG_HOME, APPDATA and platform. */
  locations?: McpLocationEnv;
}

/** How a preview names the key an import would create (its id exists only once it is created). */
const NEW_KEY_ID = 'new-key';

/** A value the vault can take in as a key (the rules of an import), or the one line saying why not. */
function importable(secret: string, where: string): void {
  try {
    parseOrThrow(secretSchema, secret);
  } catch (error) {
    if (error instanceof VaultError) throw new VaultError('VALIDATION', `The value in the ${where} cannot be imported: ${error.message.replace(/\.$/, '')}.`);
    throw error;
  }
}

/** The server, file and slot of a change: everything a plan needs, read now. */
interface Target {
  config: LoadedConfig;
  /** The file's text the change is made on (the write is refused if the file no longer holds it). */
  text: string;
  entry: ServerEntry;
  /** The slot as it is, or null when the change adds it (a new variable or header). */
  slot: McpSlot | null;
  /** The slot's value in the file, if it has one (a plaintext env entry or header). */
  value: string | null;
}

interface Plan {
  next: string;
  form: McpConnectionForm | 'plain';
  holdsSecret: boolean;
  keyId: string;
  /** The slot as recorded: a header under the name it has in the file. */
  slot: McpSlotRef['slot'];
  /** The proxy form: the property the server's URL was in (recorded, so that undoing the form writes it back there). */
  urlKey?: McpUrlKey;
}

export class McpService {
  private readonly launcher: LauncherCommand;
  private readonly projects: Projects;
  private readonly env: McpLocationEnv;
  private readonly clients: ClientConfigs;

  constructor(
    private readonly vault: Vault,
    options: McpServiceOptions,
  ) {
    this.launcher = options.launcher;
    this.projects = options.projects ?? new Projects(vault.store);
    this.env = options.locations ?? locationEnvFromProcess();
    this.clients = new ClientConfigs(vault, this.projects, this.env);
  }

  /** Every client's config files (user scope, the vault's projects, Claude Code's local sections). */
  async configs(filter: ConfigFilter = {}): Promise<McpConfigView[]> {
    return (await this.clients.load(filter)).map((c) => c.view);
  }

  /** Every configured server, with each slot's state; values masked. */
  async servers(filter: ConfigFilter = {}): Promise<McpServerView[]> {
    return this.clients.servers(await this.clients.load(filter));
  }

  /** What the change would do to the server's part of its file, every value masked; nothing is written or created. */
  async preview(change: McpChange): Promise<McpChangePreview> {
    const target = await this.target(change.ref);
    const plan = await this.plan(change, target);
    return { file: target.config.view.file, diff: serverDiff(target.text, plan.next, target.entry), form: plan.form, holdsSecret: plan.holdsSecret };
  }

  /**
   * Makes the change: an import first takes the value into the keychain (or links the vault key that already holds
   * it), then the server's file is rewritten in one atomic write (refused if the file changed since it was read: the
   * key the import created is then deleted again), and the connection is recorded and counted as a use.
   */
  async apply(change: McpChange): Promise<McpChangeResult> {
    const target = await this.target(change.ref);
    // Everything that would refuse the change is checked before a key is created.
    let plan = await this.plan(change, target);
    const { config, entry } = target;
    const file = config.view.file;
    let created: KeyView | null = null;
    let tightened: McpChangeResult['tightened'];
    try {
      if (change.action === 'import' && plan.keyId === NEW_KEY_ID) {
        await locate(file); // a file we may not write is refused before the key exists
        created = await this.importKey(target, change.name);
        plan = await this.plan(change, target, created.id);
      }
      ({ tightened } = await writeConfigText(file, { expected: target.text, next: plan.next, secret: plan.holdsSecret, label: config.label }));
    } catch (error) {
      // An import whose file cannot be written (changed since it was read) changes nothing: its new key goes again.
      if (created) await this.vault.delete(created.id).catch(() => undefined);
      throw error;
    }
    const place = { file, serverPath: entry.path, slot: plan.slot };
    if (change.action === 'disconnect') {
      await this.vault.store.update((data) => ({ data: withoutConnections(data, [place]), result: undefined }));
    } else {
      const at = new Date(this.vault.now()).toISOString();
      const record: McpConnectionRecord = {
        keyId: plan.keyId,
        client: config.view.client,
        ...place,
        server: entry.name,
        form: plan.form as McpConnectionForm,
        at,
        ...(plan.urlKey && { urlKey: plan.urlKey }),
      };
      await this.vault.recordUses('exported', [{ id: plan.keyId, detail: `${serverLabel(config.view.client, entry.name)} in ${config.label} (${plan.slot.name}, ${plan.form})` }], {
        at,
        alongWith: (data) => withConnections(data, [record]),
      });
    }
    return { file, server: entry.name, form: plan.form, keyId: plan.keyId, ...(tightened && { tightened }) };
  }

  /** Where key `keyId` was connected, oldest first, with each config's id, scope and project. */
  connectionsOf(keyId: string): McpConnectionView[] {
    return connectionsOfKey(this.vault.store.read(), keyId).map((record) => {
      const { configId, scope, projectPath } = placeOf(this.env, record.client, record.file, record.serverPath);
      return { ...record, configId, scope, projectPath };
    });
  }

  /** The config, server and slot a change names, read now; a config that cannot be read or parsed is refused. */
  private async target(ref: McpSlotRef): Promise<Target> {
    const [config] = await this.clients.load({ configId: ref.configId });
    if (!config) throw new VaultError('NOT_FOUND', 'No such MCP client config.', { field: 'ref.configId' });
    if (config.view.error !== null) throw new VaultError('FILE_ERROR', config.view.error, { field: 'ref.configId' });
    if (config.text === null) throw new VaultError('NOT_FOUND', `${config.label} does not exist.`, { field: 'ref.configId' });
    const entry = config.entries.find((e) => e.name === ref.server);
    if (!entry) throw new VaultError('NOT_FOUND', `No server ${describeName(ref.server)} in ${config.label}.`, { field: 'ref.server' });
    const slots = await this.clients.slotsOf(config, entry);
    const sameName = (name: string) => (ref.slot.kind === 'header' ? name.toLowerCase() === ref.slot.name.toLowerCase() : name === ref.slot.name);
    const slot = slots.find((s) => s.kind === ref.slot.kind && sameName(s.name)) ?? null;
    const values = ref.slot.kind === 'env' ? entry.env : entry.proxy ? extraHeaders(entry) : entry.headers;
    const value = values.find(([name]) => sameName(name))?.[1] ?? null;
    return { config, text: config.text, entry, slot, value };
  }

  /** The change's plan, or why not; an edit that cannot be made on the file is one line naming it. */
  private async plan(change: McpChange, target: Target, importedKeyId?: string): Promise<Plan> {
    let plan: Plan;
    try {
      plan = await this.planChange(change, target, importedKeyId);
    } catch (error) {
      throw fileEditError(error, target.config.label);
    }
    // An import in the header form leaves the value where it already is; connect and write-back put a key in.
    if (plan.holdsSecret && change.action !== 'import') await this.refuseCommittable(target.config, change.action === 'disconnect');
    return plan;
  }

  /**
   * A key is not written into a project's config that git would commit (tracked, or not ignored): the launcher and
   * the proxy keep it out of the file. The user's own files (user scope, `~/.claude.json`) are in no repository of theirs.
   */
  private async refuseCommittable(config: LoadedConfig, writeBack: boolean): Promise<void> {
    const { scope, projectPath, file } = config.view;
    if (scope !== 'project' || projectPath === null) return;
    const git = await gitState(projectPath, path.relative(projectPath, file));
    if (!gitRisk(git)) return;
    const instead = writeBack ? 'disconnect without writing the value back' : 'use the proxy form';
    const fix = git.tracked ? `untrack it (git rm --cached)${git.ignored ? '' : ' and add it to .gitignore'}` : 'add it to .gitignore first';
    throw new VaultError('VALIDATION', `${config.label} would hold the key in plain text, and git ${git.tracked ? 'tracks' : 'does not ignore'} it: ${instead}, or ${fix}.`);
  }

  private async planChange(change: McpChange, target: Target, importedKeyId?: string): Promise<Plan> {
    const { ref } = change;
    const where = `${slotLabel(ref.slot)} of ${serverLabel(target.config.view.client, ref.server)}`;
    const slot = target.slot;
    if (change.action === 'disconnect') return this.disconnectPlan(target, ref, change.keyId, change.writeValue === true, where);
    if (slot?.state === 'placeholder') {
      throw new VaultError('VALIDATION', `The ${where} holds a placeholder the client expands itself (${slot.placeholder}); it is never replaced.`);
    }
    if (change.action === 'import') {
      if (slot === null || slot.state === 'empty' || target.value === null) throw new VaultError('VALIDATION', `The ${where} holds no value to import.`);
      if (slot.state === 'connected') throw new VaultError('CONFLICT', `The ${where} is already connected to key "${slot.keyName}".`);
      if (target.entry.proxy) throw new VaultError('VALIDATION', `The ${where} is passed on by the proxy: disconnect the server first, then import it.`);
      const secret = secretIn(ref.slot.kind, target.value);
      const keyId = importedKeyId ?? (slot.state === 'vault-value' ? slot.keyId : NEW_KEY_ID);
      if (keyId === NEW_KEY_ID) importable(secret, where);
      else this.activeKey(keyId); // a value already in the vault is linked: its key must be usable
      return this.connectPlan(target, ref, keyId, change.form, async () => secret);
    }
    const key = this.activeKey(change.keyId);
    return this.connectPlan(target, ref, key.id, change.form, () => this.vault.secretOf(key.id), key);
  }

  private activeKey(keyId: string): KeyView {
    const key = this.vault.get(keyId);
    if (key.status !== 'active') throw new VaultError('KEY_INACTIVE', inactiveKeyMessage(key, 'connected'));
    return key;
  }

  /** Connecting a key to the slot, in `form` (default: the launcher for a stdio server, the proxy for a remote one). */
  private async connectPlan(target: Target, ref: McpSlotRef, keyId: string, form: McpConnectionForm | undefined, secret: () => Promise<string>, key?: KeyView): Promise<Plan> {
    const { config, entry } = target;
    const server = serverLabel(config.view.client, entry.name);
    const wanted = form ?? (entry.transport === 'stdio' ? 'launcher' : 'proxy');
    if (entry.transport === 'stdio') {
      if (wanted !== 'launcher') throw new VaultError('VALIDATION', `The ${wanted} form is for remote servers; ${server} is started by a command.`, { field: 'form' });
      if (ref.slot.kind !== 'env') throw new VaultError('VALIDATION', `${server} is started by a command: it takes a key in a variable, not a header.`, { field: 'ref.slot' });
      if (!VARIABLE_NAME_PATTERN.test(ref.slot.name)) throw new VaultError('VALIDATION', `${VARIABLE_NAME_RULE}.`, { field: 'ref.slot.name' });
      if (entry.command === null) throw new VaultError('VALIDATION', `${server} has no command the launcher could start.`);
      const next = toLauncher(target.text, entry, this.launcher, [{ keyId, variable: ref.slot.name }]);
      return { next, form: 'launcher', holdsSecret: false, keyId, slot: { kind: 'env', name: ref.slot.name } };
    }
    if (wanted === 'launcher') throw new VaultError('VALIDATION', `The launcher form is for servers started by a command; ${server} is remote (use the proxy or the header form).`, { field: 'form' });
    if (ref.slot.kind !== 'header') throw new VaultError('VALIDATION', `${server} is remote: it takes a key in a header, not a variable.`, { field: 'ref.slot' });
    if (!HEADER_NAME_PATTERN.test(ref.slot.name)) throw new VaultError('VALIDATION', `${HEADER_NAME_RULE}.`, { field: 'ref.slot.name' });
    // A server reached through the proxy is first taken back to its remote form (its key's header replaced below).
    let { text } = target;
    let current = entry;
    if (entry.proxy) {
      if (entry.proxy.header.toLowerCase() !== ref.slot.name.toLowerCase()) {
        throw new VaultError('CONFLICT', `${server} is reached through the proxy with its key in ${entry.proxy.header}: disconnect it first.`);
      }
      text = fromProxy(text, entry, config.view.client, null, this.proxyRecord(config, entry)?.urlKey);
      const back = entryIn(text, entry);
      if (!back) throw new VaultError('INTERNAL', 'The server could not be read back after the edit.');
      current = back;
    }
    const name = headerNameIn(current, ref.slot.name);
    const scheme = this.schemeFor(target, name, key);
    if (wanted === 'proxy') {
      // The proxy passes the server's other headers on in its arguments, and clients expand `${…}` in arguments too:
      // a header holding a key, a placeholder or a credential-like name would put a secret on a command line.
      const other = (await this.clients.slotsOf(config, current)).find(
        (s) => s.kind === 'header' && s.name.toLowerCase() !== name.toLowerCase() && s.state !== 'empty' && (s.state !== 'plaintext' || credentialHeader(s.name)),
      );
      if (other?.state === 'placeholder') {
        throw new VaultError(
          'CONFLICT',
          `Header ${describeName(other.name)} of ${server} holds a placeholder the client would expand into the proxy’s command line, where other programs can read it: use the header form (or remove that header first).`,
        );
      }
      if (other) {
        throw new VaultError('CONFLICT', `Header ${describeName(other.name)} of ${server} also holds a key, and the proxy would pass it on in its command line: import or remove it first, or use the header form.`);
      }
      const next = toProxy(text, current, config.view.client, this.launcher, keyId, { name, scheme });
      return { next, form: 'proxy', holdsSecret: false, keyId, slot: { kind: 'header', name }, ...(current.urlKey && { urlKey: current.urlKey }) };
    }
    const value = await secret();
    const next = withHeader(text, current, name, headerValue(scheme, value));
    return { next, form: 'header', holdsSecret: true, keyId, slot: { kind: 'header', name } };
  }

  /**
   * The scheme before the key in a header: the one the header has now (`Bearer`, `ApiKey`), the proxy's, or the
   * key's own header style when the header is its style's (`Authorization: ApiKey`); Authorization otherwise takes Bearer.
   */
  private schemeFor(target: Target, name: string, key: KeyView | undefined): string | null {
    if (target.entry.proxy) return target.entry.proxy.scheme;
    if (target.value !== null) return headerToken(target.value).scheme;
    const style = headerOfStyle(key?.httpHeader);
    if (style.header.toLowerCase() === name.toLowerCase()) return style.scheme;
    return name.toLowerCase() === 'authorization' ? 'Bearer' : null;
  }

  /** Back to the plain form: without the key, or with its value written back (`writeValue`). */
  private async disconnectPlan(target: Target, ref: McpSlotRef, keyId: string, writeValue: boolean, where: string): Promise<Plan> {
    const { config, entry, slot, text } = target;
    const recorded = connectionsOfKey(this.vault.store.read(), keyId).some((r) => sameSlot(r, { file: config.view.file, serverPath: entry.path, slot: ref.slot }));
    const plan = (next: string, holdsSecret: boolean): Plan => ({ next, form: 'plain', holdsSecret, keyId, slot: { kind: ref.slot.kind, name: slot?.name ?? ref.slot.name } });
    if (slot?.state !== 'connected' || slot.keyId !== keyId) {
      // A record whose slot was changed by hand: only the record goes; the file keeps what the user put there.
      if (recorded) return plan(text, false);
      throw new VaultError('VALIDATION', `The ${where} is not connected to key ${describeName(this.keyNameOf(keyId))}.`);
    }
    const secret = writeValue ? await this.vault.secretOf(keyId) : null;
    switch (slot.form) {
      case 'launcher':
        return plan(withoutLauncherKey(text, entry, slot.name, secret), writeValue);
      case 'proxy': {
        const scheme = entry.proxy!.scheme;
        const value = secret === null ? null : headerValue(scheme, secret);
        return plan(fromProxy(text, entry, config.view.client, value, this.proxyRecord(config, entry)?.urlKey), writeValue);
      }
      case 'header':
        return plan(writeValue ? text : withoutHeader(text, entry, slot.name), writeValue);
    }
  }

  /** The record of a server in the proxy form (its key's header), if it was connected here. */
  private proxyRecord(config: LoadedConfig, entry: ServerEntry): McpConnectionRecord | undefined {
    const place = { file: config.view.file, serverPath: entry.path, slot: { kind: 'header' as const, name: entry.proxy!.header } };
    return connectionsOf(this.vault.store.read()).find((r) => r.form === 'proxy' && sameSlot(r, place));
  }

  private keyNameOf(keyId: string): string {
    return this.vault.list().find((k) => k.id === keyId)?.name ?? keyId;
  }

  /** The imported key: named from client, server and slot (unique), marked imported, with no expiry of ours. */
  private async importKey(target: Target, name: string | undefined): Promise<KeyView> {
    const { config, entry, value } = target;
    const slot = target.slot!;
    const scheme = slot.kind === 'header' ? headerToken(value!).scheme : null;
    const httpHeader = slot.kind === 'header' ? styleOfHeader(slot.name, scheme) : undefined;
    return this.vault.create({
      name: name ?? this.uniqueName(`${MCP_CLIENT_NAMES[config.view.client]} ${entry.name} ${slot.name}`),
      importSecret: secretIn(slot.kind, value!),
      expiresInDays: 0,
      ...(httpHeader && { httpHeader }),
    });
  }

  /** `name`, or `name (2)`, `name (3)`… : the first no key has (names are compared in any case). */
  private uniqueName(base: string): string {
    // eslint-disable-next-line no-control-regex -- a server name from a file may hold control characters: names may not
    const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 90);
    const taken = new Set(this.vault.list().map((k) => k.name.toLocaleLowerCase()));
    let candidate = clean;
    for (let n = 2; taken.has(candidate.toLocaleLowerCase()); n++) candidate = `${clean} (${n})`;
    return candidate;
  }
}
