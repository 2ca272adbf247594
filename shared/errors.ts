/**
 * Errors that cross process boundaries (IPC, CLI) as `{ code, message }`.
 * A message is shown to the user as it is: it must never contain a secret.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'KEY_INACTIVE',
  'KEYCHAIN_UNAVAILABLE',
  'STORE_UNREADABLE',
  'FILE_ERROR',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SerializedError {
  code: ErrorCode;
  message: string;
}

export class VaultError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError;
}

/** Turns anything thrown into an error safe to show: unknown errors lose their text, which could hold anything. */
export function toSerializedError(error: unknown): SerializedError {
  if (isVaultError(error)) return error.toJSON();
  return { code: 'INTERNAL', message: 'Something went wrong inside the vault. Nothing was changed by the failed step.' };
}
