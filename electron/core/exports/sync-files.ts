/**
 * Keeping exported files in step with the vault: after a rotation every recorded file gets the new value,
 * and on revoke or delete the variable can be taken out. A file whose variable no longer holds the value
 * we wrote was changed by hand: it is left alone and reported.
 */
import path from 'node:path';
import { readEnvVar, removeEnvVars, upsertEnv, type EnvEdit } from '../../../shared/env-file';
import { describeModeChange, type ExportRecord, type ExportReport } from '../../../shared/exports';
import { isVaultError } from '../../../shared/errors';
import { applyEnvFile, readEnvFile, type EnvWriteOptions } from '../env-writer';

function failure(record: ExportRecord, error: unknown): ExportReport {
  return {
    file: record.file,
    variable: record.variable,
    outcome: 'failed',
    message: isVaultError(error) ? error.message : 'The file could not be read or written.',
  };
}

/**
 * For each recorded file: if its variable still holds `expected`, applies `edit` (re-checked inside the
 * atomic write, so a change made between our read and the write is not overwritten blindly) and reports
 * `done`; otherwise reports the file missing, already right (`isDone`), or changed by hand.
 */
async function editWhereStillHeld(
  records: ExportRecord[],
  expected: string,
  edit: (text: string, record: ExportRecord) => EnvEdit,
  outcomes: { done: ExportReport['outcome']; isDone?: (current: string | undefined) => boolean },
  writeOptions: EnvWriteOptions = {},
): Promise<ExportReport[]> {
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
          : { ...base, outcome: 'changed-by-hand', message: `${record.variable} no longer holds this key; left as it is.` },
      );
    } catch (error) {
      reports.push(failure(record, error));
    }
  }
  return reports;
}

/** Rewrites `variable` from `oldValue` to `newValue` in each file (left owner-only: it gets a secret); one report per file. */
export function rotateInFiles(records: ExportRecord[], oldValue: string, newValue: string): Promise<ExportReport[]> {
  return editWhereStillHeld(
    records,
    oldValue,
    (text, r) => upsertEnv(text, [{ name: r.variable, value: newValue }]),
    { done: 'updated', isDone: (current) => current === newValue },
    { secret: true },
  );
}

/** Takes `variable` out of each file where it still holds `value`; one report per file. */
export function removeFromFiles(records: ExportRecord[], value: string): Promise<ExportReport[]> {
  return editWhereStillHeld(records, value, (text, r) => removeEnvVars(text, [r.variable]), { done: 'removed' });
}
