/** The Activity screen's filters, kept while moving between screens (and set by "All activity of this key"). */
import { create } from 'zustand';
import type { ActivityType } from '../../../shared/types';

export interface ActivityFilters {
  /** Empty: every type. */
  types: ActivityType[];
  query: string;
  /** null: every key. */
  keyId: string | null;
}

interface ActivityFilterState extends ActivityFilters {
  toggleType(type: ActivityType): void;
  setQuery(query: string): void;
  setKeyId(keyId: string | null): void;
  clear(): void;
}

const NO_FILTERS: ActivityFilters = { types: [], query: '', keyId: null };

export const useActivityStore = create<ActivityFilterState>()((set, get) => ({
  ...NO_FILTERS,
  toggleType(type) {
    const types = get().types;
    set({ types: types.includes(type) ? types.filter((t) => t !== type) : [...types, type] });
  },
  setQuery: (query) => set({ query }),
  setKeyId: (keyId) => set({ keyId }),
  clear: () => set(NO_FILTERS),
}));

export function hasFilters(filters: ActivityFilters): boolean {
  return filters.types.length > 0 || filters.query.trim() !== '' || filters.keyId !== null;
}
