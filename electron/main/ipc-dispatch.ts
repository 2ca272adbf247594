/**
 * The single entry for every renderer call: checks the channel, validates the payload against the
 * contract's schema, runs the handler and returns an envelope. Thrown errors become `{ code, message, field? }`;
 * anything that is not a VaultError loses its text, which could hold anything.
 */
import { toSerializedError, VaultError } from '../../shared/errors';
import type { Envelope, IpcChannel } from '../../shared/ipc-contract';
import { requestSchemaOf } from '../../shared/ipc-schemas';
import { parseOrThrow } from '../../shared/schemas';
import type { Handlers } from './handlers/types';

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, onUnexpected?: (channel: string, error: unknown) => void): Dispatch {
  return async (channel, payload) => {
    try {
      const schema = typeof channel === 'string' ? requestSchemaOf(channel) : undefined;
      if (!schema) throw new VaultError('VALIDATION', 'Unknown request.');
      const request = parseOrThrow(schema, payload ?? {});
      const handler = handlers[channel as IpcChannel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      if (!(error instanceof VaultError)) onUnexpected?.(channel, error);
      return { ok: false, error: toSerializedError(error) };
    }
  };
}
