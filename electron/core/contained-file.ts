/**
 * Files in folders that are not the vault's own (a project's `.env`, its `.gitignore`): read and replaced without
 * following a link out of the file's folder, even while another process swaps the file for a symlink between our
 * checks and our write (a project folder may be writable by others, or hostile).
 *
 * Node has no openat(), so the folder is opened once and checked to be the folder meant (the same device and inode
 * as its real path); on Linux every later step goes through /proc/self/fd/<n>/, which names that opened folder
 * whatever its path names by then, and elsewhere the folder is checked again right before the rename. The file is
 * read with O_NOFOLLOW; the temp file is created with O_CREAT|O_EXCL|O_NOFOLLOW; right before the rename the
 * target is checked again: absent, or a regular file of this user, never a link. rename() replaces a directory
 * entry and never writes through a link.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { VaultError } from '../../shared/errors';

const MAX_LINKS = 40; // as the kernel's ELOOP limit
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0; // a FIFO put in the file's place must not block the read
/** On Linux, `/proc/self/fd/<n>/<name>` is <name> inside the folder opened as <n>: openat() for Node. */
const FD_FOLDERS = process.platform === 'linux' ? '/proc/self/fd' : null;

/** A link that leads out of the folder its name is in. */
export class LinkRefusedError extends VaultError {
  constructor(file: string) {
    super('FORBIDDEN', `${file} is a link to a place outside its folder; it is not written.`);
  }
}

/** The folder a file should be created in does not exist. */
export class MissingFolderError extends VaultError {
  constructor(folder: string) {
    super('FILE_ERROR', `Folder ${folder} does not exist.`);
  }
}

/** True when `candidate` is below `root` (both absolute, normalised). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export interface Located {
  /** The real path of the folder the file is in. */
  dir: string;
  /** The file's name in that folder. */
  name: string;
  /** The file as callers should name it: the path given, or the file a link led to. */
  file: string;
}

/**
 * Where `file` really is. A symlink (or a chain of them) is followed only while it leads to a place inside the
 * folder the file was named in, or anywhere with `followLinks` (the CLI's --follow-symlinks). Only a first
 * answer: the writes below act on the folder found here and never follow the final name again.
 */
export async function locate(file: string, followLinks = false): Promise<Located> {
  const given = path.resolve(file);
  let current = given;
  for (let hops = 0; ; hops++) {
    const stat = await fsp.lstat(current).catch(ignoreMissing);
    if (!stat?.isSymbolicLink()) break;
    if (hops === MAX_LINKS) throw Object.assign(new Error(`Too many levels of symbolic links: ${given}`), { code: 'ELOOP' });
    const next = await fsp.readlink(current).catch((error: unknown) => {
      if (isCode(error, 'EINVAL', 'ENOENT')) return null; // no longer a link: look again
      throw error;
    });
    if (next !== null) current = path.resolve(path.dirname(current), next);
  }
  const dir = await realFolder(path.dirname(current));
  const name = path.basename(current);
  if (current === given) return { dir, name, file: given };
  if (!followLinks && !isInside(await realFolder(path.dirname(given)), path.join(dir, name))) throw new LinkRefusedError(given);
  return { dir, name, file: path.join(dir, name) };
}

async function realFolder(folder: string): Promise<string> {
  try {
    return await fsp.realpath(folder);
  } catch (error) {
    if (isCode(error, 'ENOENT')) throw new MissingFolderError(folder);
    throw error;
  }
}

export interface ReplaceOptions {
  /** The new file's mode, from the file it replaces (undefined when there is none). */
  mode(existing: Stats | undefined): number;
}

/** A folder opened once: every read and write below happens in it (see the top of this file). */
export class OpenedFolder {
  private constructor(
    /** Its real path. */
    readonly dir: string,
    private readonly handle: fsp.FileHandle | null,
    private readonly identity: Stats,
  ) {}

  /** Runs `act` on the folder `dir` (a real path), opened for it and closed after it. */
  static async use<T>(dir: string, act: (folder: OpenedFolder) => Promise<T>): Promise<T> {
    let handle: fsp.FileHandle | null = null;
    try {
      handle = await fsp.open(dir, constants.O_RDONLY | O_DIRECTORY);
    } catch (error) {
      if (!isCode(error, 'EISDIR', 'EPERM')) throw error; // Windows cannot open a folder: path steps, checked
    }
    try {
      const identity = handle ? await handle.stat() : await fsp.stat(dir);
      if (!identity.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
      const folder = new OpenedFolder(dir, handle, identity);
      await folder.checkStillThere();
      return await act(folder);
    } finally {
      await handle?.close();
    }
  }

  /** The file's bytes, or null when there is no such file; at most `maxBytes` (more is EFBIG). */
  async read(name: string, maxBytes: number): Promise<Buffer | null> {
    // Looked at before opening: opening a FIFO or a device could block or never end.
    if (!(await this.target(name, false))) return null;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.at(name), constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      if (isCode(error, 'ELOOP')) throw new LinkRefusedError(path.join(this.dir, name)); // swapped for a link just now
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw notRegular(path.join(this.dir, name));
      if (stat.size > maxBytes) throw tooLarge();
      const bytes = await handle.readFile();
      if (bytes.length > maxBytes) throw tooLarge(); // it grew in between
      return bytes;
    } finally {
      await handle.close();
    }
  }

  /** Replaces (or creates) the file `name` atomically; returns the file it replaced and the mode it set. */
  async replace(name: string, data: string | Buffer, options: ReplaceOptions): Promise<{ replaced: Stats | undefined; mode: number }> {
    const existing = await this.target(name, true);
    const mode = options.mode(existing);
    const tmp = `.${name}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fsp.open(this.at(tmp), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
    try {
      try {
        await handle.writeFile(data);
        await handle.chmod(mode);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Right before the rename: the folder is still the one checked, and the target still no link.
      await this.checkStillThere();
      await this.target(name, true);
      await fsp.rename(this.at(tmp), this.at(name));
    } catch (error) {
      await fsp.rm(this.at(tmp), { force: true }).catch(() => {});
      throw error;
    }
    await this.sync();
    return { replaced: existing, mode };
  }

  /** The path of `name` in this folder: through the opened folder where the platform allows. */
  private at(name: string): string {
    return FD_FOLDERS && this.handle ? `${FD_FOLDERS}/${this.handle.fd}/${name}` : path.join(this.dir, name);
  }

  /** What sits at `name` now: nothing, or a regular file (of this user, when it is to be replaced); else refused. */
  private async target(name: string, replacing: boolean): Promise<Stats | undefined> {
    const stat = await fsp.lstat(this.at(name)).catch(ignoreMissing);
    if (!stat) return undefined;
    const file = path.join(this.dir, name);
    if (stat.isSymbolicLink()) throw new LinkRefusedError(file);
    if (!stat.isFile()) throw notRegular(file);
    // Replacing another user's file would hand it to us (or, as root, write for them): refused.
    if (replacing && process.getuid && stat.uid !== process.getuid()) {
      throw new VaultError('FORBIDDEN', `${file} belongs to another user; it is not written.`);
    }
    return stat;
  }

  /** The folder's path still names the folder opened (not one swapped in since, nor a link to one). */
  private async checkStillThere(): Promise<void> {
    const now = await fsp.lstat(this.dir).catch(ignoreMissing);
    if (!now?.isDirectory() || now.dev !== this.identity.dev || now.ino !== this.identity.ino || (await fsp.realpath(this.dir)) !== this.dir) {
      throw new VaultError('FILE_ERROR', `The folder ${this.dir} was moved or replaced; nothing was written.`);
    }
  }

  /** Makes the rename itself durable. Some platforms cannot fsync a folder. */
  private async sync(): Promise<void> {
    try {
      await this.handle?.sync();
    } catch (error) {
      if (!isCode(error, 'EISDIR', 'EINVAL', 'EBADF')) throw error;
    }
  }
}

function notRegular(file: string): VaultError {
  return new VaultError('FILE_ERROR', `${file} is not a regular file.`);
}

function tooLarge(): NodeJS.ErrnoException {
  return Object.assign(new Error('File too large'), { code: 'EFBIG' });
}

function ignoreMissing(error: unknown): undefined {
  if (isCode(error, 'ENOENT')) return undefined;
  throw error;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}
