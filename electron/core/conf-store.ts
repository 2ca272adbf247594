/**
 * The store as the CLI, tests and benchmarks open it: with conf — the library electron-store is built on —
 * and the very options the app gives electron-store (storeOptions), so app and CLI agree on the file's
 * place, name and format by construction. conf opens and checks the file (its parse is reused for the
 * first read); reads and writes then go through StoreFile, in conf's format, skipping conf's setter, which
 * re-reads and re-parses the whole file before every write (BENCHMARKS.md has the profile).
 */
import Conf from 'conf';
import { MetadataStore, openBackend, storeOptions } from './store';

export function openNodeStore(home: string): MetadataStore {
  return new MetadataStore(openBackend(home, () => new Conf<Record<string, unknown>>(storeOptions(home))));
}
