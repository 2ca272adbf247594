/**
 * When the vault file cannot be read (not JSON, truncated, the wrong shape, or from a newer version):
 * keep it aside, never delete it, start an empty vault file, and let the caller rebuild every key from
 * the keychain (adoptOrphanSecrets in recovery.ts). Done under the store's cross-process lock, so two processes
 * meeting the same broken file set it aside once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isVaultError } from '../../shared/errors';
import { lockFile } from './file-lock';
import { MetadataStore } from './store';

/** Present from setting a broken file aside until the vault is rebuilt from the keychain. */
export function rebuildMarker(storeFile: string): string {
  return path.join(path.dirname(storeFile), 'pending', 'rebuild-from-keychain');
}

export interface OpenedStore {
  store: MetadataStore;
  /** Where the unreadable file was kept, when it was; the caller rebuilds from the keychain and tells the user. */
  setAsideAs: string | null;
}

/**
 * The store if it reads; null if its content is broken (then it may be set aside). A file that cannot be
 * read at all — a folder, no permission, a disk error — is not corrupt: that error goes to the user as it is.
 */
function readable(file: string, open: () => MetadataStore): MetadataStore | null {
  try {
    const store = open();
    store.read();
    return store;
  } catch (error) {
    if (!(isVaultError(error) && error.code === 'STORE_UNREADABLE')) throw error;
    try {
      fs.readFileSync(file);
    } catch {
      throw error;
    }
    return null;
  }
}

export async function openStoreRecovering(file: string, open: () => MetadataStore): Promise<OpenedStore> {
  const store = readable(file, open);
  if (store) return { store, setAsideAs: null };
  const release = await lockFile(file);
  try {
    // Another process may have set it aside while we waited for the lock.
    const again = readable(file, open);
    if (again) return { store: again, setAsideAs: null };
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Every process that opens the vault before the rebuild is done does it too (it is idempotent).
    fs.mkdirSync(path.dirname(rebuildMarker(file)), { recursive: true, mode: 0o700 });
    fs.writeFileSync(rebuildMarker(file), '', { mode: 0o600 });
    fs.renameSync(file, aside);
    return { store: open(), setAsideAs: aside };
  } finally {
    await release().catch(() => undefined);
  }
}
