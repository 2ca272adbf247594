/** Which dialog is open and which toasts are showing. Nothing secret ever goes in here. */
import { create } from 'zustand';

export type DialogState = { kind: 'create' } | { kind: 'edit' | 'rotate' | 'revoke' | 'delete'; keyId: string };

export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** For "Copied" toasts: when (page clock, ms) the clipboard clears; the toast counts down to it. */
  clipboardClearsAt?: number;
}

/** The app's sections, shown in the navigation bar. */
export type Screen = 'keys' | 'projects' | 'activity' | 'settings';

interface UiState {
  screen: Screen;
  setScreen(screen: Screen): void;
  dialog: DialogState | null;
  toasts: Toast[];
  /** Changed to ask the key list to take focus: on `keyId`'s row, else the selected or current row. */
  listFocusRequest: { count: number; keyId: string | null };
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  toast(message: string, tone?: ToastTone): void;
  toastError(message: string): void;
  /** `clearsAt` is main's ISO time; the countdown runs on this page's clock from what is left of it. */
  toastCopied(clearsAt: string | null): void;
  dismissToast(id: number): void;
  requestListFocus(keyId?: string): void;
}

let nextToastId = 1;
const MAX_TOASTS = 4;
const MAX_CLIPBOARD_MS = 10 * 60_000;

export const useUiStore = create<UiState>()((set, get) => ({
  screen: 'keys',
  setScreen: (screen) => set({ screen }),
  dialog: null,
  toasts: [],
  listFocusRequest: { count: 0, keyId: null },

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),

  toast(message, tone = 'success') {
    set({ toasts: [...get().toasts, { id: nextToastId++, tone, message }].slice(-MAX_TOASTS) });
  },

  toastError(message) {
    get().toast(message, 'error');
  },

  toastCopied(clearsAt) {
    const others = get().toasts.filter((t) => t.clipboardClearsAt === undefined);
    if (clearsAt === null) {
      set({ toasts: [...others, { id: nextToastId++, tone: 'success' as const, message: 'Copied to the clipboard' }].slice(-MAX_TOASTS) });
      return;
    }
    const left = Math.min(Math.max(Date.parse(clearsAt) - Date.now(), 0), MAX_CLIPBOARD_MS);
    const toast: Toast = { id: nextToastId++, tone: 'success', message: 'Copied', clipboardClearsAt: Date.now() + left };
    set({ toasts: [...others, toast].slice(-MAX_TOASTS) });
  },

  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  requestListFocus: (keyId) => set({ listFocusRequest: { count: get().listFocusRequest.count + 1, keyId: keyId ?? null } }),
}));
