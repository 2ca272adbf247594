/**
 * Reads and rewrites a project's `.env` file (and its `.gitignore`). The text edits live in shared/env-file.ts;
 * this layer decides what may be touched (a regular, not too large, UTF-8 text file of this user, reached by no
 * link that leaves its folder), writes atomically inside the opened folder (contained-file.ts) and sets the mode:
 * a file that receives a secret ends up readable by its owner only, and the caller is told when that changed it.
 * Error messages name the file, never its contents: a .env file is full of secrets.
 */
import * as path from 'node:path';
import type { Stats } from 'node:fs';
import { VaultError } from '../../shared/errors';
import type { EnvEdit } from '../../shared/env-file';
import type { ModeChange } from '../../shared/exports';
import { locate, MissingFolderError, OpenedFolder } from './contained-file';

export const DEFAULT_MAX_ENV_BYTES = 5 * 1024 * 1024;

export interface EnvFileOptions {
  maxBytes?: number;
  /** What the file is, for messages: 'a .env file' unless told (an MCP client's config is written the same way). */
  kind?: string;
  /** Follow a link wherever it leads (the CLI's --follow-symlinks). By default only within the file's folder. */
  followLinks?: boolean;
}

export interface EnvWriteOptions extends EnvFileOptions {
  /** The file receives a secret: it ends up readable and writable by its owner only. */
  secret?: boolean;
  /** The mode of a file created (default 0600). */
  newMode?: number;
}

export interface EnvFileResult {
  /** The file written: the path given, or the file a link led to. */
  file: string;
  changed: string[];
  created: boolean;
  /** Present when the write took group/other access away from a file that receives a secret. */
  tightened?: ModeChange;
}

/** The file's text (a BOM is kept), or null when it does not exist. */
export async function readEnvFile(file: string, opts: EnvFileOptions = {}): Promise<string | null> {
  const target = path.resolve(file);
  try {
    const place = await locate(target, opts.followLinks);
    return await OpenedFolder.use(place.dir, (folder) => load(folder, place.name, place.file, opts));
  } catch (error) {
    if (error instanceof MissingFolderError) return null;
    throw fileError(error, target, 'read', opts);
  }
}

export async function applyEnvFile(file: string, edit: (text: string) => EnvEdit, opts: EnvWriteOptions = {}): Promise<EnvFileResult> {
  const target = path.resolve(file);
  let stage = 'read';
  try {
    const place = await locate(target, opts.followLinks);
    return await OpenedFolder.use(place.dir, async (folder) => {
      const before = await load(folder, place.name, place.file, opts);
      const result = edit(before ?? '');
      // Nothing to do: leave the file (and its mtime) alone, and do not create an empty one.
      if (result.text === (before ?? '')) return { file: place.file, changed: result.changed, created: false };
      stage = 'write';
      const { replaced, mode } = await folder.replace(place.name, result.text, { mode: (existing) => modeFor(existing, opts) });
      const tightened = replaced && (replaced.mode & 0o777) !== (mode & 0o777) ? { tightened: modeChange(replaced, mode) } : {};
      return { file: place.file, changed: result.changed, created: before === null, ...tightened };
    });
  } catch (error) {
    throw fileError(error, target, stage, opts);
  }
}

/** A new file gets `newMode`; an existing one keeps its mode, less group and other access when it gets a secret. */
function modeFor(existing: Stats | undefined, opts: EnvWriteOptions): number {
  if (!existing) return opts.newMode ?? 0o600;
  return opts.secret ? existing.mode & 0o700 : existing.mode & 0o7777;
}

function modeChange(existing: Stats, mode: number): ModeChange {
  const octal = (m: number) => (m & 0o777).toString(8).padStart(3, '0');
  return { was: octal(existing.mode), now: octal(mode) };
}

async function load(folder: OpenedFolder, name: string, file: string, opts: EnvFileOptions): Promise<string | null> {
  const bytes = await folder.read(name, opts.maxBytes ?? DEFAULT_MAX_ENV_BYTES);
  if (bytes === null) return null;
  if (bytes.includes(0)) throw notText(file, opts);
  try {
    // ignoreBOM keeps a BOM in the text, so that the edit can keep it in the file.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notText(file, opts);
  }
}

function notText(file: string, opts: EnvFileOptions): VaultError {
  return new VaultError('FILE_ERROR', `${file} does not look like ${opts.kind ?? 'a .env file'}: it is not UTF-8 text.`);
}

/** System errors become FILE_ERROR with plain words; anything else (our own VaultErrors included) passes through. */
function fileError(error: unknown, file: string, action: string, opts: EnvFileOptions): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error;
  switch (code) {
    case 'EFBIG': {
      const max = opts.maxBytes ?? DEFAULT_MAX_ENV_BYTES;
      return new VaultError('FILE_ERROR', `${file} is too large for ${opts.kind ?? 'a .env file'} (over ${Math.floor(max / 1024)} KiB).`);
    }
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
