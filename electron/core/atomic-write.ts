/**
 * Replace a file's contents all at once: readers see the old file or the new one, never a half-written one, and a
 * crash leaves at worst a stray temp file, never a truncated target.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Mode for a new file (default 0600). An existing file keeps its mode. */
  mode?: number;
}

const MAX_LINKS = 40; // as the kernel's ELOOP limit

export async function writeFileAtomic(file: string, data: string | Buffer, opts: AtomicWriteOptions = {}): Promise<void> {
  const target = await resolveLinks(file);
  const existing = await fsp.stat(target).catch(ignoreMissing);
  const tmp = tempPath(target);
  const handle = await fsp.open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await keepOwnerAndMode(handle, existing, opts.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, target);
  } catch (error) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDir(path.dirname(target));
}

export function writeFileAtomicSync(file: string, data: string | Buffer, opts: AtomicWriteOptions = {}): void {
  const target = resolveLinksSync(file);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch (error) {
    ignoreMissing(error);
  }
  const tmp = tempPath(target);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    try {
      fs.writeFileSync(fd, data);
      if (existing && process.getuid && existing.uid !== process.getuid()) {
        try {
          fs.fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Best effort, see keepOwnerAndMode.
        }
      }
      fs.fchmodSync(fd, modeFor(existing, opts.mode));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  syncDirSync(path.dirname(target));
}

/** Same directory as the target, so the rename stays on one file system and is atomic. */
function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Follows a symlink chain to the file it names, even if that file does not exist yet, so links stay links. */
async function resolveLinks(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    const st = await fsp.lstat(current).catch(ignoreMissing);
    if (!st?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fsp.readlink(current));
  }
  throw loopError(file);
}

function resolveLinksSync(file: string): string {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(current);
    } catch (error) {
      ignoreMissing(error);
    }
    if (!st?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw loopError(file);
}

async function keepOwnerAndMode(handle: fsp.FileHandle, existing: fs.Stats | undefined, mode: number | undefined) {
  // When root rewrites someone else's file, give it back to its owner. Elsewhere this fails harmlessly.
  // (chown before chmod: chown may clear setuid/setgid bits.)
  if (existing && process.getuid && existing.uid !== process.getuid()) {
    await handle.chown(existing.uid, existing.gid).catch(() => {});
  }
  await handle.chmod(modeFor(existing, mode));
}

function modeFor(existing: fs.Stats | undefined, mode: number | undefined): number {
  return existing ? existing.mode & 0o7777 : (mode ?? 0o600);
}

/** Makes the rename itself durable. Some platforms cannot open or fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'EINVAL')) throw error;
  } finally {
    await handle?.close();
  }
}

function syncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'EINVAL')) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function ignoreMissing(error: unknown): undefined {
  if (isCode(error, 'ENOENT')) return undefined;
  throw error;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

function loopError(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`Too many levels of symbolic links: ${file}`), { code: 'ELOOP' });
}
