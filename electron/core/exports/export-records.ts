/**
 * Pure helpers on the list of exports in the vault's data: which .env file holds which key under which
 * variable, recorded when the vault wrote it (or found it there), so rotation and revocation can follow.
 */
import { referenceTo } from '../../../shared/env-reference';
import type { ExportRecord } from '../../../shared/exports';
import type { VaultData } from '../store';

export function exportsOf(data: VaultData): ExportRecord[] {
  return (data.exports as ExportRecord[] | undefined) ?? [];
}

/** What the export put in its variable: a reference to the key (no secret), or `secret`, the key's value. */
export function exportedValue<T extends string | null>(record: ExportRecord, secret: T): string | T {
  return record.form === 'reference' ? referenceTo(record.keyId) : secret;
}

/** Where key `keyId` was written, oldest first. */
export function exportsOfKey(data: VaultData, keyId: string): ExportRecord[] {
  return exportsOf(data).filter((e) => e.keyId === keyId);
}

/**
 * The list with `records` added. A variable holds one key: an export to the same file and variable is replaced,
 * whichever key it was of, so a key written over another ends that one's record (doctor and rotation no longer
 * look for it there).
 */
export function withExports(data: VaultData, records: ExportRecord[]): VaultData {
  const same = (a: ExportRecord, b: ExportRecord) => a.file === b.file && a.variable === b.variable;
  const kept = exportsOf(data).filter((existing) => !records.some((r) => same(existing, r)));
  return { ...data, exports: [...kept, ...records] };
}

export function withoutExportsOf(data: VaultData, keyId: string): VaultData {
  return { ...data, exports: exportsOf(data).filter((e) => e.keyId !== keyId) };
}

/** The list without the export of key `keyId` to `file` (a file that no longer holds the key). */
export function withoutExport(data: VaultData, keyId: string, file: string): VaultData {
  return { ...data, exports: exportsOf(data).filter((e) => !(e.keyId === keyId && e.file === file)) };
}
