/**
 * The vault: the key lifecycle (create, edit, reveal, revoke, delete), rotation and use counts, used by the
 * CLI and by the app's main process alike. Around it, each with its own job: exports/ (writing keys into .env
 * files), recovery.ts (finishing what a killed process left half done), doctor.ts (checks and repairs), and
 * the pure record helpers in key-records.ts.
 *
 * Secrets go to and come from the SecretStore (the OS keychain) only; the MetadataStore holds records.
 * Each operation that touches both orders its writes so that a failure leaves the old state: the
 * keychain step comes first and is undone if the store write then fails. A keychain call that passed its deadline
 * (KEYCHAIN_TIMEOUT) may still land later, so then nothing is undone through the keychain and the journal's
 * marker stays: the next start finishes or undoes the operation once the keychain answers (recovery.ts).
 */
import path from 'node:path';
import { VaultError } from '../../shared/errors';
import { DEFAULT_PREFIX, fingerprintOf, looksLikeSecret, MIN_SECRET_LENGTH, shownPrefix } from '../../shared/key-format';
import { expiryFromDays, toKeyView } from '../../shared/key-status';
import { createKeyInputSchema, editKeyInputSchema, parseOrThrow, secretSchema } from '../../shared/schemas';
import type { ActivityEvent, ActivityType, CreateKeyInput, EditKeyInput, KeyRecord, KeyView, KeyWithSecret } from '../../shared/types';
import type { ExportReport } from '../../shared/exports';
import type { McpConnectionRecord } from '../../shared/mcp';
import { exportsOfKey, withoutExportsOf } from './exports/export-records';
import { removeFromFiles, rotateInFiles } from './exports/sync-files';
import { connectionsOfKey, withoutConnections, withoutConnectionsOf } from './mcp/connection-records';
import { removalEnded, removeFromConfigs, rotateInConfigs } from './mcp/sync-configs';
import { Journal, type PendingEntry } from './journal';
import { findRecord, nameTaken, recordOf, rotatedRecord, usedRecord, withKey, withoutKey } from './key-records';
import { generateKeyId, generateSecret } from './key-generator';
import { isKeychainTimeout, type SecretStore } from './keychain';
import type { MetadataStore, VaultData } from './store';

export const DEFAULT_EXPIRY_DAYS = 90;

export type WithExportReports<T> = T & { exports: ExportReport[] };

/** Where the vault reports what happened (the activity log). Must never throw into an operation. */
export interface ActivitySink {
  record(event: ActivityEvent): void | Promise<void>;
}

export interface VaultOptions {
  store: MetadataStore;
  secrets: SecretStore;
  activity?: ActivitySink;
  now?: () => number;
}

/** One use of a key (a copy, an export), with what the activity log says about it. */
export interface KeyUse {
  id: string;
  detail?: string;
}

/** Echo what the user typed only when it cannot be a secret pasted by mistake. */
function describeRef(ref: string): string {
  return looksLikeSecret(ref) || !/^[\w .@:-]{1,100}$/.test(ref) ? 'that id or name' : `"${ref}"`;
}

/** The fewest characters of an id that `resolve` takes as a prefix. */
export const MIN_ID_PREFIX = 4;

/** Keys an id prefix could mean, by id and name (the first few): `2 keys: fd5c5b5177095c73 "Production", …`. */
function describeCandidates(keys: KeyRecord[]): string {
  const shown = keys.slice(0, 5).map((k) => `${k.id} "${k.name}"`);
  return `${keys.length} key${keys.length === 1 ? '' : 's'}: ${shown.join(', ')}${keys.length > shown.length ? ', …' : ''}`;
}

/** The keychain account that holds a rotation's new value until the rotation is complete. */
export function nextAccount(id: string): string {
  return `${id}:next`;
}

/**
 * The prefix the record of an imported `secret` shows: the one given, if the value starts with it and at least
 * MIN_SECRET_LENGTH characters follow (else refused: it would show too much of the value, or something it is not),
 * or the known prefix it starts with (shownPrefix).
 */
function importedPrefix(secret: string, given: string | undefined): string {
  if (given === undefined || given === '') return shownPrefix(secret);
  if (!secret.startsWith(given) || secret.length - given.length < MIN_SECRET_LENGTH) {
    throw new VaultError('VALIDATION', `The prefix of an imported key must be how its value starts, with at least ${MIN_SECRET_LENGTH} characters after it.`, { field: 'prefix' });
  }
  return given;
}

/**
 * Trims surrounding whitespace from a pasted or piped secret, telling whether anything was trimmed. One line ending
 * after the value (`echo "$KEY" |`, a line typed at a prompt) is how a line ends, not whitespace worth a note.
 */
export function normalizeImportedSecret(raw: string): { secret: string; trimmed: boolean } {
  const line = raw.replace(/\r?\n$/, '');
  const secret = line.trim();
  return { secret: parseOrThrow(secretSchema, secret), trimmed: secret !== line };
}

export class Vault {
  readonly store: MetadataStore;
  readonly secrets: SecretStore;
  /** The vault's clock: statuses, timestamps and the services built on the vault (exports, recovery) read it. */
  readonly now: () => number;
  private readonly activity: ActivitySink | undefined;

  constructor(options: VaultOptions) {
    this.store = options.store;
    this.secrets = options.secrets;
    this.activity = options.activity;
    this.now = options.now ?? Date.now;
    this.journal = new Journal(path.join(path.dirname(this.store.path), 'pending'));
  }

  /** Intent markers around keychain + store writes, so a killed process leaves nothing half done. */
  readonly journal: Journal;

  /** Logs an event after the operation succeeded; a failing log never undoes or fails the operation. */
  private async log(type: ActivityType, key: Pick<KeyRecord, 'id' | 'name'>, detail?: string): Promise<void> {
    if (!this.activity) return;
    try {
      await this.activity.record({ type, keyId: key.id, keyName: key.name, at: this.iso(), ...(detail !== undefined && { detail }) });
    } catch {
      // The operation is done; losing one log line must not turn it into a failure.
    }
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private view(record: KeyRecord): KeyView {
    return toKeyView(record, this.now());
  }

  list(options: { activeOnly?: boolean } = {}): KeyView[] {
    const views = Object.values(this.store.read().keys).map((r) => this.view(r));
    return options.activeOnly ? views.filter((v) => v.status === 'active') : views;
  }

  get(id: string): KeyView {
    return this.view(recordOf(this.store.read(), id));
  }

  /** For people typing commands: a full id, a unique id prefix (4+ characters) or a name (any case). */
  resolve(ref: string): KeyView {
    const keys = Object.values(this.store.read().keys);
    const byId = keys.find((k) => k.id === ref);
    if (byId) return this.view(byId);
    const lower = ref.toLocaleLowerCase();
    const byName = keys.find((k) => k.name.toLocaleLowerCase() === lower);
    if (byName) return this.view(byName);
    if (/^[0-9a-f]{1,15}$/.test(ref)) {
      const matches = keys.filter((k) => k.id.startsWith(ref));
      // A prefix this short would pick a key by chance as the vault grows: it names the candidates instead.
      if (ref.length < MIN_ID_PREFIX && matches.length > 0) {
        throw new VaultError('VALIDATION', `An id prefix needs ${MIN_ID_PREFIX} or more characters; "${ref}" starts ${describeCandidates(matches)}.`);
      }
      if (matches.length === 1) return this.view(matches[0]!);
      if (matches.length > 1) throw new VaultError('VALIDATION', `Id prefix ${ref} matches ${describeCandidates(matches)}; give more characters.`);
    }
    throw new VaultError('NOT_FOUND', `No key matches ${describeRef(ref)}.`);
  }

  async create(input: CreateKeyInput): Promise<KeyWithSecret> {
    const parsed = parseOrThrow(createKeyInputSchema, input);
    let written: string | undefined;
    let keychainStuck = false;
    let created: KeyWithSecret;
    try {
      created = await this.store.update(async (data) => {
        if (nameTaken(data, parsed.name)) throw new VaultError('CONFLICT', `A key named "${parsed.name}" already exists.`, { field: 'name' });
        let id = generateKeyId();
        while (Object.hasOwn(data.keys, id)) id = generateKeyId();
        const imported = parsed.importSecret !== undefined;
        const secret = parsed.importSecret ?? generateSecret(parsed.prefix ?? DEFAULT_PREFIX);
        // One reading of the clock: createdAt and expiresAt are exactly the chosen period apart.
        const nowMs = this.now();
        const now = new Date(nowMs).toISOString();
        const record: KeyRecord = {
          id,
          name: parsed.name,
          description: parsed.description ?? '',
          owner: parsed.owner ?? '',
          permissions: parsed.permissions ?? [],
          metadata: { ...(parsed.metadata ?? {}) },
          source: imported ? 'imported' : 'generated',
          prefix: imported ? importedPrefix(secret, parsed.prefix) : (parsed.prefix ?? DEFAULT_PREFIX),
          fingerprint: fingerprintOf(secret),
          createdAt: now,
          expiresAt:
            parsed.expiresAt !== undefined ? parsed.expiresAt : expiryFromDays(parsed.expiresInDays ?? DEFAULT_EXPIRY_DAYS, nowMs),
          revokedAt: null,
          rotatedAt: null,
          lastUsedAt: null,
          usageCount: 0,
          ...(parsed.httpHeader !== undefined && { httpHeader: parsed.httpHeader }),
        };
        this.journal.begin({ id, op: 'create' });
        written = id;
        await this.secrets.set(id, secret);
        return { data: withKey(data, record), result: { ...this.view(record), secret } };
      });
    } catch (error) {
      keychainStuck = isKeychainTimeout(error);
      // The secret went in but the record did not: take the secret out again, so nothing is orphaned.
      if (written && !keychainStuck) await this.secrets.delete(written).catch(() => undefined);
      throw error;
    } finally {
      if (written && !keychainStuck) this.journal.end({ id: written, op: 'create' });
    }
    await this.log(created.source === 'imported' ? 'imported' : 'created', created);
    return created;
  }

  async edit(id: string, input: EditKeyInput): Promise<KeyView> {
    const parsed = parseOrThrow(editKeyInputSchema, input);
    const edited = await this.store.update((data) => {
      const current = recordOf(data, id);
      if (parsed.name !== undefined && nameTaken(data, parsed.name, id)) {
        throw new VaultError('CONFLICT', `A key named "${parsed.name}" already exists.`, { field: 'name' });
      }
      const next: KeyRecord = {
        ...current,
        ...(parsed.name !== undefined && { name: parsed.name }),
        ...(parsed.description !== undefined && { description: parsed.description }),
        ...(parsed.owner !== undefined && { owner: parsed.owner }),
        ...(parsed.permissions !== undefined && { permissions: parsed.permissions }),
        ...(parsed.metadata !== undefined && { metadata: { ...parsed.metadata } }),
        ...(parsed.httpHeader !== undefined && { httpHeader: parsed.httpHeader }),
      };
      if (parsed.expiresAt !== undefined) next.expiresAt = parsed.expiresAt;
      else if (parsed.expiresInDays !== undefined) next.expiresAt = expiryFromDays(parsed.expiresInDays, this.now());
      return { data: withKey(data, next), result: this.view(next) };
    });
    await this.log('edited', edited);
    return edited;
  }

  /** The secret, shown to the user at their explicit request: logged as a reveal (`detail`: where, e.g. `mcpkv get`). */
  async reveal(id: string, detail?: string): Promise<string> {
    const secret = await this.secretOf(id);
    await this.log('revealed', this.get(id), detail);
    return secret;
  }

  /** The secret of an active key. Only for reveal, copy, use and rotate: listing never reads the keychain. */
  async secretOf(id: string): Promise<string> {
    const record = recordOf(this.store.read(), id);
    if (record.revokedAt) throw new VaultError('KEY_INACTIVE', `Key "${record.name}" is revoked; its secret was removed.`);
    const secret = await this.secrets.get(id);
    if (secret === null) {
      throw new VaultError('NOT_FOUND', `The secret of key "${record.name}" is missing from the OS keychain.`);
    }
    return secret;
  }

  async revoke(id: string, options: { removeFromFiles?: boolean } = {}): Promise<WithExportReports<KeyView>> {
    // Files are cleaned first, while the secret still exists to recognise our value.
    const { exports, ended } = options.removeFromFiles ? await this.removeCopies(id) : { exports: [], ended: [] };
    let removed: string | null = null;
    let wasActive = false;
    let keychainStuck = false;
    let revoked: KeyView;
    try {
      revoked = await this.store.update(async (data) => {
        const current = recordOf(data, id);
        // The connections the key was taken out of (or whose server is gone) end; one changed by hand or that could
        // not be written stays tracked, so doctor still points at it.
        const kept = ended.length > 0 ? withoutConnections(data, ended) : data;
        if (current.revokedAt) return { data: kept, result: this.view(current) };
        wasActive = true;
        const next: KeyRecord = { ...current, revokedAt: this.iso() };
        removed = await this.secrets.get(id);
        this.journal.begin({ id, op: 'revoke' });
        if (removed !== null) await this.secrets.delete(id);
        return { data: withKey(kept, next), result: this.view(next) };
      });
    } catch (error) {
      keychainStuck = isKeychainTimeout(error);
      if (removed !== null && !keychainStuck) await this.secrets.set(id, removed).catch(() => undefined);
      throw error;
    } finally {
      if (!keychainStuck) this.journal.end({ id, op: 'revoke' });
    }
    if (wasActive) await this.log('revoked', revoked);
    return { ...revoked, exports };
  }

  async delete(id: string, options: { removeFromFiles?: boolean } = {}): Promise<WithExportReports<KeyView>> {
    const { exports } = options.removeFromFiles ? await this.removeCopies(id) : { exports: [] };
    let removed: string | null = null;
    let keychainStuck = false;
    let deleted: KeyView;
    try {
      deleted = await this.store.update(async (data) => {
        const current = recordOf(data, id);
        removed = await this.secrets.get(id);
        this.journal.begin({ id, op: 'delete' });
        if (removed !== null) await this.secrets.delete(id);
        return { data: withoutConnectionsOf(withoutExportsOf(withoutKey(data, id), id), id), result: this.view(current) };
      });
    } catch (error) {
      keychainStuck = isKeychainTimeout(error);
      if (removed !== null && !keychainStuck) await this.secrets.set(id, removed).catch(() => undefined);
      throw error;
    } finally {
      if (!keychainStuck) this.journal.end({ id, op: 'delete' });
    }
    await this.log('deleted', deleted);
    return { ...deleted, exports };
  }

  /**
   * A new secret under the same id; the old one is overwritten in the keychain at once, and every .env file
   * the key was exported to gets the new value, and so does every MCP client header it was written into (each
   * reported: updated, missing, changed by hand; a launcher or proxy connection: nothing to rewrite). A key with
   * an expiry gets a fresh period of the same length, counted from now. Imported keys need `newSecret`.
   *
   * Order, so a kill at any point can be finished (see recovery.ts): the new value goes first to a
   * side account `<id>:next`, then into the files (the old value is still known), then replaces the key's
   * own entry, then the record is written; the side account goes last.
   */
  async rotate(id: string, options: { newSecret?: string } = {}): Promise<WithExportReports<KeyWithSecret & { previousSecret: string }>> {
    let previous: string | null = null;
    let next: string | null = null;
    let filesUpdated: ExportReport[] = [];
    let configsUpdated: McpConnectionRecord[] = [];
    let replaced = false;
    let keychainStuck = false;
    let rotated: WithExportReports<KeyWithSecret & { previousSecret: string }>;
    const marker: PendingEntry = { id, op: 'rotate' };
    try {
      rotated = await this.store.update(async (data) => {
        const current = recordOf(data, id);
        if (current.revokedAt) throw new VaultError('KEY_INACTIVE', `Key "${current.name}" is revoked and cannot be rotated.`);
        if (current.source === 'imported' && options.newSecret === undefined) {
          throw new VaultError('VALIDATION', `Key "${current.name}" was imported: give its new value to rotate it.`, { field: 'newSecret' });
        }
        const secret =
          options.newSecret !== undefined ? parseOrThrow(secretSchema, options.newSecret) : generateSecret(current.prefix || DEFAULT_PREFIX);
        previous = await this.secrets.get(id);
        // A key whose value the keychain lost is brought back by giving it a value (no file can be matched then).
        if (previous === null && options.newSecret === undefined) {
          throw new VaultError('NOT_FOUND', `The secret of key "${current.name}" is missing from the OS keychain.`);
        }
        if (secret === previous) throw new VaultError('VALIDATION', 'The new key value is the same as the current one.', { field: 'newSecret' });
        this.journal.begin(marker);
        await this.secrets.set(nextAccount(id), secret);
        next = secret;
        const files = previous === null ? [] : await rotateInFiles(exportsOfKey(data, id), previous, secret);
        filesUpdated = files.filter((r) => r.outcome === 'updated');
        const connections = connectionsOfKey(data, id);
        const configs = previous === null ? [] : await rotateInConfigs(connections, previous, secret);
        // One report per record, in order; none at all when there is no old value to match.
        configsUpdated = configs.flatMap((report, i) => (report.outcome === 'updated' ? [connections[i]!] : []));
        const exports = [...files, ...configs];
        await this.secrets.set(id, secret);
        replaced = true;
        const record = rotatedRecord(current, secret, this.now());
        return { data: withKey(data, record), result: { ...this.view(record), secret, previousSecret: previous ?? '', exports } };
      });
    } catch (error) {
      keychainStuck = isKeychainTimeout(error);
      const written = filesUpdated.length + configsUpdated.length;
      if (keychainStuck && written > 0) {
        // The key's own entry may still take the new value: the files keep it too, and the next start finishes the
        // rotation (the side account holds the value), so keychain, files and record end up agreeing.
        throw new VaultError('KEYCHAIN_TIMEOUT', `The OS keychain is not answering. ${written} file(s) already have the new value; the rotation is finished the next time the vault opens with the keychain answering.`, { cause: error });
      }
      // Undo in reverse: the key's entry, the files we changed, the side account (after a timeout there is nothing
      // to undo: the files were not written yet, and the marker stays for the next start).
      if (keychainStuck) throw error;
      if (previous !== null && next !== null) {
        if (replaced) await this.secrets.set(id, previous).catch(() => undefined);
        await rotateInFiles(filesUpdated.map((r) => ({ keyId: id, file: r.file, variable: r.variable, projectId: null, at: '' })), next, previous).catch(() => undefined);
        await rotateInConfigs(configsUpdated, next, previous).catch(() => undefined);
      } else if (previous === null && replaced) {
        await this.secrets.delete(id).catch(() => undefined); // the record never got this value
      }
      throw error;
    } finally {
      if (!keychainStuck) {
        if (next !== null) await this.secrets.delete(nextAccount(id)).catch(() => undefined);
        this.journal.end(marker);
      }
    }
    await this.log('rotated', rotated);
    return rotated;
  }

  /**
   * Takes the key out of every file it was exported to and every MCP client config it was connected to (where it
   * still holds the key). The value recognises what we wrote; a revoked key has none, so only its launcher and
   * proxy connections (which hold no value) are taken out.
   */
  private async removeCopies(id: string): Promise<{ exports: ExportReport[]; ended: McpConnectionRecord[] }> {
    const data = this.store.read();
    const files = exportsOfKey(data, id);
    const connections = connectionsOfKey(data, id);
    if (files.length === 0 && connections.length === 0) return { exports: [], ended: [] };
    const value = this.get(id).status === 'revoked' ? null : await this.secretOf(id);
    const configs = await removeFromConfigs(connections, value);
    return {
      exports: [...(value === null ? [] : await removeFromFiles(files, value)), ...configs.map((c) => c.report)],
      ended: configs.filter(removalEnded).map((c) => c.record),
    };
  }

  /**
   * The key (not revoked) whose value is `value`, or null: a plaintext value found in a file, matched to the vault.
   * Compares by fingerprint first, so only likely matches are read from the keychain.
   */
  async findKeyWithValue(value: string, keys: readonly KeyView[] = this.list()): Promise<string | null> {
    const fingerprint = fingerprintOf(value);
    for (const key of keys) {
      if (key.status === 'revoked' || key.fingerprint !== fingerprint) continue;
      if ((await this.secrets.get(key.id)) === value) return key.id;
    }
    return null;
  }

  /** Counts a use (copy, export) in `usageCount` and `lastUsedAt`, and logs it. A key deleted meanwhile is no error. */
  recordUse(id: string, type: 'copied' | 'exported', detail?: string): Promise<void> {
    return this.recordUses(type, [{ id, detail }]);
  }

  /**
   * Counts several uses at `at` (default: now) in one store write, together with `alongWith`'s change (the
   * export records of a write), and logs each. Keys deleted meanwhile are skipped.
   */
  async recordUses(
    type: 'copied' | 'exported' | 'injected',
    uses: KeyUse[],
    options: { at?: string; alongWith?: (data: VaultData) => VaultData } = {},
  ): Promise<void> {
    const used = await this.store.update((data) => {
      const at = options.at ?? this.iso();
      let next = options.alongWith ? options.alongWith(data) : data;
      const counted: { key: KeyRecord; detail: string | undefined }[] = [];
      for (const { id, detail } of uses) {
        const current = findRecord(next, id);
        if (!current) continue;
        const key = usedRecord(current, at);
        next = withKey(next, key);
        counted.push({ key, detail });
      }
      return { data: next, result: counted };
    });
    for (const { key, detail } of used) await this.log(type, key, detail);
  }
}
