/**
 * The IPC contract's schemas: for each channel of ipc-contract.ts, the schema of its request (main's dispatcher
 * validates every payload with it) and the type of its response. The rules themselves are in schemas.ts.
 * Only main imports this module at run time: it brings zod, which the preload and the renderer's first chunk
 * must not load.
 */
import { z } from 'zod';
import type { DoctorReport } from './doctor';
import type { EnvFileView, ExportPreview, ExportReport, ExportView, GitState, ProjectRecord, ProjectView, ProjectWriteResult, ScanCandidate } from './exports';
import type { ContractShape } from './ipc-contract';
import type { McpChange, McpChangePreview, McpChangeResult, McpConfigView, McpConnectionView, McpServerView } from './mcp';
import type { ExpiryReminders } from './reminders';
import {
  activityQuerySchema,
  copyFormatSchema,
  createKeyInputSchema,
  editKeyInputSchema,
  envFileNameSchema,
  envVarNameSchema,
  exportRequestSchema,
  keyIdSchema,
  keyNameSchema,
  mcpChangeSchema,
  mcpClientIdSchema,
  projectIdSchema,
  secretSchema,
  settingsUpdateSchema,
} from './schemas';
import type { Settings } from './settings';
import type { ActivityEvent, ClipboardStatus, CopyResult, KeyView, KeyWithSecret, VaultStatus } from './types';

/** A phantom marker carrying a response type; it holds no value at run time. */
function returns<T>(): T {
  return undefined as T;
}

const idRequest = z.strictObject({ id: keyIdSchema });
const removeFromFiles = z.boolean().optional();

export const ipcSchemas = {
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
    /** Remembered (or suggested) variable names for keys in a project; suggested only for `projectId: null` (no project yet). */
    variables: {
      request: z.strictObject({ projectId: projectIdSchema.nullable(), keyIds: z.array(keyIdSchema).max(100) }),
      response: returns<Record<string, string>>(),
    },
    preview: { request: exportRequestSchema, response: returns<ExportPreview>() },
    write: { request: exportRequestSchema, response: returns<ProjectWriteResult>() },
    ignoreInGit: { request: z.strictObject({ projectId: projectIdSchema, fileName: envFileNameSchema }), response: returns<GitState>() },
    forKey: { request: idRequest, response: returns<ExportView[]>() },
  },
  mcp: {
    /** The MCP clients' config files found (user scope, and project scope for the vault's projects), with their errors. */
    configs: { request: z.strictObject({}), response: returns<McpConfigView[]>() },
    /** Every configured server and the state of each slot; values masked, never sent. */
    servers: { request: z.strictObject({ client: mcpClientIdSchema.optional() }), response: returns<McpServerView[]>() },
    /** What a change would do to the file, every value masked; nothing is written. */
    preview: { request: mcpChangeSchema, response: returns<McpChangePreview>() },
    /** Makes the change. Writing a vault key's value into a file in plain text is asked in main's own dialog first. */
    apply: { request: mcpChangeSchema, response: returns<McpChangeResult>() },
    /** A key's client servers, for its "Used in". */
    forKey: { request: idRequest, response: returns<McpConnectionView[]>() },
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
} as const satisfies ContractShape;

export type IpcSchemas = typeof ipcSchemas;

/** The change schema parses to exactly the shared McpChange (checked when compiling): the service takes it as is. */
type SameAs<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _mcpChangeMatches: SameAs<z.output<typeof mcpChangeSchema>, McpChange> = true;
void _mcpChangeMatches;

/** The request schema of `channel`, or undefined when it is no channel of the contract. */
export function requestSchemaOf(channel: string): z.ZodType | undefined {
  const [group, method] = channel.split(':');
  if (!group || !method || !Object.hasOwn(ipcSchemas, group)) return undefined;
  const methods = ipcSchemas[group as keyof IpcSchemas] as Record<string, { request: z.ZodType }>;
  return Object.hasOwn(methods, method) ? methods[method]!.request : undefined;
}
