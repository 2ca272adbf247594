/**
 * Reads and rewrites a project's `.env` file. The text edits live in shared/env-file.ts; this layer decides what
 * may be touched (a regular, not too large, UTF-8 text file), writes atomically and keeps the file's mode.
 * Error messages name the file, never its contents: a .env file is full of secrets.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { VaultError } from '../../shared/errors';
import type { EnvEdit } from '../../shared/env-file';
import { writeFileAtomic } from './atomic-write';

export const DEFAULT_MAX_ENV_BYTES = 5 * 1024 * 1024;

export interface EnvFileOptions {
  maxBytes?: number;
}

export interface EnvFileResult {
  file: string;
  changed: string[];
  created: boolean;
}

/** The file's text (a BOM is kept), or null when it does not exist. */
export async function readEnvFile(file: string, opts: EnvFileOptions = {}): Promise<string | null> {
  const target = path.resolve(file);
  try {
    return await load(target, opts.maxBytes ?? DEFAULT_MAX_ENV_BYTES);
  } catch (error) {
    throw fileError(error, target, 'read');
  }
}

export async function applyEnvFile(
  file: string,
  edit: (text: string) => EnvEdit,
  opts: EnvFileOptions = {},
): Promise<EnvFileResult> {
  const target = path.resolve(file);
  let stage = 'read';
  try {
    const before = await load(target, opts.maxBytes ?? DEFAULT_MAX_ENV_BYTES);
    if (before === null) await requireFolder(path.dirname(target));
    const result = edit(before ?? '');
    // Nothing to do: leave the file (and its mtime) alone, and do not create an empty one.
    if (result.text === (before ?? '')) return { file: target, changed: result.changed, created: false };
    stage = 'write';
    await writeFileAtomic(target, result.text, { mode: 0o600 });
    return { file: target, changed: result.changed, created: before === null };
  } catch (error) {
    throw fileError(error, target, stage);
  }
}

async function load(file: string, maxBytes: number): Promise<string | null> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Checked before opening: opening a FIFO would block, a device could be endless.
  if (!st.isFile()) throw new VaultError('FILE_ERROR', `${file} is not a regular file.`);
  if (st.size > maxBytes) throw tooLarge(file, maxBytes);
  const bytes = await fsp.readFile(file);
  if (bytes.length > maxBytes) throw tooLarge(file, maxBytes); // it grew in between
  if (bytes.includes(0)) throw notText(file);
  try {
    // ignoreBOM keeps a BOM in the text, so that the edit can keep it in the file.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notText(file);
  }
}

async function requireFolder(dir: string): Promise<void> {
  const st = await fsp.stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new VaultError('FILE_ERROR', `Folder ${dir} does not exist.`);
}

function tooLarge(file: string, maxBytes: number): VaultError {
  return new VaultError('FILE_ERROR', `${file} is too large for a .env file (over ${Math.floor(maxBytes / 1024)} KiB).`);
}

function notText(file: string): VaultError {
  return new VaultError('FILE_ERROR', `${file} does not look like a .env file: it is not UTF-8 text.`);
}

/** System errors become FILE_ERROR with plain words; anything else (our own VaultErrors included) passes through. */
function fileError(error: unknown, file: string, action: string): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new VaultError('FILE_ERROR', `Permission denied: cannot ${action} ${file}.`, { cause: error });
    case 'EROFS':
      return new VaultError('FILE_ERROR', `Cannot ${action} ${file}: it is on a read-only file system.`, { cause: error });
    case 'ENOSPC':
    case 'EDQUOT':
      return new VaultError('FILE_ERROR', `Cannot ${action} ${file}: the disk is full.`, { cause: error });
    default:
      return new VaultError('FILE_ERROR', `Cannot ${action} ${file} (${code}).`, { cause: error });
  }
}
