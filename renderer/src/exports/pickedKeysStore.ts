/**
 * The keys ticked in the list (for "Use… (N)"). Ids only, nothing secret. Separate from the selected
 * key, which is the one whose details are open.
 */
import { create } from 'zustand';

interface PickedKeysState {
  ids: ReadonlySet<string>;
  /** The last key ticked or unticked: Shift extends from here. */
  anchor: string | null;
  toggle(id: string): void;
  /** Ticks (or unticks) every key in `ids`; the anchor moves to `anchor`. */
  setMany(ids: string[], picked: boolean, anchor: string): void;
  clear(): void;
}

export const usePickedKeysStore = create<PickedKeysState>()((set, get) => ({
  ids: new Set(),
  anchor: null,
  toggle(id) {
    const ids = new Set(get().ids);
    if (!ids.delete(id)) ids.add(id);
    set({ ids, anchor: id });
  },
  setMany(list, picked, anchor) {
    const ids = new Set(get().ids);
    for (const id of list) {
      if (picked) ids.add(id);
      else ids.delete(id);
    }
    set({ ids, anchor });
  },
  clear: () => set({ ids: new Set(), anchor: null }),
}));
