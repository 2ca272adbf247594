/**
 * The IPC layer as the renderer meets it, for integration tests: the main side as the app builds it
 * (createMainSide) over a real vault, with an in-memory clipboard (Electron's does not exist in Node), a
 * scripted folder dialog and confirmation dialog, and the activity log in the vault's folder.
 */
import { expect } from 'vitest';
import type { ScriptedConfirm } from './scripted-confirm';
import { testMainSide } from './test-main-side';
import type { Handlers } from '../../electron/main/handlers/types';
import type { Dispatch } from '../../electron/main/ipc-dispatch';
import type { Vault } from '../../electron/core/vault';

export interface IpcHarness {
  dispatch: Dispatch;
  /** The handler table behind `dispatch` (to build a dispatcher over a changed one). */
  handlers: Handlers;
  /** What is on the clipboard. */
  clipboardText(): string;
  /** The user copies something else. */
  userCopies(text: string): void;
  /** The folder the next "Add project" picks (null: the user cancels). */
  chooseFolderNext(folder: string | null): void;
  /** Main's own confirmation dialog: what the user answers (yes by default), and what main asked. */
  confirm: ScriptedConfirm;
  /** A call that must succeed; returns its value. */
  ok<T>(channel: string, payload?: unknown): Promise<T>;
  /** A call that must fail with `code`; returns the message. */
  fails(channel: string, payload: unknown, code: string): Promise<string>;
}

/** `clientHome`: where MCP clients' configs are looked for (by default an empty folder in the vault's). */
export function makeIpcHarness(vault: Vault, { clientHome }: { clientHome?: string } = {}): IpcHarness {
  let nextFolder: string | null = null;
  const { dispatch, handlers, clipboard, confirm } = testMainSide(vault, async () => nextFolder, clientHome);
  return {
    dispatch,
    handlers,
    clipboardText: () => clipboard.text,
    userCopies: (text) => void (clipboard.text = text),
    chooseFolderNext: (folder) => void (nextFolder = folder),
    confirm,
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
