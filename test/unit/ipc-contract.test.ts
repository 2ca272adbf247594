/**
 * The contract in its two halves: the channel names the preload builds `window.vault` from (no zod) and the
 * schemas main validates with. Both list the same channels, and a failed call reaches the page with its code,
 * message and field.
 */
import { describe, expect, it } from 'vitest';
import { buildVaultApi, IPC_CHANNELS, isVaultCallError, type Envelope } from '../../shared/ipc-contract';
import { ipcSchemas, requestSchemaOf } from '../../shared/ipc-schemas';

describe('the IPC contract', () => {
  it('names the same channels, in the same order, as the schemas main validates with', () => {
    const schemaChannels = Object.entries(ipcSchemas).flatMap(([group, methods]) => Object.keys(methods).map((method) => `${group}:${method}`));
    expect([...IPC_CHANNELS]).toEqual(schemaChannels);
    for (const channel of IPC_CHANNELS) expect(requestSchemaOf(channel), channel).toBeDefined();
    for (const channel of ['keys:nope', '__proto__:x', 'constructor', 'keys:', ':list']) expect(requestSchemaOf(channel), channel).toBeUndefined();
  });

  it('a failed call rejects with a plain object holding code, message and field, which a structured copy keeps', async () => {
    const error = { code: 'VALIDATION', message: 'Name is required', field: 'name' } as const;
    const vault = buildVaultApi(
      async (): Promise<Envelope<unknown>> => ({ ok: false, error }),
      () => () => undefined,
    );
    const thrown: unknown = await vault.keys.create({ name: '' }).catch((e: unknown) => e);
    expect(thrown).toEqual({ name: 'VaultCallError', ...error });
    // Electron's contextBridge copies an Error with its message only; a plain object arrives whole.
    const copied = structuredClone(thrown);
    expect(isVaultCallError(copied)).toBe(true);
    expect(copied).toEqual(thrown);
    expect(isVaultCallError(new Error('Name is required'))).toBe(false);
  });
});
