/**
 * What the app knows about the vault: the key list (metadata only, never a secret), the keychain
 * status, the selected key and the list's query, filter and sort.
 */
import { create } from 'zustand';
import type { KeySort, StatusFilter } from '../../../shared/key-search';
import type { KeyView, VaultStatus } from '../../../shared/types';
import { errorMessage, vaultApi } from '../vaultApi';

export interface KeysState {
  keys: KeyView[];
  loaded: boolean;
  loadError: string | null;
  vaultStatus: VaultStatus | null;
  /** The clock the list judges expiry by; refreshed on load and every minute. */
  now: number;
  selectedId: string | null;
  query: string;
  statusFilter: StatusFilter;
  sort: KeySort;

  loadKeys(): Promise<void>;
  loadStatus(): Promise<void>;
  /** Puts a key returned by a call (create, edit, rotate, revoke) into the list at once. */
  upsertKey(key: KeyView): void;
  removeKey(id: string): void;
  select(id: string | null): void;
  setQuery(query: string): void;
  setStatusFilter(status: StatusFilter): void;
  setSort(sort: KeySort): void;
  resetFilters(): void;
  tick(now: number): void;
}

/** A view with any secret field dropped: the store must never hold one, whatever a caller passes. */
function metadataOnly(key: KeyView & { secret?: unknown }): KeyView {
  // Copy only when there is something to drop: a list of 10,000 views never has one.
  if (!('secret' in key)) return key;
  const { secret: _secret, ...view } = key;
  return view;
}

let loading: Promise<void> | null = null;
let loadAgain = false;

export const useKeysStore = create<KeysState>()((set, get) => ({
  keys: [],
  loaded: false,
  loadError: null,
  vaultStatus: null,
  now: Date.now(),
  selectedId: null,
  query: '',
  statusFilter: 'all',
  sort: 'name',

  // Loads coalesce: a change announced while a load runs triggers one more load after it, not many.
  loadKeys() {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    loading = (async () => {
      do {
        loadAgain = false;
        try {
          const keys = (await vaultApi().keys.list({})).map(metadataOnly);
          const { selectedId } = get();
          set({
            keys,
            loaded: true,
            loadError: null,
            now: Date.now(),
            selectedId: selectedId !== null && keys.some((k) => k.id === selectedId) ? selectedId : null,
          });
        } catch (error) {
          set({ loaded: true, loadError: errorMessage(error) });
        }
      } while (loadAgain);
    })().finally(() => {
      loading = null;
    });
    return loading;
  },

  async loadStatus() {
    try {
      set({ vaultStatus: await vaultApi().vault.status({}) });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  upsertKey(key) {
    const view = metadataOnly(key);
    const keys = get().keys;
    const at = keys.findIndex((k) => k.id === view.id);
    set({ keys: at === -1 ? [...keys, view] : keys.map((k, i) => (i === at ? view : k)), now: Date.now() });
  },

  removeKey(id) {
    const { keys, selectedId } = get();
    set({ keys: keys.filter((k) => k.id !== id), selectedId: selectedId === id ? null : selectedId });
  },

  select: (selectedId) => set({ selectedId }),
  setQuery: (query) => set({ query }),
  setStatusFilter: (statusFilter) => set({ statusFilter }),
  setSort: (sort) => set({ sort }),
  resetFilters: () => set({ query: '', statusFilter: 'all' }),
  tick: (now) => set({ now }),
}));

/** Why the vault is read-only, or null when it is not. */
export function readOnlyReason(status: VaultStatus | null): string | null {
  return status && !status.keychainAvailable ? 'The OS keychain is unavailable, so the vault is read-only.' : null;
}

export function useReadOnlyReason(): string | null {
  return readOnlyReason(useKeysStore((s) => s.vaultStatus));
}

export function useSelectedKey(): KeyView | null {
  return useKeysStore((s) => (s.selectedId === null ? null : (s.keys.find((k) => k.id === s.selectedId) ?? null)));
}
