/**
 * Keeping client configs in step with the vault, as sync-files.ts does for .env files: after a rotation every
 * header-form slot gets the new value (launcher and proxy slots read the key from the vault when the server starts:
 * nothing to rewrite), and on revoke or delete the key can be taken out (launcher and proxy back to the plain form
 * without it, a header removed). A slot that no longer holds what we put there was changed by hand: it is left
 * alone and reported. One report per recorded connection, in the order of the records.
 */
import { isVaultError } from '../../../shared/errors';
import { describeModeChange, type ExportReport } from '../../../shared/exports';
import { headerValue } from '../../../shared/copy-format';
import type { McpConnectionRecord } from '../../../shared/mcp';
import path from 'node:path';
import { readConfigText, writeConfigText } from './config-files';
import { fileEditError, parseJsonc, valueAt } from './jsonc-edits';
import { fromProxy, headerNameIn, withHeader, withoutHeader, withoutLauncherKey } from './server-edits';
import { isObject, serverEntry, type ServerEntry } from './server-entries';
import { headerToken } from './slot-values';

function base(record: McpConnectionRecord): Pick<ExportReport, 'file' | 'variable' | 'form' | 'client' | 'server' | 'serverPath'> {
  return { file: record.file, variable: record.slot.name, form: record.form, client: record.client, server: record.server, serverPath: [...record.serverPath] };
}

/** The record's file or server is no longer there. */
export class ServerGone extends Error {}

/** The file's text and the record's server in it; ServerGone when the file or the server is no longer there. */
export async function serverOf(record: McpConnectionRecord): Promise<{ text: string; entry: ServerEntry }> {
  const text = await readConfigText(record.file);
  if (text === null) throw new ServerGone('The file no longer exists.');
  const parsed = parseJsonc(text);
  if (!parsed.ok) throw new Error(`${record.file} does not parse (line ${parsed.line}, column ${parsed.column}); it was left untouched.`);
  const value = valueAt(parsed.root, record.serverPath);
  if (!isObject(value)) throw new ServerGone(`The server "${record.server}" is no longer in the file.`);
  return { text, entry: serverEntry(record.server, [...record.serverPath], value) };
}

/** Does the server still run with the record's key (its launcher's variable, or its proxy)? */
export function stillLaunches(entry: ServerEntry, record: McpConnectionRecord): boolean {
  const keys = entry.launched?.keys ?? [];
  if (record.form === 'proxy') return entry.proxy !== null && keys.some((k) => k.keyId === record.keyId && k.variable === entry.proxy!.variable);
  return entry.proxy === null && keys.some((k) => k.keyId === record.keyId && k.variable === record.slot.name);
}

/** The token of the record's header in the server, if it has that header (any case). */
export function headerValueOf(entry: ServerEntry, record: McpConnectionRecord): string | undefined {
  if (entry.proxy) return undefined;
  return entry.headers.find(([name]) => name.toLowerCase() === record.slot.name.toLowerCase())?.[1];
}

function changedByHand(record: McpConnectionRecord): ExportReport {
  const what = record.form === 'header' ? `${record.slot.name} no longer holds this key` : `"${record.server}" no longer runs with this key`;
  return { ...base(record), outcome: 'changed-by-hand', message: `${what}; left as it is.` };
}

async function eachRecord(records: McpConnectionRecord[], visit: (record: McpConnectionRecord, text: string, entry: ServerEntry) => Promise<ExportReport>): Promise<ExportReport[]> {
  const reports: ExportReport[] = [];
  for (const record of records) {
    try {
      const { text, entry } = await serverOf(record);
      reports.push(await visit(record, text, entry));
    } catch (error) {
      const failure = fileEditError(error, record.file);
      if (failure instanceof ServerGone) reports.push({ ...base(record), outcome: 'missing', message: failure.message });
      else reports.push({ ...base(record), outcome: 'failed', message: isVaultError(failure) || failure instanceof Error ? failure.message : 'The file could not be read or written.' });
    }
  }
  return reports;
}

async function write(record: McpConnectionRecord, text: string, next: string, secret: boolean, done: ExportReport['outcome']): Promise<ExportReport> {
  const { tightened } = await writeConfigText(record.file, { expected: text, next, secret, label: record.file });
  return { ...base(record), outcome: done, ...(tightened && { message: describeModeChange(path.basename(record.file), tightened) }) };
}

/** Rewrites each header-form slot from `oldValue` to `newValue` (left owner-only); launcher and proxy slots need nothing. */
export function rotateInConfigs(records: McpConnectionRecord[], oldValue: string, newValue: string): Promise<ExportReport[]> {
  return eachRecord(records, async (record, text, entry) => {
    if (record.form !== 'header') return stillLaunches(entry, record) ? { ...base(record), outcome: 'nothing-to-rewrite' } : changedByHand(record);
    const current = headerValueOf(entry, record);
    const { scheme, token } = headerToken(current ?? '');
    if (current !== undefined && token === newValue) return { ...base(record), outcome: 'unchanged' };
    if (current === undefined || token !== oldValue) return changedByHand(record);
    return write(record, text, withHeader(text, entry, record.slot.name, headerValue(scheme, newValue)), true, 'updated');
  });
}

/** One connection's removal: the record and what became of its slot. */
export interface ConfigRemoval {
  record: McpConnectionRecord;
  report: ExportReport;
}

/** The connection is over: its key was taken out of the slot, or the server or file is gone. */
export function removalEnded({ report }: ConfigRemoval): boolean {
  return report.outcome === 'removed' || report.outcome === 'missing';
}

/**
 * Takes the key out of each slot that still has it: a launcher or proxy server back to its plain form without it,
 * a header (holding `value`) removed. With `value` null (a revoked key, its value gone) header slots cannot be
 * recognised and are left out of the reports.
 */
export async function removeFromConfigs(records: McpConnectionRecord[], value: string | null): Promise<ConfigRemoval[]> {
  const visited = records.filter((r) => r.form !== 'header' || value !== null);
  const reports = await eachRecord(
    visited,
    async (record, text, entry) => {
      if (record.form === 'header') {
        const current = headerValueOf(entry, record);
        if (current === undefined || headerToken(current).token !== value) return changedByHand(record);
        return write(record, text, withoutHeader(text, entry, headerNameIn(entry, record.slot.name)), false, 'removed');
      }
      if (!stillLaunches(entry, record)) return changedByHand(record);
      const next = record.form === 'proxy' ? fromProxy(text, entry, record.client, null, record.urlKey) : withoutLauncherKey(text, entry, record.slot.name, null);
      return write(record, text, next, false, 'removed');
    },
  );
  return visited.map((record, i) => ({ record, report: reports[i]! }));
}

/** Does any recorded header still hold `value`? (A copy of the key outside the keychain; launcher and proxy hold none.) */
export async function someConfigHolds(records: McpConnectionRecord[], value: string): Promise<boolean> {
  for (const record of records) {
    if (record.form !== 'header') continue;
    const found = await serverOf(record).catch(() => null);
    const current = found && headerValueOf(found.entry, record);
    if (current !== undefined && current !== null && headerToken(current).token === value) return true;
  }
  return false;
}
