/** Which dialog is open and which toasts are showing. Nothing secret ever goes in here. */
import { create } from 'zustand';

export type DialogState =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'revoke' | 'delete'; keyId: string }
  /**
   * Use: write keys into a project's .env file. Drawn by exports/UseDialogHost (in the keys pane). `keyId` is
   * the first of `keyIds`, so the dialog closes like the others if that key is deleted meanwhile.
   */
  | { kind: 'use'; keyId: string; keyIds: string[] };

export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** For "Copied" toasts: when (page clock, ms) the clipboard clears; the toast counts down to it. */
  clipboardClearsAt?: number;
  /** For "Copied" toasts: what was copied, e.g. "as HTTP header" (never the value). */
  copied?: string;
}

export interface CopiedToastOptions {
  /** What was copied, read after "Copied": "as MCP_API_KEY=…", "as HTTP header". Never the value. */
  what?: string;
  /**
   * Seconds until main clears the clipboard, as main counted them (the copy's `clearAfterSeconds` or the
   * status's `secondsLeft`). Preferred over `clearsAt`: this page's clock may differ from main's.
   */
  secondsLeft?: number | null;
}

/** The app's sections, shown in the navigation bar. */
export type Screen = 'keys' | 'projects' | 'mcp' | 'activity' | 'settings';

interface UiState {
  screen: Screen;
  setScreen(screen: Screen): void;
  dialog: DialogState | null;
  toasts: Toast[];
  /**
   * Asks the key list to take focus: on `keyId`'s row, else the selected or current row. One-shot: the list
   * clears it when it acts, and typing in search drops it, so an old request never takes focus later (when
   * the list mounts again after "no matches" or another screen).
   */
  listFocusRequest: { keyId: string | null } | null;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  toast(message: string, tone?: ToastTone): void;
  toastError(message: string): void;
  /** `clearsAt` is main's ISO time; the countdown runs on this page's clock from what is left of it. */
  toastCopied(clearsAt: string | null, options?: CopiedToastOptions): void;
  /** Puts a plain toast in place of toast `id` (e.g. the countdown becomes "Clipboard cleared"). */
  replaceToast(id: number, message: string, tone?: ToastTone): void;
  dismissToast(id: number): void;
  /** Bumped after the app did something the activity log records but the vault file does not show (a reveal, a copy). */
  activityVersion: number;
  noteActivity(): void;
  requestListFocus(keyId?: string): void;
  /** Modal dialogs open now, whoever opened them (Dialog counts itself): the page's toasts then show inside the dialog. */
  openModals: number;
  modalOpened(): void;
  modalClosed(): void;
  dropListFocusRequest(): void;
}

let nextToastId = 1;
/** At most two at once: more would stack up over the screen; the newest stay. */
export const MAX_TOASTS = 2;
const MAX_CLIPBOARD_MS = 10 * 60_000;

export const useUiStore = create<UiState>()((set, get) => ({
  screen: 'keys',
  setScreen: (screen) => set({ screen }),
  dialog: null,
  toasts: [],
  listFocusRequest: null,

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),

  toast(message, tone = 'success') {
    set({ toasts: [...get().toasts, { id: nextToastId++, tone, message }].slice(-MAX_TOASTS) });
  },

  toastError(message) {
    get().toast(message, 'error');
  },

  toastCopied(clearsAt, options = {}) {
    // One copy at a time is on the clipboard: an older copy's toast (counting or not) gives way.
    const others = get().toasts.filter((t) => t.clipboardClearsAt === undefined && t.copied === undefined);
    const copied = options.what ?? '';
    const lead = copied ? `Copied ${copied}` : 'Copied';
    if (clearsAt === null) {
      const toast: Toast = { id: nextToastId++, tone: 'success', message: `${lead} — kept on the clipboard`, copied };
      set({ toasts: [...others, toast].slice(-MAX_TOASTS) });
      return;
    }
    const seconds = options.secondsLeft;
    const wanted = typeof seconds === 'number' ? seconds * 1000 : Date.parse(clearsAt) - Date.now();
    const left = Math.min(Math.max(Number.isNaN(wanted) ? 0 : wanted, 0), MAX_CLIPBOARD_MS);
    const toast: Toast = { id: nextToastId++, tone: 'success', message: lead, copied, clipboardClearsAt: Date.now() + left };
    set({ toasts: [...others, toast].slice(-MAX_TOASTS) });
  },

  replaceToast(id, message, tone = 'success') {
    const toasts = get().toasts;
    if (!toasts.some((t) => t.id === id)) return get().toast(message, tone);
    set({ toasts: toasts.map((t) => (t.id === id ? { id, tone, message } : t)) });
  },

  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  activityVersion: 0,
  noteActivity: () => set({ activityVersion: get().activityVersion + 1 }),
  requestListFocus: (keyId) => set({ listFocusRequest: { keyId: keyId ?? null } }),
  dropListFocusRequest: () => set({ listFocusRequest: null }),
  openModals: 0,
  modalOpened: () => set({ openModals: get().openModals + 1 }),
  modalClosed: () => set({ openModals: Math.max(0, get().openModals - 1) }),
}));
