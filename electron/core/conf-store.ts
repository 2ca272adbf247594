/**
 * The store as the CLI, tests and benchmarks open it: the same file, in the same format (conf's), that
 * electron-store opens in the app. The file is opened with the read-and-parse conf's constructor does, not
 * with conf itself: conf adds nothing the store uses, and leaving it (with ajv, semver…) out of the CLI bundle
 * makes every `mcpkv` command start faster (BENCHMARKS.md).
 */
import { MetadataStore, openBackend } from './store';

export function openNodeStore(home: string): MetadataStore {
  return new MetadataStore(openBackend(home));
}
