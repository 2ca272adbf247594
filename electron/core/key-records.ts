/**
 * Pure helpers on the key records of the vault's data: look one up, put one in, take one out, and the
 * record a rotation or a use leaves behind. No I/O: the Vault, recovery and doctor write what these return.
 */
import { VaultError } from '../../shared/errors';
import { fingerprintOf, shownPrefix } from '../../shared/key-format';
import type { KeyRecord } from '../../shared/types';
import type { VaultData } from './store';

/** The record of key `id`; NOT_FOUND when there is none. */
export function recordOf(data: VaultData, id: string): KeyRecord {
  const record = Object.hasOwn(data.keys, id) ? data.keys[id] : undefined;
  if (!record) throw new VaultError('NOT_FOUND', `No key with id ${id}.`);
  return record;
}

/** The record of key `id`, or undefined (a key deleted meanwhile). */
export function findRecord(data: VaultData, id: string): KeyRecord | undefined {
  return Object.hasOwn(data.keys, id) ? data.keys[id] : undefined;
}

export function withKey(data: VaultData, record: KeyRecord): VaultData {
  return { ...data, keys: { ...data.keys, [record.id]: record } };
}

export function withoutKey(data: VaultData, id: string): VaultData {
  const keys = { ...data.keys };
  delete keys[id];
  return { ...data, keys };
}

/** Is `name` (any case) the name of a key other than `exceptId`? */
export function nameTaken(data: VaultData, name: string, exceptId?: string): boolean {
  const wanted = name.toLocaleLowerCase();
  return Object.values(data.keys).some((k) => k.id !== exceptId && k.name.toLocaleLowerCase() === wanted);
}

/** The fingerprint and (for an imported key) the prefix of `secret`, as the record may show them (never much of a short value). */
export function withSecretShape(record: KeyRecord, secret: string): KeyRecord {
  return { ...record, fingerprint: fingerprintOf(secret), prefix: record.source === 'imported' ? shownPrefix(secret) : record.prefix };
}

/**
 * The record after a rotation to `secret` at `nowMs`. A key with an expiry gets a fresh period of the same
 * length, counted from now.
 */
export function rotatedRecord(current: KeyRecord, secret: string, nowMs: number): KeyRecord {
  const periodStart = Date.parse(current.rotatedAt ?? current.createdAt);
  return {
    ...withSecretShape(current, secret),
    rotatedAt: new Date(nowMs).toISOString(),
    expiresAt: current.expiresAt === null ? null : new Date(nowMs + Math.max(0, Date.parse(current.expiresAt) - periodStart)).toISOString(),
  };
}

/** The record after one more use (a copy, an export) at `at`. */
export function usedRecord(current: KeyRecord, at: string): KeyRecord {
  return { ...current, usageCount: current.usageCount + 1, lastUsedAt: at };
}
