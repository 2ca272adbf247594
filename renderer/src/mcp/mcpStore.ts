/**
 * The MCP clients' config files and servers as main found them (mcp:configs, mcp:servers): names, paths and
 * slot states only. A slot's value never reaches this page: at most its masked fingerprint.
 */
import { create } from 'zustand';
import { holdsPlaintextKey, type McpConfigView, type McpServerView, type McpSlot, type McpSlotRef } from '../../../shared/mcp';
import { errorMessage, vaultApi } from '../vaultApi';

interface McpState {
  configs: McpConfigView[];
  servers: McpServerView[];
  loaded: boolean;
  loading: boolean;
  loadError: string | null;
  /** Asks main again for the files and servers (after a change, or when the vault changed). */
  load(): Promise<void>;
  /**
   * After a change, the slot whose row should take focus once the list is drawn again (the button that opened
   * the dialog is gone: Import became Disconnect). One-shot: the row clears it when it acts.
   */
  focusRequest: string | null;
  /** After a change to `ref`: its row takes focus, or its server's when the slot is gone (a disconnect removed it). */
  requestFocus(ref: McpSlotRef): void;
  dropFocusRequest(): void;
}

/** One string per slot, for React keys and focus requests. */
export function slotKey(ref: McpSlotRef): string {
  return JSON.stringify([ref.configId, ref.server, ref.slot.kind, ref.slot.name]);
}

/** One string per server, for focus requests. */
export function serverKey(server: Pick<McpServerView, 'configId' | 'name'>): string {
  return JSON.stringify([server.configId, server.name]);
}

export function refOf(server: McpServerView, slot: Pick<McpSlot, 'kind' | 'name'>): McpSlotRef {
  return { configId: server.configId, server: server.name, slot: { kind: slot.kind, name: slot.name } };
}


/** Every slot still holding a key in plain text, with its server. */
export function plaintextKeySlots(servers: McpServerView[]): { server: McpServerView; slot: McpSlot }[] {
  return servers.flatMap((server) => server.slots.filter(holdsPlaintextKey).map((slot) => ({ server, slot })));
}

let loading: Promise<void> | null = null;
let loadAgain = false;

export const useMcpStore = create<McpState>()((set) => ({
  configs: [],
  servers: [],
  loaded: false,
  loading: false,
  loadError: null,
  focusRequest: null,

  // Loads coalesce, as the key list's do: asked again while one runs (a change, then the vault file's own
  // change event), one more load follows it, not many. Each reads every config and compares values in main.
  load() {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    set({ loading: true });
    loading = (async () => {
      do {
        loadAgain = false;
        try {
          const [configs, servers] = await Promise.all([vaultApi().mcp.configs({}), vaultApi().mcp.servers({})]);
          set({ configs, servers, loaded: true, loadError: null });
        } catch (error) {
          set({ loaded: true, loadError: errorMessage(error) });
        }
      } while (loadAgain);
    })().finally(() => {
      loading = null;
      set({ loading: false });
    });
    return loading;
  },

  requestFocus: (ref) =>
    set(({ servers }) => {
      const wanted = slotKey(ref);
      const there = servers.some((s) => s.slots.some((slot) => slotKey(refOf(s, slot)) === wanted));
      return { focusRequest: there ? wanted : serverKey({ configId: ref.configId, name: ref.server }) };
    }),
  dropFocusRequest: () => set({ focusRequest: null }),
}));
