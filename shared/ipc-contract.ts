/**
 * The one IPC contract between the renderer and the main process, in two files:
 *  - here, with no zod at run time: the channel names (`group:method`), the events, the request and response
 *    types, and `buildVaultApi`. The preload builds `window.vault` from this, and the renderer's type of
 *    `window.vault` comes from it, so zod stays out of the start-up path (preload and first chunk);
 *  - ipc-schemas.ts: each channel's request schema, which main validates every payload with, and response type.
 * The request and response types here are derived from those schemas, and the schemas must cover exactly the
 * channels listed here (checked when compiling), so nothing is declared twice.
 */
import type { z } from 'zod';
import type { SerializedError } from './errors';
import type { IpcSchemas } from './ipc-schemas';

/** Every channel the renderer may call. Names only: ipc-schemas.ts gives each its request schema and response. */
export const IPC_CHANNELS = [
  'vault:status',
  'vault:doctor',
  'vault:reminders',
  'keys:list',
  'keys:get',
  'keys:create',
  'keys:edit',
  'keys:reveal',
  'keys:copy',
  'keys:revoke',
  'keys:delete',
  'keys:rotate',
  'projects:list',
  'projects:add',
  'projects:remove',
  'projects:files',
  'projects:scan',
  'projects:import',
  'exports:variables',
  'exports:preview',
  'exports:write',
  'exports:ignoreInGit',
  'exports:forKey',
  'mcp:configs',
  'mcp:servers',
  'mcp:preview',
  'mcp:apply',
  'mcp:forKey',
  'clipboard:clear',
  'clipboard:status',
  'activity:list',
  'settings:get',
  'settings:update',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];
export type IpcGroup = IpcChannel extends `${infer G}:${string}` ? G : never;
type MethodOf<G extends IpcGroup, C extends IpcChannel = IpcChannel> = C extends `${G}:${infer M}` ? M : never;

/** Events main sends to the renderer, with their payloads; payloads carry no secret. */
export interface IpcEvents {
  /** The vault changed on disk (another process, e.g. the CLI): reload. */
  'vault:changed': Record<string, never>;
}
export type IpcEventName = keyof IpcEvents;
export const IPC_EVENT_NAMES = ['vault:changed'] as const satisfies readonly IpcEventName[];

/** One channel's entry in ipc-schemas.ts: the schema of its request and (as a type only) its response. */
export interface ChannelSpec {
  request: z.ZodType;
  response: unknown;
}

/** What ipc-schemas.ts must hold: exactly the channels above, by group, nothing more and nothing less. */
export type ContractShape = { [G in IpcGroup]: { [M in MethodOf<G>]: ChannelSpec } };

type SpecOf<C extends IpcChannel> = C extends `${infer G extends IpcGroup}:${infer M}` ? (M extends keyof IpcSchemas[G] ? IpcSchemas[G][M] : never) : never;

/** What the renderer sends on a channel (before main's parsing: defaults and transforms not applied yet). */
export type RequestOf<C extends IpcChannel> = SpecOf<C> extends ChannelSpec ? z.input<SpecOf<C>['request']> : never;
/** What main's handler gets: the request as the schema parsed it. */
export type ParsedRequestOf<C extends IpcChannel> = SpecOf<C> extends ChannelSpec ? z.output<SpecOf<C>['request']> : never;
export type ResponseOf<C extends IpcChannel> = SpecOf<C> extends ChannelSpec ? SpecOf<C>['response'] : never;

/** What crosses the wire: a value or a typed error, never a thrown Error (IPC would lose its code). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** A call whose request has no required field may omit it. */
type Method<C extends IpcChannel> = object extends RequestOf<C>
  ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

type MethodsOf<G extends IpcGroup> = { [M in MethodOf<G>]: Method<Extract<`${G}:${M}`, IpcChannel>> };

/** The shape of `window.vault`. */
export type VaultApi = { [G in IpcGroup]: MethodsOf<G> } & {
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
};

/**
 * What a failed call rejects with: main's error as a plain object. Not an Error: Electron's contextBridge copies
 * an Error with its message only (custom properties are lost), and a plain object with every field.
 */
export interface VaultCallError extends SerializedError {
  name: 'VaultCallError';
}

export function vaultCallError(error: SerializedError): VaultCallError {
  return { name: 'VaultCallError', code: error.code, message: error.message, ...(error.field !== undefined && { field: error.field }) };
}

export function isVaultCallError(value: unknown): value is VaultCallError {
  if (typeof value !== 'object' || value === null) return false;
  const { name, code, message, field } = value as Record<string, unknown>;
  return name === 'VaultCallError' && typeof code === 'string' && typeof message === 'string' && (field === undefined || typeof field === 'string');
}

export type Transport = (channel: IpcChannel, request: unknown) => Promise<Envelope<unknown>>;
export type EventSubscribe = (event: IpcEventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.vault` over a transport: ipcRenderer.invoke in the preload, loopback HTTP in the
 * E2E bridge. Only channels of the contract exist on it.
 */
export function buildVaultApi(transport: Transport, subscribe: EventSubscribe): VaultApi {
  const api: Record<string, unknown> = {};
  for (const channel of IPC_CHANNELS) {
    const [group, method] = channel.split(':') as [string, string];
    const methods = (api[group] ??= {}) as Record<string, unknown>;
    methods[method] = async (request: unknown = {}) => {
      const envelope = await transport(channel, request);
      if (!envelope.ok) return Promise.reject(vaultCallError(envelope.error));
      return envelope.value;
    };
  }
  api.on = (event: IpcEventName, listener: (payload: unknown) => void) => {
    if (!(IPC_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown vault event ${String(event)}`);
    return subscribe(event, listener);
  };
  return api as VaultApi;
}
