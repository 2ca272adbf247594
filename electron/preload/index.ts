/**
 * The preload: exposes `window.vault`, built from the IPC contract, and nothing else. The renderer never
 * gets ipcRenderer; it can call only the contract's channels and hear only its events.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildVaultApi, type Envelope } from '../../shared/ipc-contract';

const vault = buildVaultApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
  (event, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.off(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('vault', vault);
