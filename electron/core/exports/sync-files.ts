/**
 * Keeping exported files in step with the vault: after a rotation every recorded file gets the new value,
 * and on revoke or delete the variable can be taken out. A file whose variable no longer holds the value
 * we wrote was changed by hand: it is left alone and reported. A file holding a reference to the key
 * (mcpkv://<id>, `form: 'reference'`) needs nothing on rotation, and is taken out like a value.
 */
import path from 'node:path';
import { readEnvVar, removeEnvVars, upsertEnv, type EnvEdit } from '../../../shared/env-file';
import { describeModeChange, type ExportRecord, type ExportReport } from '../../../shared/exports';
import { isVaultError } from '../../../shared/errors';
import { applyEnvFile, readEnvFile, type EnvWriteOptions } from '../env-writer';
import { exportedValue } from './export-records';

/** The report's file, variable, and its form when the file holds a reference. */
function reportBase(record: ExportRecord): Pick<ExportReport, 'file' | 'variable' | 'form'> {
  return { file: record.file, variable: record.variable, ...(record.form && { form: record.form }) };
}

function failure(record: ExportRecord, error: unknown): ExportReport {
  return {
    ...reportBase(record),
    outcome: 'failed',
    message: isVaultError(error) ? error.message : 'The file could not be read or written.',
  };
}

function changedByHand(base: Pick<ExportReport, 'file' | 'variable' | 'form'>): ExportReport {
  return { ...base, outcome: 'changed-by-hand', message: `${base.variable} no longer holds this key; left as it is.` };
}

/**
 * For each recorded file: if its variable still holds what the export wrote (`value`, or the key's reference),
 * applies `edit` (re-checked inside the atomic write, so a change made between our read and the write is not
 * overwritten blindly) and reports `done`; otherwise reports the file missing, already right (`isDone`), or
 * changed by hand. With `keepReferences`, a file holding the key's reference is left as it is, reported 'reference'.
 */
async function editWhereStillHeld(
  records: ExportRecord[],
  value: string,
  edit: (text: string, record: ExportRecord) => EnvEdit,
  outcomes: { done: ExportReport['outcome']; isDone?: (current: string | undefined) => boolean; keepReferences?: boolean },
  writeOptions: EnvWriteOptions = {},
): Promise<ExportReport[]> {
  const reports: ExportReport[] = [];
  for (const record of records) {
    const base = reportBase(record);
    const expected = exportedValue(record, value);
    try {
      const text = await readEnvFile(record.file);
      if (text === null) {
        reports.push({ ...base, outcome: 'missing', message: 'The file no longer exists.' });
        continue;
      }
      const current = readEnvVar(text, record.variable);
      if (record.form === 'reference' && outcomes.keepReferences) {
        reports.push(current === expected ? { ...base, outcome: 'reference' } : changedByHand(base));
        continue;
      }
      if (outcomes.isDone?.(current)) {
        reports.push({ ...base, outcome: 'unchanged' });
        continue;
      }
      const written =
        current === expected
          ? await applyEnvFile(
              record.file,
              (latest) => (readEnvVar(latest, record.variable) === expected ? edit(latest, record) : { text: latest, changed: [] }),
              writeOptions,
            )
          : null;
      reports.push(
        written?.changed.length
          ? { ...base, outcome: outcomes.done, ...(written.tightened && { message: describeModeChange(path.basename(written.file), written.tightened) }) }
          : changedByHand(base),
      );
    } catch (error) {
      reports.push(failure(record, error));
    }
  }
  return reports;
}

/**
 * Rewrites `variable` from `oldValue` to `newValue` in each file (left owner-only: it gets a secret); a file
 * holding a reference to the key needs no change and is reported as 'reference'. One report per file.
 */
export function rotateInFiles(records: ExportRecord[], oldValue: string, newValue: string): Promise<ExportReport[]> {
  return editWhereStillHeld(
    records,
    oldValue,
    (text, r) => upsertEnv(text, [{ name: r.variable, value: newValue }]),
    { done: 'updated', isDone: (current) => current === newValue, keepReferences: true },
    { secret: true },
  );
}

/** Takes `variable` out of each file where it still holds `value` (or the key's reference); one report per file. */
export function removeFromFiles(records: ExportRecord[], value: string): Promise<ExportReport[]> {
  return editWhereStillHeld(records, value, (text, r) => removeEnvVars(text, [r.variable]), { done: 'removed' });
}

/** Does any recorded file still hold `value` in its variable? (A copy of the key outside the keychain; a reference is none.) */
export async function someFileHolds(records: ExportRecord[], value: string): Promise<boolean> {
  for (const record of records) {
    if (record.form === 'reference') continue;
    const text = await readEnvFile(record.file).catch(() => null);
    if (text !== null && readEnvVar(text, record.variable) === value) return true;
  }
  return false;
}
