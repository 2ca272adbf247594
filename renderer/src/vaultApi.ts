/** The one way the renderer reaches the vault (window.vault, from the preload), and how its errors read. */
import { VaultCallError } from '../../shared/ipc-contract';
import type { ErrorCode } from '../../shared/errors';

export function vaultApi() {
  return window.vault;
}

/** A user-ready message for anything a vault call threw. Vault errors carry their own words. */
export function errorMessage(error: unknown): string {
  if (error instanceof VaultCallError) return error.message;
  if (isCallError(error)) return error.message;
  return 'The vault did not answer. Try again; nothing was changed.';
}

export function errorCode(error: unknown): ErrorCode | undefined {
  return error instanceof VaultCallError || isCallError(error) ? error.code : undefined;
}

/** Errors thrown across a bridge may lose their class but keep name, code and message. */
function isCallError(error: unknown): error is { code: ErrorCode; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'VaultCallError' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
