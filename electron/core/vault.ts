/**
 * The vault: every operation on keys, used by the CLI and by the app's main process alike.
 *
 * Secrets go to and come from the SecretStore (the OS keychain) only; the MetadataStore holds records.
 * Each operation that touches both orders its writes so that a failure leaves the old state: the
 * keychain step comes first and is undone if the store write then fails.
 */
import { VaultError } from '../../shared/errors';
import { DEFAULT_PREFIX, detectPrefix, fingerprintOf, looksLikeSecret, KEY_ID_PATTERN } from '../../shared/key-format';
import { expiryFromDays, toKeyView } from '../../shared/key-status';
import { createKeyInputSchema, editKeyInputSchema, envVarNameSchema, parseOrThrow, secretSchema } from '../../shared/schemas';
import { upsertEnv, type EnvAssignment } from '../../shared/env-file';
import type { ActivityEvent, ActivityType, CreateKeyInput, EditKeyInput, EnvWriteResult, KeyRecord, KeyView, KeyWithSecret } from '../../shared/types';
import type { ExportRecord, ExportReport } from '../../shared/exports';
import { exportsOf, removeFromFiles, rotateInFiles, withExports, withoutExportsOf } from './env-exports';
import { applyEnvFile } from './env-writer';
import { Journal, type PendingEntry } from './journal';
import { generateKeyId, generateSecret } from './key-generator';
import type { SecretStore } from './keychain';
import path from 'node:path';
import type { MetadataStore, VaultData } from './store';

export const DEFAULT_ENV_VAR = 'MCP_API_KEY';
export const REQUIREMENT_VAR = 'API_KEY_REQUIRED';
export const DEFAULT_EXPIRY_DAYS = 90;

export interface UseOptions {
  envPath: string;
  varName?: string;
  /** Also set API_KEY_REQUIRED=true (default). */
  require?: boolean;
  /** The project the file belongs to, if written through one. */
  projectId?: string | null;
}

/** Several keys into one file at once (the Use screen). */
export interface ExportRequest {
  /** Absolute path, already resolved and checked by the caller. */
  file: string;
  projectId: string | null;
  keys: { keyId: string; variable: string }[];
  require: boolean;
}

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


function withKey(data: VaultData, record: KeyRecord): VaultData {
  return { ...data, keys: { ...data.keys, [record.id]: record } };
}

function withoutKey(data: VaultData, id: string): VaultData {
  const keys = { ...data.keys };
  delete keys[id];
  return { ...data, keys };
}

function nameTaken(data: VaultData, name: string, exceptId?: string): boolean {
  const wanted = name.toLocaleLowerCase();
  return Object.values(data.keys).some((k) => k.id !== exceptId && k.name.toLocaleLowerCase() === wanted);
}

/** Echo what the user typed only when it cannot be a secret pasted by mistake. */
function describeRef(ref: string): string {
  return looksLikeSecret(ref) || !/^[\w .@:-]{1,100}$/.test(ref) ? 'that id or name' : `"${ref}"`;
}

/** The keychain account that holds a rotation's new value until the rotation is complete. */
export function nextAccount(id: string): string {
  return `${id}:next`;
}

/** Trims surrounding whitespace from a pasted or piped secret, telling whether anything was trimmed. */
export function normalizeImportedSecret(raw: string): { secret: string; trimmed: boolean } {
  const secret = raw.trim();
  return { secret: parseOrThrow(secretSchema, secret), trimmed: secret !== raw };
}

export class Vault {
  readonly store: MetadataStore;
  readonly secrets: SecretStore;
  private readonly activity: ActivitySink | undefined;
  private readonly now: () => number;

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

  private record(data: VaultData, id: string): KeyRecord {
    const record = Object.hasOwn(data.keys, id) ? data.keys[id] : undefined;
    if (!record) throw new VaultError('NOT_FOUND', `No key with id ${id}.`);
    return record;
  }

  list(options: { activeOnly?: boolean } = {}): KeyView[] {
    const views = Object.values(this.store.read().keys).map((r) => this.view(r));
    return options.activeOnly ? views.filter((v) => v.status === 'active') : views;
  }

  get(id: string): KeyView {
    return this.view(this.record(this.store.read(), id));
  }

  /** For people typing commands: a full id, a unique id prefix (4+ characters) or a name (any case). */
  resolve(ref: string): KeyView {
    const keys = Object.values(this.store.read().keys);
    const byId = keys.find((k) => k.id === ref);
    if (byId) return this.view(byId);
    const lower = ref.toLocaleLowerCase();
    const byName = keys.find((k) => k.name.toLocaleLowerCase() === lower);
    if (byName) return this.view(byName);
    if (/^[0-9a-f]{4,15}$/.test(ref)) {
      const matches = keys.filter((k) => k.id.startsWith(ref));
      if (matches.length === 1) return this.view(matches[0]!);
      if (matches.length > 1) throw new VaultError('VALIDATION', `Id prefix ${ref} matches ${matches.length} keys; give more characters.`);
    }
    throw new VaultError('NOT_FOUND', `No key matches ${describeRef(ref)}.`);
  }

  async create(input: CreateKeyInput): Promise<KeyWithSecret> {
    const parsed = parseOrThrow(createKeyInputSchema, input);
    let written: string | undefined;
    let created: KeyWithSecret;
    try {
      created = await this.store.update(async (data) => {
        if (nameTaken(data, parsed.name)) throw new VaultError('CONFLICT', `A key named "${parsed.name}" already exists.`);
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
          prefix: imported ? (parsed.prefix ?? detectPrefix(secret)) : (parsed.prefix ?? DEFAULT_PREFIX),
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
      // The secret went in but the record did not: take the secret out again, so nothing is orphaned.
      if (written) await this.secrets.delete(written).catch(() => undefined);
      throw error;
    } finally {
      if (written) this.journal.end({ id: written, op: 'create' });
    }
    await this.log(created.source === 'imported' ? 'imported' : 'created', created);
    return created;
  }

  async edit(id: string, input: EditKeyInput): Promise<KeyView> {
    const parsed = parseOrThrow(editKeyInputSchema, input);
    const edited = await this.store.update((data) => {
      const current = this.record(data, id);
      if (parsed.name !== undefined && nameTaken(data, parsed.name, id)) {
        throw new VaultError('CONFLICT', `A key named "${parsed.name}" already exists.`);
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

  /** The secret, shown to the user at their explicit request: logged as a reveal. */
  async reveal(id: string): Promise<string> {
    const secret = await this.secretOf(id);
    await this.log('revealed', this.get(id));
    return secret;
  }

  /** The secret of an active key. Only for reveal, copy, use and rotate: listing never reads the keychain. */
  async secretOf(id: string): Promise<string> {
    const record = this.record(this.store.read(), id);
    if (record.revokedAt) throw new VaultError('KEY_INACTIVE', `Key "${record.name}" is revoked; its secret was removed.`);
    const secret = await this.secrets.get(id);
    if (secret === null) {
      throw new VaultError('NOT_FOUND', `The secret of key "${record.name}" is missing from the OS keychain.`);
    }
    return secret;
  }

  async revoke(id: string, options: { removeFromFiles?: boolean } = {}): Promise<WithExportReports<KeyView>> {
    // Files are cleaned first, while the secret still exists to recognise our value.
    const exports = options.removeFromFiles && this.get(id).status !== 'revoked' ? await this.removeFromExportedFiles(id) : [];
    let removed: string | null = null;
    let wasActive = false;
    let revoked: KeyView;
    try {
      revoked = await this.store.update(async (data) => {
        const current = this.record(data, id);
        if (current.revokedAt) return { data, result: this.view(current) };
        wasActive = true;
        const next: KeyRecord = { ...current, revokedAt: this.iso() };
        removed = await this.secrets.get(id);
        this.journal.begin({ id, op: 'revoke' });
        if (removed !== null) await this.secrets.delete(id);
        return { data: withKey(data, next), result: this.view(next) };
      });
    } catch (error) {
      if (removed !== null) await this.secrets.set(id, removed).catch(() => undefined);
      throw error;
    } finally {
      this.journal.end({ id, op: 'revoke' });
    }
    if (wasActive) await this.log('revoked', revoked);
    return { ...revoked, exports };
  }

  async delete(id: string, options: { removeFromFiles?: boolean } = {}): Promise<WithExportReports<KeyView>> {
    const exports = options.removeFromFiles && this.get(id).status !== 'revoked' ? await this.removeFromExportedFiles(id) : [];
    let removed: string | null = null;
    let deleted: KeyView;
    try {
      deleted = await this.store.update(async (data) => {
        const current = this.record(data, id);
        removed = await this.secrets.get(id);
        this.journal.begin({ id, op: 'delete' });
        if (removed !== null) await this.secrets.delete(id);
        return { data: withoutExportsOf(withoutKey(data, id), id), result: this.view(current) };
      });
    } catch (error) {
      if (removed !== null) await this.secrets.set(id, removed).catch(() => undefined);
      throw error;
    } finally {
      this.journal.end({ id, op: 'delete' });
    }
    await this.log('deleted', deleted);
    return { ...deleted, exports };
  }

  /**
   * A new secret under the same id; the old one is overwritten in the keychain at once, and every .env file
   * the key was exported to gets the new value (each reported: updated, missing, changed by hand). A key with
   * an expiry gets a fresh period of the same length, counted from now. Imported keys need `newSecret`.
   *
   * Order, so a kill at any point can be finished (see recoverInterrupted): the new value goes first to a
   * side account `<id>:next`, then into the files (the old value is still known), then replaces the key's
   * own entry, then the record is written; the side account goes last.
   */
  async rotate(id: string, options: { newSecret?: string } = {}): Promise<WithExportReports<KeyWithSecret & { previousSecret: string }>> {
    let previous: string | null = null;
    let next: string | null = null;
    let filesUpdated: ExportReport[] = [];
    let replaced = false;
    let rotated: WithExportReports<KeyWithSecret & { previousSecret: string }>;
    const marker: PendingEntry = { id, op: 'rotate' };
    try {
      rotated = await this.store.update(async (data) => {
        const current = this.record(data, id);
        if (current.revokedAt) throw new VaultError('KEY_INACTIVE', `Key "${current.name}" is revoked and cannot be rotated.`);
        if (current.source === 'imported' && options.newSecret === undefined) {
          throw new VaultError('VALIDATION', `Key "${current.name}" was imported: give its new value to rotate it.`);
        }
        const secret =
          options.newSecret !== undefined ? parseOrThrow(secretSchema, options.newSecret) : generateSecret(current.prefix || DEFAULT_PREFIX);
        previous = await this.secrets.get(id);
        if (previous === null) {
          throw new VaultError('NOT_FOUND', `The secret of key "${current.name}" is missing from the OS keychain.`);
        }
        if (secret === previous) throw new VaultError('VALIDATION', 'The new key value is the same as the current one.');
        this.journal.begin(marker);
        await this.secrets.set(nextAccount(id), secret);
        next = secret;
        const exports = await rotateInFiles(exportsOf(data).filter((e) => e.keyId === id), previous, secret);
        filesUpdated = exports.filter((r) => r.outcome === 'updated');
        await this.secrets.set(id, secret);
        replaced = true;
        const record = this.rotatedRecord(current, secret);
        return { data: withKey(data, record), result: { ...this.view(record), secret, previousSecret: previous, exports } };
      });
    } catch (error) {
      // Undo in reverse: the key's entry, the files we changed, the side account.
      if (previous !== null && next !== null) {
        if (replaced) await this.secrets.set(id, previous).catch(() => undefined);
        await rotateInFiles(filesUpdated.map((r) => ({ ...r, keyId: id, projectId: null, at: '' })), next, previous).catch(() => undefined);
      }
      throw error;
    } finally {
      if (next !== null) await this.secrets.delete(nextAccount(id)).catch(() => undefined);
      this.journal.end(marker);
    }
    await this.log('rotated', rotated);
    return rotated;
  }

  /** The record after a rotation to `secret`. */
  private rotatedRecord(current: KeyRecord, secret: string): KeyRecord {
    const now = this.now();
    const periodStart = Date.parse(current.rotatedAt ?? current.createdAt);
    return {
      ...current,
      fingerprint: fingerprintOf(secret),
      prefix: current.source === 'imported' ? detectPrefix(secret) : current.prefix,
      rotatedAt: new Date(now).toISOString(),
      expiresAt: current.expiresAt === null ? null : new Date(now + Math.max(0, Date.parse(current.expiresAt) - periodStart)).toISOString(),
    };
  }

  /**
   * Brings every key whose operation was cut short (a killed process) back to a whole state: the old one or
   * the new one, never a record without its secret or a secret without its record. Runs under the store
   * lock, so it only ever sees finished or abandoned operations. Returns what it did, in words.
   */
  async recoverInterrupted(): Promise<string[]> {
    const pending = this.journal.pending();
    if (pending.length === 0) return [];
    const done = await this.store.update(async (data) => {
      let next = data;
      const notes: string[] = [];
      for (const { id, op } of pending) {
        const record = Object.hasOwn(next.keys, id) ? next.keys[id] : undefined;
        const secret = await this.secrets.get(id);
        const name = record ? `"${record.name}"` : id;
        if (op === 'create' && !record && secret !== null) {
          await this.secrets.delete(id);
          notes.push(`Undid the interrupted creation of key ${id}.`);
        } else if (op === 'rotate' && record) {
          const side = await this.secrets.get(nextAccount(id));
          if (side !== null) {
            if (secret !== side) {
              if (secret !== null) await rotateInFiles(exportsOf(next).filter((e) => e.keyId === id), secret, side);
              await this.secrets.set(id, side);
            }
            if (record.fingerprint !== fingerprintOf(side) || secret !== side) next = withKey(next, this.rotatedRecord(record, side));
            await this.secrets.delete(nextAccount(id));
            notes.push(`Finished the interrupted rotation of key ${name}.`);
          }
        } else if (op === 'revoke' && record && !record.revokedAt && secret === null) {
          next = withKey(next, { ...record, revokedAt: this.iso() });
          notes.push(`Finished revoking key ${name}.`);
        } else if (op === 'delete' && record && secret === null) {
          next = withoutExportsOf(withoutKey(next, id), id);
          notes.push(`Finished deleting key ${name}.`);
        }
      }
      return { data: next, result: notes };
    });
    for (const entry of pending) this.journal.end(entry);
    return done;
  }

  /**
   * Gives every secret under our keychain service that has no record a record again, named
   * "Recovered key <id>", so no key is ever lost with the metadata file. Reads the whole keychain: only for
   * recovery and doctor. Rotation side accounts are left to recoverInterrupted.
   */
  async adoptOrphanSecrets(): Promise<KeyView[]> {
    const ids = (await this.secrets.listIds()).filter((id) => KEY_ID_PATTERN.test(id));
    const adopted = await this.store.update(async (data) => {
      let next = data;
      const records: KeyRecord[] = [];
      for (const id of ids) {
        if (Object.hasOwn(next.keys, id)) continue;
        const secret = await this.secrets.get(id);
        if (secret === null) continue;
        const record: KeyRecord = {
          id,
          name: `Recovered key ${id}`,
          description: 'Recovered from the OS keychain: its details were lost with the vault file.',
          owner: '',
          permissions: [],
          metadata: {},
          source: 'imported',
          prefix: detectPrefix(secret),
          fingerprint: fingerprintOf(secret),
          createdAt: this.iso(),
          expiresAt: null,
          revokedAt: null,
          rotatedAt: null,
          lastUsedAt: null,
          usageCount: 0,
        };
        next = withKey(next, record);
        records.push(record);
      }
      return { data: next, result: records };
    });
    return adopted.map((r) => this.view(r));
  }

  /** Makes the record match the value in the keychain (doctor's repair of a fingerprint mismatch). */
  async realignFingerprint(id: string): Promise<void> {
    const secret = await this.secretOf(id);
    await this.store.update((data) => {
      const current = this.record(data, id);
      return { data: withKey(data, { ...current, fingerprint: fingerprintOf(secret), prefix: current.source === 'imported' ? detectPrefix(secret) : current.prefix }), result: undefined };
    });
  }

  /** Stops tracking one file for a key (doctor's repair of an export that no longer holds the key). */
  async forgetExport(id: string, file: string): Promise<void> {
    await this.store.update((data) => ({
      data: { ...data, exports: exportsOf(data).filter((e) => !(e.keyId === id && e.file === file)) },
      result: undefined,
    }));
  }

  /** Where the key was written, oldest first. */
  exportsFor(id: string): ExportRecord[] {
    return exportsOf(this.store.read()).filter((e) => e.keyId === id);
  }

  /** Records that a file already holds the key (an import from a project), so rotation will update it. */
  async recordExport(record: ExportRecord): Promise<void> {
    await this.store.update((data) => ({ data: withExports(data, [record]), result: undefined }));
  }

  /** Takes the key's variable out of every file it was exported to (where it still holds the key). */
  async removeFromExportedFiles(id: string): Promise<ExportReport[]> {
    const records = this.exportsFor(id);
    if (records.length === 0) return [];
    return removeFromFiles(records, await this.secretOf(id));
  }

  /** Writes the key into a .env file (upsert, atomic, 0600 for a new file), records the export and counts the use. */
  async use(id: string, options: UseOptions): Promise<EnvWriteResult> {
    const { file, changed } = await this.exportKeys({
      file: options.envPath,
      projectId: options.projectId ?? null,
      keys: [{ keyId: id, variable: options.varName ?? DEFAULT_ENV_VAR }],
      require: options.require !== false,
    });
    return { file, changed };
  }

  /** The assignments a write of `request` makes: each key's secret under its variable (+ API_KEY_REQUIRED). */
  async exportAssignments(request: Pick<ExportRequest, 'keys' | 'require'>): Promise<EnvAssignment[]> {
    if (request.keys.length === 0) throw new VaultError('VALIDATION', 'Choose at least one key.');
    const variables = request.keys.map((k) => parseOrThrow(envVarNameSchema, k.variable));
    if (new Set(variables).size !== variables.length) throw new VaultError('VALIDATION', 'Each key needs its own variable name.');
    if (request.require && variables.includes(REQUIREMENT_VAR)) throw new VaultError('VALIDATION', `${REQUIREMENT_VAR} is set by the vault itself.`);
    const assignments: EnvAssignment[] = [];
    for (const [i, { keyId }] of request.keys.entries()) {
      const record = this.get(keyId);
      if (record.status !== 'active') {
        throw new VaultError('KEY_INACTIVE', `Key "${record.name}" is ${record.status} and cannot be used; rotate it or create a new key.`);
      }
      assignments.push({ name: variables[i]!, value: await this.secretOf(keyId) });
    }
    if (request.require) assignments.push({ name: REQUIREMENT_VAR, value: 'true' });
    return assignments;
  }

  /** Writes keys into one .env file in one atomic write, records each export and counts each use. */
  async exportKeys(request: ExportRequest): Promise<EnvWriteResult & { exports: ExportRecord[] }> {
    const assignments = await this.exportAssignments(request);
    const written = await applyEnvFile(request.file, (text) => upsertEnv(text, assignments));
    const at = this.iso();
    const records: ExportRecord[] = request.keys.map(({ keyId, variable }) => ({ keyId, variable, file: written.file, projectId: request.projectId, at }));
    const used = await this.store.update((data) => {
      let next = withExports(data, records);
      const keys: KeyRecord[] = [];
      for (const { keyId } of request.keys) {
        const current = Object.hasOwn(next.keys, keyId) ? next.keys[keyId] : undefined;
        if (!current) continue;
        const counted = { ...current, usageCount: current.usageCount + 1, lastUsedAt: at };
        next = withKey(next, counted);
        keys.push(counted);
      }
      return { data: next, result: keys };
    });
    for (const [i, key] of used.entries()) await this.log('exported', key, `${written.file} (${records[i]!.variable})`);
    return { file: written.file, changed: written.changed, exports: records };
  }

  async enableRequirement(envPath: string): Promise<EnvWriteResult> {
    const written = await applyEnvFile(envPath, (text) => upsertEnv(text, [{ name: REQUIREMENT_VAR, value: 'true' }]));
    return { file: written.file, changed: written.changed };
  }

  /** Counts a use (copy, export) in `usageCount` and `lastUsedAt`, and logs it. A key deleted meanwhile is no error. */
  async recordUse(id: string, type: 'copied' | 'exported', detail?: string): Promise<void> {
    const used = await this.store.update((data) => {
      const current = Object.hasOwn(data.keys, id) ? data.keys[id] : undefined;
      if (!current) return { data, result: undefined };
      const next = { ...current, usageCount: current.usageCount + 1, lastUsedAt: this.iso() };
      return { data: withKey(data, next), result: next };
    });
    if (used) await this.log(type, used, detail);
  }
}
