/**
 * Errors that cross process boundaries (IPC, CLI) as `{ code, message, field? }`.
 * A message is shown to the user as it is: it must never contain a secret.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'KEY_INACTIVE',
  'KEYCHAIN_UNAVAILABLE',
  /** A keychain call passed its deadline (a Secret Service that does not answer): nothing was changed. */
  'KEYCHAIN_TIMEOUT',
  'STORE_UNREADABLE',
  'FILE_ERROR',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SerializedError {
  code: ErrorCode;
  message: string;
  /**
   * The request field the error is about, as a dotted path into the request (`name`, `changes.expiresAt`,
   * `keys.0.variable`): zod's issue path when a schema refused it. Forms place the message by it.
   */
  field?: string;
}

export class VaultError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
    this.field = options?.field;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, ...(this.field !== undefined && { field: this.field }) };
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
