/**
 * The metadata store: one JSON file, in the format of electron-store (app) and conf (CLI and tests), the library
 * electron-store is built on — the same file, the same compact JSON.
 *
 * Every change is a read-modify-write under a cross-process lock (proper-lockfile), so the app and
 * any number of CLIs never lose each other's changes. Reads are served from memory while the file's
 * identity (inode, size, mtime) is unchanged: atomic writes replace the inode, so any write by another
 * process is seen.
 *
 * At 10,000 keys the file is ~4.5 MB, so what a change costs is parsing and serializing it (bench/, BENCHMARKS.md).
 * conf/electron-store open and check the file; after that, reads and writes go straight to the file
 * (`StoreFile`): conf's `store` setter re-reads and re-parses the whole file before every write (to keep its
 * `__internal__` field, which a read-modify-write keeps anyway), and a first read after opening would parse it a
 * second time. Writes encode only the records that changed: a few are spliced into the text last read or written
 * (spliceStoreText), else the JSON of unchanged record objects is reused. Writes stay atomic and durable: temp
 * file, fsync, rename, fsync of the folder, mode 0600.
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../../shared/errors';
import type { KeyRecord } from '../../shared/types';
import { writeFileAtomicSync } from './atomic-write';
import { lockFile } from './file-lock';
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

/** conf's `configFileMode`, kept on every write: the file says which keys exist and where they are used. */
const STORE_FILE_MODE = 0o600;

/** The vault file in a vault folder: `vault.json`, for the app and the CLI alike. */
export function storeFilePath(home: string): string {
  return path.join(home, `${STORE_FILE_NAME}.json`);
}

/** Options shared by electron-store (app) and conf (CLI), so both read and write the file alike. */
export function storeOptions(cwd: string) {
  return {
    cwd,
    // electron-store takes the file name from `name` (default 'config', overriding `configName`); conf from `configName`.
    name: STORE_FILE_NAME,
    configName: STORE_FILE_NAME,
    // Compact JSON: the file is rewritten on every change and may hold thousands of keys. (Writes go through
    // StoreFile, which writes the same text; conf itself writes only if it must when opening.)
    serialize: (value: unknown) => JSON.stringify(value),
    deserialize: parseStoreText,
    accessPropertiesByDotNotation: false,
    configFileMode: STORE_FILE_MODE,
    clearInvalidConfig: false,
  } as const;
}

/** What the last `parseStoreText` call parsed: lets `openBackend` reuse the parse conf/electron-store did when opening. */
let lastParsed: { value: unknown; text: string } | undefined;

function takeLastParsed(): { value: unknown; text: string } | undefined {
  const parsed = lastParsed;
  lastParsed = undefined;
  return parsed;
}

/** JSON.parse, remembering the result for `openBackend` (conf calls this when it opens the file). */
export function parseStoreText(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as Record<string, unknown>;
  lastParsed = { value, text };
  return value;
}

/**
 * Each key record's entry (`"id":{…}`, UTF-8) as last written or read back. Content is never mutated in place
 * (`MetadataStore` hands out read-only data; updates build new objects), so an object's entry stays valid as
 * long as the object lives; a changed record is a new object and is encoded anew.
 */
const encodedRecords = new WeakMap<object, { id: string; bytes: Buffer }>();
const COMMA = Buffer.from(',');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

function recordEntry(id: string, record: unknown): Buffer | undefined {
  if (!isPlainObject(record)) {
    const text = JSON.stringify(record) as string | undefined;
    return text === undefined ? undefined : Buffer.from(`${JSON.stringify(id)}:${text}`);
  }
  const cached = encodedRecords.get(record);
  if (cached?.id === id) return cached.bytes;
  const bytes = Buffer.from(`${JSON.stringify(id)}:${JSON.stringify(record)}`);
  encodedRecords.set(record, { id, bytes });
  return bytes;
}

/**
 * The file's bytes: exactly `JSON.stringify(value)` in UTF-8 (same fields, same order, same text), but each
 * record under `keys` is encoded once per record object, so a change to one key encodes one record, not ten
 * thousand. (JSON.stringify escapes lone surrogates, so the UTF-8 of the parts is the UTF-8 of the whole.)
 */
export function serializeStore(value: unknown): Buffer {
  if (!isPlainObject(value) || !isPlainObject(value.keys)) return Buffer.from(String(JSON.stringify(value)));
  const parts: Buffer[] = [Buffer.from('{')];
  let firstField = true;
  for (const field of Object.keys(value)) {
    const fieldValue = value[field];
    if (field === 'keys') {
      const keys = fieldValue as Record<string, unknown>;
      parts.push(Buffer.from(`${firstField ? '' : ','}"keys":{`));
      let firstKey = true;
      for (const id of Object.keys(keys)) {
        const entry = recordEntry(id, keys[id]);
        if (entry === undefined) continue;
        if (!firstKey) parts.push(COMMA);
        parts.push(entry);
        firstKey = false;
      }
      parts.push(Buffer.from('}'));
    } else {
      const text = JSON.stringify(fieldValue) as string | undefined;
      if (text === undefined) continue;
      parts.push(Buffer.from(`${firstField ? '' : ','}${JSON.stringify(field)}:${text}`));
    }
    firstField = false;
  }
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}

/** A file's text and the value parsed from it (or written as it). */
interface StoreText {
  text: string;
  value: Record<string, unknown>;
}

/** A write changing more records than this is encoded in full (each change costs a search through the text). */
const MAX_SPLICED_RECORDS = 32;

/**
 * `value`'s file text made from `base` by replacing only the records that changed, or null when that cannot be
 * done safely (then the caller encodes the whole value). A use counted by `mcpkv run` or `get` changes one record
 * of 10,000; encoding them all again costs more than the rest of the command (BENCHMARKS.md).
 *
 * Safe because it requires the same fields (other than `keys`, the very same objects), the same key ids in the
 * same order, and each old record's exact compact JSON (`"id":{…}`) found exactly once in the text; any other
 * file (indented, escaped differently, edited by hand) falls back to a full encode. The result is then what
 * `serializeStore(value)` would write.
 */
export function spliceStoreText(base: StoreText, value: Record<string, unknown>): string | null {
  const fields = Object.keys(value);
  const baseFields = Object.keys(base.value);
  if (fields.length !== baseFields.length || fields.some((field, i) => field !== baseFields[i])) return null;
  if (fields.some((field) => field !== 'keys' && value[field] !== base.value[field])) return null;
  const keys = value.keys;
  const baseKeys = base.value.keys;
  if (!isPlainObject(keys) || !isPlainObject(baseKeys)) return null;
  const ids = Object.keys(keys);
  const baseIds = Object.keys(baseKeys);
  if (ids.length !== baseIds.length) return null;
  const changed: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id !== baseIds[i]) return null;
    if (keys[id] === baseKeys[id]) continue;
    if (changed.push(id) > MAX_SPLICED_RECORDS || !isPlainObject(keys[id]) || !isPlainObject(baseKeys[id])) return null;
  }
  let text = base.text;
  for (const id of changed) {
    const before = `${JSON.stringify(id)}:${JSON.stringify(baseKeys[id])}`;
    const at = text.indexOf(before);
    if (at < 0 || text.indexOf(before, at + 1) >= 0) return null;
    text = `${text.slice(0, at)}${JSON.stringify(id)}:${JSON.stringify(keys[id])}${text.slice(at + before.length)}`;
  }
  return text;
}

/** The vault's folder holds nothing secret, but what keys exist and where they are used is private too. */
export function ensureVaultDir(home: string): void {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
}

/**
 * The file's text, as `fs.readFileSync(file, 'utf8')` gives it (a BOM included), or null when it does not exist.
 * Mostly ASCII, where decoding as Latin-1 gives the same string and costs half as much as UTF-8.
 */
function readStoreText(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** What conf's constructor does to the file: read and parse it (a missing file is an empty store). */
function loadStoreFile(file: string): void {
  const text = readStoreText(file);
  if (text !== null) parseStoreText(text);
}

/**
 * Opens the vault file: `open` (electron-store in the app) or, by default, the same read-and-parse conf's
 * constructor does, checks it; a broken file must become our clear error, not a stack trace. Returns the file as
 * a `StoreFile`: the parse done while opening serves the first read, and later reads and writes go straight to
 * the file.
 */
export function openBackend(home: string, open: () => unknown = () => loadStoreFile(storeFilePath(home))): JsonFileBackend {
  ensureVaultDir(home);
  const file = storeFilePath(home);
  const before = fileSignature(file);
  takeLastParsed();
  let parsed: { value: unknown; text: string } | undefined;
  try {
    open();
    parsed = takeLastParsed();
  } catch (error) {
    takeLastParsed();
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it could not be read';
    throw new VaultError('STORE_UNREADABLE', `The vault file ${file} is unreadable: ${reason}.`, { cause: error });
  }
  // The parse is of the file we will read only if no write replaced the file meanwhile.
  const after = fileSignature(file);
  return new StoreFile(file, parsed && before !== null && before === after ? { signature: after, value: parsed.value, text: parsed.text } : undefined);
}

export function emptyVaultData(): VaultData {
  return { version: STORE_VERSION, keys: {} };
}

type Signature = string;

export function fileSignature(path: string): Signature | null {
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

/** conf's `store` getter: a missing file is an empty store; the content is a null-prototype copy of the parsed object. */
function asStoreObject(parsed: unknown): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
}

const RETRYABLE_ON_WINDOWS = new Set(['EPERM', 'EACCES', 'EBUSY']);

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The vault file, read and written directly, in conf's format. Reads parse the file (conf's getter does the
 * same); writes are atomic and durable (electron/core/atomic-write.ts: temp file, fsync, rename, fsync of the
 * folder), leave the file 0600 as conf's `configFileMode` does, and skip conf's setter, which re-reads and
 * re-parses the whole file first.
 */
export class StoreFile implements JsonFileBackend {
  /** The text last read or written and what it holds, for spliced writes (spliceStoreText). */
  private base: StoreText | undefined;

  constructor(
    readonly path: string,
    /** What opening parsed, with the file's signature then: served once, if the file is still that one. */
    private primed?: { signature: Signature; value: unknown; text: string },
  ) {}

  get store(): Record<string, unknown> {
    const primed = this.primed;
    this.primed = undefined;
    if (primed && fileSignature(this.path) === primed.signature) return this.remember(primed.text, primed.value);
    const text = readStoreText(this.path);
    if (text === null) {
      this.base = undefined;
      return asStoreObject({});
    }
    return this.remember(text, JSON.parse(text));
  }

  /** The content as conf's getter gives it, remembered with its text. Its fields are the parsed objects themselves. */
  private remember(text: string, parsed: unknown): Record<string, unknown> {
    const value = asStoreObject(parsed);
    this.base = { text, value };
    return value;
  }

  set store(value: Record<string, unknown>) {
    this.primed = undefined;
    const spliced = this.base ? spliceStoreText(this.base, value) : null;
    const bytes = spliced === null ? serializeStore(value) : Buffer.from(spliced);
    this.base = undefined;
    // As conf: the folder may have been removed meanwhile, and the file is private whatever its mode was.
    ensureVaultDir(path.dirname(this.path));
    const mode = fileMode(this.path);
    if (mode !== null && mode !== STORE_FILE_MODE) fs.chmodSync(this.path, STORE_FILE_MODE);
    // Windows refuses a rename over a file another process has open for a moment (antivirus, indexer): retry
    // for up to a second, as conf's writer (atomically) does. A failed attempt leaves no temp file.
    const deadline = Date.now() + 1000;
    for (;;) {
      try {
        writeFileAtomicSync(this.path, bytes, { mode: STORE_FILE_MODE });
        // The next write splices into this text (the app writes many times; its first write is encoded in full).
        this.base = { text: spliced ?? bytes.toString('utf8'), value };
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (process.platform !== 'win32' || !RETRYABLE_ON_WINDOWS.has(code) || Date.now() > deadline) throw error;
        sleepSync(20);
      }
    }
  }
}

function fileMode(file: string): number | null {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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
      release = await lockFile(this.path);
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
