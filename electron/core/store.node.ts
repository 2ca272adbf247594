/** The store as the CLI, tests and benchmarks open it: conf on the same file electron-store writes in the app. */
import Conf from 'conf';
import { MetadataStore, openBackend, storeOptions, type JsonFileBackend } from './store';

export function openNodeStore(home: string): MetadataStore {
  return new MetadataStore(openBackend(home, () => new Conf<Record<string, unknown>>(storeOptions(home)) as unknown as JsonFileBackend));
}
