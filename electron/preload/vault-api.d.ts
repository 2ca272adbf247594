// The renderer's type of window.vault comes from the contract the preload builds it from.
import type { VaultApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    vault: VaultApi;
  }
}

export {};
