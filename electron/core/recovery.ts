/**
 * Crash recovery: brings the vault back to a whole state after a killed process (the journal's intent
 * markers), and gives secrets that lost their record (an unreadable vault file, rebuilt) a record again.
 * Used when the vault is opened (app, CLI, bridge) and by doctor's repairs.
 */
import fs from 'node:fs';
import { isVaultError } from '../../shared/errors';
import { fingerprintOf, KEY_ID_PATTERN, shownPrefix } from '../../shared/key-format';
import { toKeyView } from '../../shared/key-status';
import type { KeyRecord, KeyView } from '../../shared/types';
import { exportsOfKey, withoutExportsOf } from './exports/export-records';
import { rotateInFiles } from './exports/sync-files';
import { connectionsOfKey, withoutConnectionsOf } from './mcp/connection-records';
import { rotateInConfigs } from './mcp/sync-configs';
import { findRecord, rotatedRecord, withKey, withoutKey } from './key-records';
import { rebuildMarker } from './store-recovery';
import { nextAccount, type Vault } from './vault';

/**
 * Brings every key whose operation was cut short (a killed process) back to a whole state: the old one or
 * the new one, never a record without its secret or a secret without its record. Runs under the store
 * lock, so it only ever sees finished or abandoned operations. Returns what it did, in words.
 */
export async function recoverInterrupted(vault: Vault): Promise<string[]> {
  const { journal, secrets } = vault;
  const pending = journal.pending();
  if (pending.length === 0) return [];
  const done = await vault.store.update(async (data) => {
    let next = data;
    const notes: string[] = [];
    for (const { id, op } of pending) {
      const record = findRecord(next, id);
      const secret = await secrets.get(id);
      const name = record ? `"${record.name}"` : id;
      if (op === 'create' && !record && secret !== null) {
        await secrets.delete(id);
        notes.push(`Undid the interrupted creation of key ${id}.`);
      } else if (op === 'rotate' && record) {
        const side = await secrets.get(nextAccount(id));
        if (side !== null) {
          if (secret !== side) {
            if (secret !== null) {
              await rotateInFiles(exportsOfKey(next, id), secret, side);
              await rotateInConfigs(connectionsOfKey(next, id), secret, side);
            }
            await secrets.set(id, side);
          }
          if (record.fingerprint !== fingerprintOf(side) || secret !== side) next = withKey(next, rotatedRecord(record, side, vault.now()));
          await secrets.delete(nextAccount(id));
          notes.push(`Finished the interrupted rotation of key ${name}.`);
        }
      } else if (op === 'revoke' && record && !record.revokedAt && secret === null) {
        next = withKey(next, { ...record, revokedAt: new Date(vault.now()).toISOString() });
        notes.push(`Finished revoking key ${name}.`);
      } else if (op === 'delete' && record && secret === null) {
        next = withoutConnectionsOf(withoutExportsOf(withoutKey(next, id), id), id);
        notes.push(`Finished deleting key ${name}.`);
      }
    }
    return { data: next, result: notes };
  });
  for (const entry of pending) journal.end(entry);
  return done;
}

/** The record a secret found without one gets: named "Recovered key <id>", imported, never expiring. */
function recoveredRecord(id: string, secret: string, at: string): KeyRecord {
  return {
    id,
    name: `Recovered key ${id}`,
    description: 'Recovered from the OS keychain: its details were lost with the vault file.',
    owner: '',
    permissions: [],
    metadata: {},
    source: 'imported',
    prefix: shownPrefix(secret),
    fingerprint: fingerprintOf(secret),
    createdAt: at,
    expiresAt: null,
    revokedAt: null,
    rotatedAt: null,
    lastUsedAt: null,
    usageCount: 0,
  };
}

/**
 * Gives every secret under our keychain service that has no record a record again, named
 * "Recovered key <id>", so no key is ever lost with the metadata file. Reads the whole keychain: only for
 * recovery and doctor. Rotation side accounts are left to recoverInterrupted.
 */
export async function adoptOrphanSecrets(vault: Vault): Promise<KeyView[]> {
  const ids = (await vault.secrets.listIds()).filter((id) => KEY_ID_PATTERN.test(id));
  const adopted = await vault.store.update(async (data) => {
    let next = data;
    const records: KeyRecord[] = [];
    for (const id of ids) {
      if (Object.hasOwn(next.keys, id)) continue;
      const secret = await vault.secrets.get(id);
      if (secret === null) continue;
      const record = recoveredRecord(id, secret, new Date(vault.now()).toISOString());
      next = withKey(next, record);
      records.push(record);
    }
    return { data: next, result: records };
  });
  return adopted.map((r) => toKeyView(r, vault.now()));
}

/** What opening had to mend, in words; shared by the CLI, the app and the bridge. */
export async function recoveryNotes(vault: Vault, setAsideAs: string | null): Promise<string[]> {
  const notes: string[] = [];
  const marker = rebuildMarker(vault.store.path);
  try {
    if (fs.existsSync(marker)) {
      const adopted = await adoptOrphanSecrets(vault);
      fs.rmSync(marker, { force: true });
      if (setAsideAs) {
        notes.push(
          `The vault file could not be read. It was kept as ${setAsideAs} and the vault rebuilt from the OS keychain: ${adopted.length} key(s) recovered.`,
        );
      }
    }
    notes.push(...(await recoverInterrupted(vault)));
  } catch (error) {
    // Without a keychain the vault still opens (read-only); mending waits for the next start. A keychain that does
    // not answer is no different: opening must not wait on it (each call has a deadline, see keychain.ts).
    if (!(isVaultError(error) && (error.code === 'KEYCHAIN_UNAVAILABLE' || error.code === 'KEYCHAIN_TIMEOUT'))) throw error;
    if (error.code === 'KEYCHAIN_TIMEOUT') notes.push('The OS keychain is not answering: what a cut-short operation left half done is mended once it answers.');
    if (setAsideAs) notes.push(`The vault file could not be read and was kept as ${setAsideAs}; keys will be recovered from the OS keychain once it is available.`);
  }
  return notes;
}
