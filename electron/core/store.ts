/**
 * The metadata store: one JSON file, written by electron-store in the app and by conf (the library
 * electron-store is built on) in the CLI and tests — the same file, the same format.
 *
 * Every change is a read-modify-write under a cross-process lock (proper-lockfile), so the app and
 * any number of CLIs never lose each other's changes. Reads are served from memory while the file's
 * identity (inode, size, mtime) is unchanged: atomic writes replace the inode, so any write by another
 * process is seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { VaultError } from '../../shared/errors';
import type { KeyRecord } from '../../shared/types';
import { STORE_FILE_NAME } from './paths';

export const STORE_VERSION = 1;

export interface VaultData {
  version: number;
  keys: Record<string, KeyRecord>;
  /** Fields written by later features or versions are kept as they are. */
  [field: string]: unknown;
}

/** What we need of conf / electron-store: the file's path and its whole content. */
export interface JsonFileBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Options shared by electron-store (app) and conf (CLI), so both read and write the file alike. */
export function storeOptions(cwd: string) {
  return {
    cwd,
    configName: STORE_FILE_NAME,
    // Compact JSON: the file is rewritten on every change and may hold thousands of keys.
    serialize: (value: unknown) => JSON.stringify(value),
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    clearInvalidConfig: false,
  } as const;
}

/** The vault's folder holds nothing secret, but what keys exist and where they are used is private too. */
export function ensureVaultDir(home: string): void {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
}

/** Opening conf/electron-store reads the file; a broken file must become our clear error, not a stack trace. */
export function openBackend(home: string, open: () => JsonFileBackend): JsonFileBackend {
  ensureVaultDir(home);
  try {
    return open();
  } catch (error) {
    const file = path.join(home, `${STORE_FILE_NAME}.json`);
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it could not be read';
    throw new VaultError('STORE_UNREADABLE', `The vault file ${file} is unreadable: ${reason}.`, { cause: error });
  }
}

export function emptyVaultData(): VaultData {
  return { version: STORE_VERSION, keys: {} };
}

type Signature = string;

function fileSignature(path: string): Signature | null {
  try {
    const st = fs.statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function checkShape(raw: unknown, path: string): VaultData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new VaultError('STORE_UNREADABLE', `The vault file ${path} does not hold a vault.`);
  }
  const data = raw as Partial<VaultData>;
  if (Object.keys(data).length === 0) return emptyVaultData();
  if (typeof data.version !== 'number' || typeof data.keys !== 'object' || data.keys === null || Array.isArray(data.keys)) {
    throw new VaultError('STORE_UNREADABLE', `The vault file ${path} does not hold a vault.`);
  }
  if (data.version > STORE_VERSION) {
    throw new VaultError(
      'STORE_UNREADABLE',
      `The vault file ${path} was written by a newer MCP Key Vault (format ${data.version}); update this one to use it.`,
    );
  }
  return data as VaultData;
}

export class MetadataStore {
  private cached: { signature: Signature | null; data: VaultData } | undefined;
  /** In-process queue: proper-lockfile's lock is per process, so this keeps our own updates in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly backend: JsonFileBackend) {}

  get path(): string {
    return this.backend.path;
  }

  /** The current content. Treat it as read-only: updates build new objects. */
  read(): VaultData {
    const signature = fileSignature(this.path);
    if (this.cached && this.cached.signature === signature) return this.cached.data;
    let raw: unknown;
    try {
      raw = signature === null ? {} : this.backend.store;
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it could not be read';
      throw new VaultError('STORE_UNREADABLE', `The vault file ${this.path} is unreadable: ${reason}.`, { cause: error });
    }
    const data = checkShape(raw, this.path);
    this.cached = { signature, data };
    return data;
  }

  /**
   * Runs `change` on the freshest content under the cross-process lock and writes what it returns.
   * `change` must not mutate its argument; it returns the new content (or the same object for no change)
   * and a result. If it throws, nothing is written.
   */
  update<T>(change: (data: VaultData) => Promise<{ data: VaultData; result: T }> | { data: VaultData; result: T }): Promise<T> {
    const run = this.queue.then(() => this.lockedUpdate(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockedUpdate<T>(change: (data: VaultData) => Promise<{ data: VaultData; result: T }> | { data: VaultData; result: T }): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.path, {
        realpath: false,
        lockfilePath: `${this.path}.lock`,
        stale: 10_000,
        retries: { retries: 400, factor: 1.3, minTimeout: 2, maxTimeout: 50, randomize: true },
      });
    } catch (error) {
      throw new VaultError('CONFLICT', 'The vault is busy: another MCP Key Vault process is holding it. Try again.', { cause: error });
    }
    try {
      const before = this.read();
      const { data, result } = await change(before);
      if (data !== before) this.write(data);
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  private write(data: VaultData): void {
    this.backend.store = data as Record<string, unknown>;
    this.cached = { signature: fileSignature(this.path), data };
  }
}
