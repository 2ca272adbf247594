/**
 * The one IPC contract between the renderer and the main process. Each channel is declared here once:
 * its name (`group:method`), the runtime schema of its request (main validates every payload with it)
 * and the type of its response. The preload builds `window.vault` from this table, and the renderer's
 * type of `window.vault` is derived from it, so nothing is declared twice.
 */
import { z } from 'zod';
import type { DoctorReport } from './doctor';
import type { SerializedError } from './errors';
import {
  createKeyInputSchema,
  editKeyInputSchema,
  keyIdSchema,
  envVarNameSchema,
  keyNameSchema,
  secretSchema,
} from './schemas';
import type { ActivityEvent, KeyView, KeyWithSecret } from './types';
import { activityQuerySchema } from './activity';
import { copyFormatSchema } from './copy-format';
import type { ExpiryReminders } from './reminders';
import { settingsUpdateSchema, type Settings } from './settings';
import {
  ENV_FILE_NAME,
  type EnvFileView,
  type ExportPreview,
  type ExportReport,
  type ExportView,
  type GitState,
  type ProjectRecord,
  type ProjectView,
  type ScanCandidate,
} from './exports';

/** A phantom marker carrying a response type; it holds no value at run time. */
function returns<T>(): T {
  return undefined as T;
}

export interface VaultStatus {
  /** false when the OS keychain cannot be reached: the app is then read-only. */
  keychainAvailable: boolean;
  /** What to install or start when the keychain is unavailable. */
  keychainHelp: string | null;
  storePath: string;
  keyCount: number;
  /** What opening the vault had to mend (a broken vault file set aside, an interrupted operation finished). */
  notices: string[];
}

export interface CopyResult {
  /** When the clipboard will be cleared (ISO 8601), or null if it is kept. */
  clearsAt: string | null;
  /** The clear time this copy got (the `clipboardClearSeconds` setting), in seconds; null = never. */
  clearAfterSeconds: number | null;
}

/** A copied key still waiting to be cleared, for the countdown toast. */
export interface ClipboardStatus {
  clearsAt: string;
  secondsLeft: number;
}

const idRequest = z.strictObject({ id: keyIdSchema });
const projectIdSchema = z.string().regex(/^[0-9a-f]{16}$/, { error: 'Project id must be 16 lowercase hex characters' });
const envFileNameSchema = z.string().regex(ENV_FILE_NAME, { error: 'File name must be .env or .env.<name> (no folders)' });
const exportRequest = z.strictObject({
  projectId: projectIdSchema,
  fileName: envFileNameSchema,
  keys: z.array(z.strictObject({ keyId: keyIdSchema, variable: envVarNameSchema }), { error: 'Keys must be a list' }).min(1, { error: 'Choose at least one key' }).max(100),
  require: z.boolean(),
});
const removeFromFiles = z.boolean().optional();

export const ipcContract = {
  vault: {
    status: { request: z.strictObject({}), response: returns<VaultStatus>() },
    /** Checks store vs keychain, record shapes, file modes and exports; repairs what it can when asked. */
    doctor: { request: z.strictObject({ repair: z.boolean() }), response: returns<DoctorReport>() },
    /** Keys expiring soon, expired, or due for rotation: for the banner. */
    reminders: { request: z.strictObject({}), response: returns<ExpiryReminders>() },
  },
  keys: {
    list: { request: z.strictObject({}), response: returns<KeyView[]>() },
    get: { request: idRequest, response: returns<KeyView>() },
    create: { request: createKeyInputSchema, response: returns<KeyWithSecret | KeyView>() },
    edit: { request: z.strictObject({ id: keyIdSchema, changes: editKeyInputSchema }), response: returns<KeyView>() },
    reveal: { request: idRequest, response: returns<{ secret: string }>() },
    /** Copies in main (the secret never reaches the renderer): the key, `NAME=<key>`, or its HTTP header line. */
    copy: { request: z.strictObject({ id: keyIdSchema, format: copyFormatSchema.optional() }), response: returns<CopyResult>() },
    revoke: {
      request: z.strictObject({ id: keyIdSchema, removeFromFiles }),
      response: returns<KeyView & { exports: ExportReport[] }>(),
    },
    delete: {
      // The user confirms by typing the key's name; main checks it too, so a stray call cannot delete.
      request: z.strictObject({ id: keyIdSchema, confirmName: z.string().max(200), removeFromFiles }),
      response: returns<{ id: string; exports: ExportReport[] }>(),
    },
    rotate: {
      request: z.strictObject({ id: keyIdSchema, newSecret: secretSchema.optional() }),
      // `exports` reports each .env file the key was written to: updated, missing or changed by hand.
      response: returns<(KeyWithSecret | KeyView) & { exports: ExportReport[] }>(),
    },
  },
  projects: {
    list: { request: z.strictObject({}), response: returns<ProjectView[]>() },
    /** Opens the OS folder dialog in main; null when the user cancels. */
    add: { request: z.strictObject({}), response: returns<ProjectRecord | null>() },
    remove: { request: z.strictObject({ projectId: projectIdSchema }), response: returns<{ projectId: string }>() },
    files: { request: z.strictObject({ projectId: projectIdSchema }), response: returns<EnvFileView[]>() },
    scan: { request: z.strictObject({ projectId: projectIdSchema }), response: returns<ScanCandidate[]>() },
    import: {
      request: z.strictObject({
        projectId: projectIdSchema,
        items: z.array(z.strictObject({ fileName: envFileNameSchema, variable: envVarNameSchema, name: keyNameSchema })).min(1).max(200),
      }),
      response: returns<KeyView[]>(),
    },
  },
  exports: {
    /** Remembered (or suggested) variable names for keys in a project. */
    variables: {
      request: z.strictObject({ projectId: projectIdSchema, keyIds: z.array(keyIdSchema).max(100) }),
      response: returns<Record<string, string>>(),
    },
    preview: { request: exportRequest, response: returns<ExportPreview>() },
    write: { request: exportRequest, response: returns<{ fileName: string; changed: string[]; git: GitState }>() },
    ignoreInGit: { request: z.strictObject({ projectId: projectIdSchema, fileName: envFileNameSchema }), response: returns<GitState>() },
    forKey: { request: idRequest, response: returns<ExportView[]>() },
  },
  clipboard: {
    /** "Clear now": clears only if the clipboard still holds what we copied. */
    clear: { request: z.strictObject({}), response: returns<{ cleared: boolean }>() },
    /** The pending clear, if any (e.g. to resume the countdown after a reload). */
    status: { request: z.strictObject({}), response: returns<ClipboardStatus | null>() },
  },
  activity: {
    /** Newest first; `total` counts every match before limit (default 100) and offset. */
    list: { request: activityQuerySchema, response: returns<{ events: ActivityEvent[]; total: number }>() },
  },
  settings: {
    get: { request: z.strictObject({}), response: returns<Settings>() },
    update: { request: settingsUpdateSchema, response: returns<Settings>() },
  },
} as const;

/** Events main sends to the renderer; payloads carry no secret. */
export const ipcEvents = {
  /** The vault changed on disk (another process, e.g. the CLI): reload. */
  'vault:changed': returns<Record<string, never>>(),
} as const;

export type IpcContract = typeof ipcContract;
export type IpcGroup = keyof IpcContract;
export type IpcEventName = keyof typeof ipcEvents;

type ChannelsOf<G extends IpcGroup> = `${G & string}:${keyof IpcContract[G] & string}`;
export type IpcChannel = { [G in IpcGroup]: ChannelsOf<G> }[IpcGroup];

type Spec = { request: z.ZodType; response: unknown };
type SpecOf<C extends IpcChannel> = C extends `${infer G}:${infer M}`
  ? G extends IpcGroup
    ? M extends keyof IpcContract[G]
      ? IpcContract[G][M]
      : never
    : never
  : never;

export type RequestOf<C extends IpcChannel> = SpecOf<C> extends Spec ? z.input<SpecOf<C>['request']> : never;
export type ParsedRequestOf<C extends IpcChannel> = SpecOf<C> extends Spec ? z.output<SpecOf<C>['request']> : never;
export type ResponseOf<C extends IpcChannel> = SpecOf<C> extends Spec ? SpecOf<C>['response'] : never;

/** What crosses the wire: a value or a typed error, never a thrown Error (IPC would lose its code). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** A call whose request has no required field may omit it. */
type Method<C extends IpcChannel> = object extends RequestOf<C>
  ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

type MethodsOf<G extends IpcGroup> = {
  [M in keyof IpcContract[G] & string]: Method<Extract<`${G}:${M}`, IpcChannel>>;
};

/** The shape of `window.vault`. */
export type VaultApi = { [G in IpcGroup]: MethodsOf<G> } & {
  on<E extends IpcEventName>(event: E, listener: (payload: (typeof ipcEvents)[E]) => void): () => void;
};

export const IPC_CHANNELS: readonly IpcChannel[] = Object.entries(ipcContract).flatMap(([group, methods]) =>
  Object.keys(methods).map((method) => `${group}:${method}` as IpcChannel),
);
export const IPC_EVENT_NAMES = Object.keys(ipcEvents) as IpcEventName[];

export function requestSchemaOf(channel: string): z.ZodType | undefined {
  const [group, method] = channel.split(':');
  if (!group || !method || !Object.hasOwn(ipcContract, group)) return undefined;
  const methods = ipcContract[group as IpcGroup] as Record<string, Spec>;
  return Object.hasOwn(methods, method) ? methods[method]!.request : undefined;
}

/** The error the renderer sees: the code and message main sent. */
export class VaultCallError extends Error {
  readonly code: SerializedError['code'];
  constructor(error: SerializedError) {
    super(error.message);
    this.name = 'VaultCallError';
    this.code = error.code;
  }
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
      if (!envelope.ok) throw new VaultCallError(envelope.error);
      return envelope.value;
    };
  }
  api.on = (event: IpcEventName, listener: (payload: unknown) => void) => {
    if (!IPC_EVENT_NAMES.includes(event)) throw new Error(`Unknown vault event ${String(event)}`);
    return subscribe(event, listener);
  };
  return api as VaultApi;
}
