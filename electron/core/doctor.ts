/**
 * `mcpkv doctor` and the app's "Check the vault": finds what is out of step — store vs keychain, record
 * shape, file modes, .env exports that no longer hold their key, MCP client servers whose key is gone, revoked or
 * expired, and keys left in plain text in client configs (mcp/mcp-doctor.ts) — says it in words, and repairs what
 * can be repaired without guessing. Reads the whole keychain: only when the user asks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readEnvVar } from '../../shared/env-file';
import { fingerprintOf, KEY_ID_PATTERN, MIN_SECRET_LENGTH } from '../../shared/key-format';
import type { KeyRecord } from '../../shared/types';
import { exportedValue, exportsOf, withoutExport } from './exports/export-records';
import { readEnvFile } from './env-writer';
import type { DoctorReport, Finding } from '../../shared/doctor';
import { recordOf, withKey, withSecretShape } from './key-records';
import { locationEnvFromProcess, type McpLocationEnv } from './mcp/locations';
import { diagnoseMcp, forgetConnection } from './mcp/mcp-doctor';
import { adoptOrphanSecrets, recoverInterrupted } from './recovery';
import type { VaultData } from './store';
import { nextAccount, type Vault } from './vault';

const iso = z.iso.datetime({ offset: true });
const recordShape = z.object({
  id: z.string().regex(KEY_ID_PATTERN),
  name: z.string().min(1).max(100),
  description: z.string(),
  owner: z.string(),
  permissions: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  source: z.enum(['generated', 'imported']),
  prefix: z.string(),
  fingerprint: z.string(),
  createdAt: iso,
  expiresAt: iso.nullable(),
  revokedAt: iso.nullable(),
  rotatedAt: iso.nullable(),
  lastUsedAt: iso.nullable(),
  usageCount: z.number().int().min(0),
});

/** Files that hold what keys exist and where they are used: the owner's only, on systems with modes. */
function modeFindings(home: string): Finding[] {
  if (process.platform === 'win32') return [];
  const wanted: [string, number][] = [
    [home, 0o700],
    ...['vault.json', 'activity.jsonl'].map((name): [string, number] => [path.join(home, name), 0o600]),
  ];
  return wanted.flatMap(([file, mode]) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || (stat.mode & 0o777) === mode) return [];
    const actual = (stat.mode & 0o777).toString(8);
    return [{ kind: 'file-mode' as const, file, message: `${file} has mode ${actual}; it should be ${mode.toString(8)} (readable by you only).`, repair: `chmod ${mode.toString(8)}` }];
  });
}

export interface DoctorOptions {
  /** Where the MCP clients' configs are; default: this process's home, XDG_CONFIG_HOME, APPDATA and platform. */
  mcp?: McpLocationEnv;
}

export async function diagnose(vault: Vault, options: DoctorOptions = {}): Promise<Omit<DoctorReport, 'repaired'>> {
  const data: VaultData = vault.store.read();
  const findings: Finding[] = [];
  const accounts = new Set(await vault.secrets.listIds());
  const records = Object.values(data.keys);

  for (const raw of records) {
    const shape = recordShape.safeParse(raw);
    if (!shape.success) {
      findings.push({ kind: 'bad-record', keyId: raw?.id, message: `The record of key ${String(raw?.id)} is malformed (${shape.error.issues[0]?.path.join('.')}).`, repair: null });
    }
  }
  for (const record of records) {
    const secret = accounts.has(record.id) ? await vault.secrets.get(record.id) : null;
    if (record.revokedAt) {
      if (secret !== null) {
        findings.push({ kind: 'revoked-secret-left', keyId: record.id, message: `Key "${record.name}" is revoked but its value is still in the keychain.`, repair: 'remove the value from the keychain' });
      }
    } else if (secret === null) {
      findings.push({
        kind: 'missing-secret',
        keyId: record.id,
        message: `The value of key "${record.name}" is missing from the OS keychain. Rotate it with a new value (mcpkv rotate ${record.id} --import) or delete it.`,
        repair: null,
      });
    } else if (revealsTooMuch(record, secret)) {
      // Never echo what the record shows: here that is much of the value.
      findings.push({ kind: 'revealing-record', keyId: record.id, message: `The record of key "${record.name}" shows too much of its short value (written before values under ${MIN_SECRET_LENGTH} characters were hidden).`, repair: 'hide the value in the record' });
    } else if (fingerprintOf(secret) !== record.fingerprint) {
      findings.push({ kind: 'fingerprint-mismatch', keyId: record.id, message: `Key "${record.name}" shows …${record.fingerprint} but its value ends …${fingerprintOf(secret)}.`, repair: 'update the record to the value in the keychain' });
    }
    if (accounts.has(nextAccount(record.id))) {
      findings.push({ kind: 'unfinished-rotation', keyId: record.id, message: `A rotation of key "${record.name}" was cut short.`, repair: 'finish the rotation' });
    }
  }
  for (const account of accounts) {
    if (KEY_ID_PATTERN.test(account) && !Object.hasOwn(data.keys, account)) {
      findings.push({ kind: 'orphan-secret', keyId: account, message: `The keychain holds a key (${account}) the vault has no record of.`, repair: `add it back as "Recovered key ${account}"` });
    }
  }
  const exports = exportsOf(data);
  for (const record of exports) {
    const key = Object.hasOwn(data.keys, record.keyId) ? data.keys[record.keyId] : undefined;
    if (!key || key.revokedAt) continue;
    const text = await readEnvFile(record.file).catch(() => null);
    // A reference (mcpkv://<id>) is what such a file should hold, whatever the keychain holds.
    const expected = exportedValue(record, accounts.has(key.id) && record.form !== 'reference' ? await vault.secrets.get(key.id) : null);
    if (text === null || expected === null || readEnvVar(text, record.variable) !== expected) {
      findings.push({
        kind: 'stale-export',
        keyId: key.id,
        file: record.file,
        message: `${record.file} no longer holds key "${key.name}" in ${record.variable}${text === null ? ' (the file is gone)' : ''}.`,
        repair: 'stop tracking this file for the key',
      });
    }
  }
  const mcp = await diagnoseMcp(vault, options.mcp ?? locationEnvFromProcess());
  findings.push(...mcp.findings);
  findings.push(...modeFindings(path.dirname(vault.store.path)));
  return { findings, checked: { keys: records.length, secrets: accounts.size, exports: exports.length, mcpServers: mcp.servers } };
}

/**
 * Does the record show more of `secret` than a record may (an import before MIN_SECRET_LENGTH was required): a
 * fingerprint of a short value, or a prefix that leaves fewer than MIN_SECRET_LENGTH characters unknown?
 */
function revealsTooMuch(record: KeyRecord, secret: string): boolean {
  if (record.fingerprint !== '' && secret.length < MIN_SECRET_LENGTH) return true;
  return record.prefix !== '' && secret.startsWith(record.prefix) && secret.length - record.prefix.length < MIN_SECRET_LENGTH;
}

/** Makes the record match the value in the keychain (the repair of a fingerprint mismatch or a too revealing record). */
async function realignFingerprint(vault: Vault, id: string): Promise<void> {
  const secret = await vault.secretOf(id);
  await vault.store.update((data) => ({ data: withKey(data, withSecretShape(recordOf(data, id), secret)), result: undefined }));
}

/** Stops tracking one file for a key (the repair of an export that no longer holds the key). */
async function forgetExport(vault: Vault, id: string, file: string): Promise<void> {
  await vault.store.update((data) => ({ data: withoutExport(data, id, file), result: undefined }));
}

/** Diagnoses, repairs what can be repaired, and diagnoses again. */
export async function doctor(vault: Vault, options: { repair: boolean } & DoctorOptions): Promise<DoctorReport> {
  const first = await diagnose(vault, options);
  if (!options.repair) return { ...first, repaired: [] };
  const repaired: string[] = [];
  const kinds = new Set(first.findings.map((f) => f.kind));
  if (kinds.has('unfinished-rotation')) {
    for (const f of first.findings.filter((x) => x.kind === 'unfinished-rotation')) vault.journal.begin({ id: f.keyId!, op: 'rotate' });
    repaired.push(...(await recoverInterrupted(vault)));
  }
  if (kinds.has('orphan-secret')) {
    const adopted = await adoptOrphanSecrets(vault);
    repaired.push(...adopted.map((k) => `Added the keychain's key ${k.id} back as "${k.name}".`));
  }
  for (const f of first.findings) {
    if (f.kind === 'revoked-secret-left') {
      await vault.secrets.delete(f.keyId!);
      repaired.push(`Removed the value of revoked key ${f.keyId} from the keychain.`);
    } else if (f.kind === 'fingerprint-mismatch') {
      await realignFingerprint(vault, f.keyId!);
      repaired.push(`Updated key ${f.keyId} to the value in the keychain.`);
    } else if (f.kind === 'revealing-record') {
      await realignFingerprint(vault, f.keyId!);
      repaired.push(`Hid the value of key ${f.keyId} in its record.`);
    } else if (f.kind === 'file-mode') {
      fs.chmodSync(f.file!, f.repair!.endsWith('700') ? 0o700 : 0o600);
      repaired.push(`Set ${f.file} to ${f.repair!.slice('chmod '.length)}.`);
    } else if (f.kind === 'stale-export') {
      await forgetExport(vault, f.keyId!, f.file!);
      repaired.push(`Stopped tracking ${f.file} for key ${f.keyId}.`);
    } else if (f.kind === 'mcp-stale-connection') {
      await forgetConnection(vault, f);
      repaired.push(`Stopped tracking server "${f.server}" (${f.slot}) in ${f.file} for key ${f.keyId}.`);
    }
  }
  const after = await diagnose(vault, options);
  return { ...after, repaired };
}
