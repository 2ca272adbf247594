/**
 * Keeping exported files in step with the vault: after a rotation every recorded file gets the new value,
 * and on revoke or delete the variable can be taken out. A file whose variable no longer holds the value
 * we wrote was changed by hand: it is left alone and reported.
 */
import { readEnvVar, removeEnvVars, upsertEnv } from '../../shared/env-file';
import type { ExportRecord, ExportReport } from '../../shared/exports';
import { isVaultError } from '../../shared/errors';
import { applyEnvFile, readEnvFile } from './env-writer';
import type { VaultData } from './store';

export function exportsOf(data: VaultData): ExportRecord[] {
  return (data.exports as ExportRecord[] | undefined) ?? [];
}

/** The list with `records` added; an export of the same key, file and variable is replaced (newest time). */
export function withExports(data: VaultData, records: ExportRecord[]): VaultData {
  const same = (a: ExportRecord, b: ExportRecord) => a.keyId === b.keyId && a.file === b.file && a.variable === b.variable;
  const kept = exportsOf(data).filter((existing) => !records.some((r) => same(existing, r)));
  return { ...data, exports: [...kept, ...records] };
}

export function withoutExportsOf(data: VaultData, keyId: string): VaultData {
  return { ...data, exports: exportsOf(data).filter((e) => e.keyId !== keyId) };
}

function failure(record: ExportRecord, error: unknown): ExportReport {
  return {
    file: record.file,
    variable: record.variable,
    outcome: 'failed',
    message: isVaultError(error) ? error.message : 'The file could not be read or written.',
  };
}

/** Rewrites `variable` from `oldValue` to `newValue` in each file; one report per file. */
export async function rotateInFiles(records: ExportRecord[], oldValue: string, newValue: string): Promise<ExportReport[]> {
  const reports: ExportReport[] = [];
  for (const record of records) {
    const base = { file: record.file, variable: record.variable };
    try {
      const text = await readEnvFile(record.file);
      if (text === null) {
        reports.push({ ...base, outcome: 'missing', message: 'The file no longer exists.' });
        continue;
      }
      const current = readEnvVar(text, record.variable);
      if (current === newValue) reports.push({ ...base, outcome: 'unchanged' });
      else if (current !== oldValue) {
        reports.push({ ...base, outcome: 'changed-by-hand', message: `${record.variable} no longer holds this key; left as it is.` });
      } else {
        // Re-checked inside the write: a change between our read and the write is not overwritten blindly.
        const written = await applyEnvFile(record.file, (latest) =>
          readEnvVar(latest, record.variable) === oldValue ? upsertEnv(latest, [{ name: record.variable, value: newValue }]) : { text: latest, changed: [] },
        );
        reports.push({ ...base, outcome: written.changed.length ? 'updated' : 'changed-by-hand' });
      }
    } catch (error) {
      reports.push(failure(record, error));
    }
  }
  return reports;
}

/** Takes `variable` out of each file where it still holds `value`; one report per file. */
export async function removeFromFiles(records: ExportRecord[], value: string): Promise<ExportReport[]> {
  const reports: ExportReport[] = [];
  for (const record of records) {
    const base = { file: record.file, variable: record.variable };
    try {
      const text = await readEnvFile(record.file);
      if (text === null) {
        reports.push({ ...base, outcome: 'missing', message: 'The file no longer exists.' });
        continue;
      }
      if (readEnvVar(text, record.variable) !== value) {
        reports.push({ ...base, outcome: 'changed-by-hand', message: `${record.variable} no longer holds this key; left as it is.` });
        continue;
      }
      const written = await applyEnvFile(record.file, (latest) =>
        readEnvVar(latest, record.variable) === value ? removeEnvVars(latest, [record.variable]) : { text: latest, changed: [] },
      );
      reports.push({ ...base, outcome: written.changed.length ? 'removed' : 'changed-by-hand' });
    } catch (error) {
      reports.push(failure(record, error));
    }
  }
  return reports;
}
