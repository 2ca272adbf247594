/** Registers the contract's channels on ipcMain, refusing calls from anything but our window's own frame. */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import type { Dispatch } from './ipc-dispatch';

export function isTrustedSender(event: IpcMainInvokeEvent, window: { webContents: WebContents } | null, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return Boolean(window && frame && event.sender === window.webContents && frame === window.webContents.mainFrame && isAppUrl(frame.url));
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, trusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from the vault window.' } };
      return dispatch(channel, payload);
    });
  }
}
