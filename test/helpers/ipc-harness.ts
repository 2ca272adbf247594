/**
 * The IPC layer as the renderer meets it, for integration tests: the real handlers and dispatcher over a
 * real vault, with an in-memory clipboard (Electron's does not exist in Node) and a scripted folder dialog.
 */
import { expect } from 'vitest';
import { ClipboardService } from '../../electron/core/clipboard';
import { MemoryClipboard } from './memory-clipboard';
import { createHandlers, type MainDeps } from '../../electron/main/handlers';
import { createDispatcher, type Dispatch } from '../../electron/main/ipc-dispatch';
import type { Vault } from '../../electron/core/vault';

export interface IpcHarness {
  dispatch: Dispatch;
  /** What is on the clipboard. */
  clipboardText(): string;
  /** The user copies something else. */
  userCopies(text: string): void;
  /** The folder the next "Add project" picks (null: the user cancels). */
  chooseFolderNext(folder: string | null): void;
  /** A call that must succeed; returns its value. */
  ok<T>(channel: string, payload?: unknown): Promise<T>;
  /** A call that must fail with `code`; returns the message. */
  fails(channel: string, payload: unknown, code: string): Promise<string>;
}

export function makeIpcHarness(vault: Vault, deps: Partial<Omit<MainDeps, 'vault' | 'clipboard' | 'dialogs'>> = {}): IpcHarness {
  const clipboard = new MemoryClipboard();
  let nextFolder: string | null = null;
  const service = new ClipboardService(clipboard);
  const dispatch = createDispatcher(createHandlers({ vault, clipboard: service, dialogs: { chooseFolder: async () => nextFolder }, ...deps }));
  return {
    dispatch,
    clipboardText: () => clipboard.text,
    userCopies: (text) => void (clipboard.text = text),
    chooseFolderNext: (folder) => void (nextFolder = folder),
    async ok<T>(channel: string, payload: unknown = {}): Promise<T> {
      const envelope = await dispatch(channel, payload);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as T;
    },
    async fails(channel, payload, code) {
      const envelope = await dispatch(channel, payload);
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return '';
      expect(envelope.error.code).toBe(code);
      return envelope.error.message;
    },
  };
}
