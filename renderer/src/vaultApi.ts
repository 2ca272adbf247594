/** The one way the renderer reaches the vault (window.vault, from the preload), and how its errors read. */
import type { ErrorCode } from '../../shared/errors';
import { isVaultCallError } from '../../shared/ipc-contract';

export function vaultApi() {
  return window.vault;
}

/** A user-ready message for anything a vault call threw. Vault errors carry their own words. */
export function errorMessage(error: unknown): string {
  return isVaultCallError(error) ? error.message : 'The vault did not answer. Try again; nothing was changed.';
}

export function errorCode(error: unknown): ErrorCode | undefined {
  return isVaultCallError(error) ? error.code : undefined;
}

/** The request field main said the error is about (`name`, `changes.expiresAt`, `keys.0.variable`), if any. */
export function errorField(error: unknown): string | undefined {
  return isVaultCallError(error) ? error.field : undefined;
}
