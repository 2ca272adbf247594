/**
 * Runtime validation of everything users and the renderer send: the rules, each written once. One schema per
 * input, shared by the IPC contract (main validates every payload, ipc-schemas.ts), the CLI and the renderer's
 * forms, so all agree on what is valid. Messages name the field and the rule, never the value: a value may be
 * a secret. This is the module that brings zod: the preload and the renderer's first chunk must not import it.
 */
import { z } from 'zod';
import { ACTIVITY_MAX_LIMIT, ACTIVITY_TYPES } from './activity';
import { COPY_FORMATS, HTTP_HEADER_STYLES } from './copy-format';
import { VaultError } from './errors';
import { ENV_FILE_NAME, REQUIREMENT_VAR } from './exports';
import { isWritableEnvValue } from './env-file';
import { KEY_ID_PATTERN, MIN_SECRET_LENGTH, PREFIX_PATTERN, SCOPE_PATTERN } from './key-format';
import { HEADER_NAME_PATTERN, HEADER_NAME_RULE, MCP_CLIENT_IDS, VARIABLE_NAME_PATTERN, VARIABLE_NAME_RULE } from './mcp';
import { CLIPBOARD_CLEAR_CHOICES, DEFAULT_SETTINGS, type Settings } from './settings';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const OWNER_MAX = 254;
export const METADATA_MAX_ENTRIES = 50;
export const METADATA_VALUE_MAX = 500;
export const SECRET_MAX = 4096;
export const EXPIRY_DAYS_MAX = 3650;

// Names and free text must not smuggle control characters into tables and files: each is refused alike (C0 with tab,
// DEL, C1 with the one-byte CSI \u009b), whether it is a terminal escape, a NUL or a tab that breaks a table's columns.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const FORBIDDEN_OBJECT_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label} must not contain control characters` });

export const keyIdSchema = z
  .string({ error: 'Key id must be text' })
  .regex(KEY_ID_PATTERN, { error: 'Key id must be 16 lowercase hex characters' });

export const keyNameSchema = text('Name', NAME_MAX)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'Name is required' });

export const scopeSchema = z
  .string({ error: 'Permission must be text' })
  .regex(SCOPE_PATTERN, { error: 'Permission may use only a-z, 0-9 and : _ . - (at most 64 characters)' });

export const permissionsSchema = z
  .array(scopeSchema, { error: 'Permissions must be a list' })
  .max(64, { error: 'At most 64 permissions' })
  .transform((list) => [...new Set(list)]);

export const metadataKeySchema = z
  .string()
  // Letters and digits of any script (région, 地域), with their combining marks.
  .regex(/^[\p{L}\p{M}\p{N}_.-]{1,64}$/u, { error: 'Metadata names may use only letters and digits (of any language) and _ . - (at most 64)' })
  .refine((k) => !FORBIDDEN_OBJECT_KEYS.has(k), { error: 'That metadata name is reserved' });

export const metadataSchema = z
  // zod's record drops `__proto__` entries silently; the user must hear that such a name is refused.
  .custom<Record<string, unknown>>((v) => typeof v !== 'object' || v === null || !Object.keys(v).some((k) => FORBIDDEN_OBJECT_KEYS.has(k)), {
    error: 'That metadata name is reserved',
  })
  .pipe(z.record(metadataKeySchema, text('Metadata value', METADATA_VALUE_MAX), { error: 'Metadata must be name/value pairs' }))
  .refine((m) => Object.keys(m).length <= METADATA_MAX_ENTRIES, {
    error: `At most ${METADATA_MAX_ENTRIES} metadata entries`,
  })
  // A null-prototype copy, so no entry can reach Object.prototype.
  .transform((m) => Object.assign(Object.create(null) as Record<string, string>, m));

export const expiresInDaysSchema = z
  .number({ error: 'Expiry must be a number of days' })
  .int({ error: 'Expiry must be a whole number of days' })
  .min(0, { error: 'Expiry must be 0 (never) or more days' })
  .max(EXPIRY_DAYS_MAX, { error: `Expiry must be at most ${EXPIRY_DAYS_MAX} days` });

export const expiresAtSchema = z
  .iso.datetime({ offset: true, error: 'Expiry date must be an ISO 8601 date and time' })
  .refine((s) => Date.parse(s) > Date.now(), { error: 'Expiry date must be in the future' })
  .transform((s) => new Date(s).toISOString())
  .nullable();

export const prefixSchema = z.string().regex(PREFIX_PATTERN, {
  error: 'Prefix may use only letters, digits, _ and - (at most 16 characters)',
});

/** An imported secret: surrounding whitespace is trimmed by the caller (and reported), inner structure checked here. */
export const secretSchema = z
  .string({ error: 'Key value must be text' })
  .min(1, { error: 'Key value is empty' })
  .max(SECRET_MAX, { error: `Key value must be at most ${SECRET_MAX} characters` })
  .refine((s) => !/[\r\n]/.test(s), { error: 'Key value must be a single line' })
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .refine((s) => !/[\u0000-\u001f\u007f\s]/.test(s), {
    error: 'Key value must not contain spaces or control characters',
  })
  // A shorter value would be guessable, and its record (prefix + last 4 characters) would show much of it.
  .min(MIN_SECRET_LENGTH, { error: `Key value must be at least ${MIN_SECRET_LENGTH} characters` })
  // Keys go into .env files, which shells source too: a value neither dotenv nor a shell can read literally is refused here.
  .refine(isWritableEnvValue, { error: 'Key value cannot be written to a .env file safely: it ends with \\, or mixes \' with $, `, \\ or "' });

/** A variable a key is written under (`.env` files, the `env` copy format): stricter than what dotenv reads. */
export const envVarNameSchema = z
  .string({ error: 'Variable name must be text' })
  .max(128, { error: VARIABLE_NAME_RULE })
  .regex(VARIABLE_NAME_PATTERN, { error: VARIABLE_NAME_RULE });

/** How a key is sent over HTTP (the `header` copy format). */
export const httpHeaderSchema = z.enum(HTTP_HEADER_STYLES, {
  error: 'Header style must be bearer, x-api-key or apikey',
});

export const copyFormatSchema = z.enum(COPY_FORMATS, { error: 'Copy format must be key, env or header' });

const keyFields = {
  httpHeader: httpHeaderSchema.optional(),
  description: text('Description', DESCRIPTION_MAX).optional(),
  owner: text('Owner', OWNER_MAX)
    .transform((s) => s.trim())
    .optional(),
  permissions: permissionsSchema.optional(),
  metadata: metadataSchema.optional(),
  expiresInDays: expiresInDaysSchema.optional(),
  expiresAt: expiresAtSchema.optional(),
};

export const createKeyInputSchema = z.strictObject({
  name: keyNameSchema,
  ...keyFields,
  prefix: prefixSchema.optional(),
  importSecret: secretSchema.optional(),
});

export const editKeyInputSchema = z.strictObject({
  name: keyNameSchema.optional(),
  ...keyFields,
});

export const projectIdSchema = z.string().regex(KEY_ID_PATTERN, { error: 'Project id must be 16 lowercase hex characters' });
export const envFileNameSchema = z.string().regex(ENV_FILE_NAME, { error: 'File name must be .env or .env.<name> (no folders)' });

/**
 * The keys of one write into a `.env` file, each under its variable: every name valid, each key's its own, and
 * none of them `API_KEY_REQUIRED` when the vault sets that too. Main (exports:preview/write), the CLI (`mcpkv use`)
 * and the Use dialog check with this one rule; a problem with a variable is reported at `keys.<i>.variable`.
 */
const exportKeysShape = {
  keys: z
    .array(z.strictObject({ keyId: keyIdSchema, variable: envVarNameSchema }), { error: 'Keys must be a list' })
    .min(1, { error: 'Choose at least one key' })
    .max(100, { error: 'At most 100 keys at once' }),
  require: z.boolean({ error: 'Require must be true or false' }),
};

function checkExportVariables({ keys, require }: { keys: { variable: string }[]; require: boolean }, ctx: z.RefinementCtx): void {
  const counts = new Map<string, number>();
  for (const { variable } of keys) counts.set(variable, (counts.get(variable) ?? 0) + 1);
  keys.forEach(({ variable }, i) => {
    const path = ['keys', i, 'variable'];
    if ((counts.get(variable) ?? 0) > 1) ctx.addIssue({ code: 'custom', path, message: 'Each key needs its own variable name.' });
    else if (require && variable === REQUIREMENT_VAR) ctx.addIssue({ code: 'custom', path, message: `${REQUIREMENT_VAR} is set by the vault itself: choose another name.` });
  });
}

export const exportKeysSchema = z.strictObject(exportKeysShape).superRefine(checkExportVariables);

/**
 * exports:preview and exports:write: the keys and variables above, into a file of a project; with `reference`,
 * each as `mcpkv://<id>` (no secret) instead of its value.
 */
export const exportRequestSchema = z
  .strictObject({ projectId: projectIdSchema, fileName: envFileNameSchema, ...exportKeysShape, reference: z.boolean({ error: 'Reference must be true or false' }).optional() })
  .superRefine(checkExportVariables);

// ---------- MCP clients (issue 15): how the renderer and the CLI name a config, a server and a slot ----------

export const mcpClientIdSchema = z.enum(MCP_CLIENT_IDS, { error: `Client must be one of ${MCP_CLIENT_IDS.join(', ')}` });

/** The opaque id main gives a config (McpConfigView.id). */
export const mcpConfigIdSchema = z
  .string({ error: 'Config id must be text' })
  .regex(KEY_ID_PATTERN, { error: 'Config id must be 16 lowercase hex characters' });

/** A server's name: the key of its entry in the client's servers object, any text without control characters. */
export const mcpServerNameSchema = text('Server name', 200).refine((s) => s.length > 0, { error: 'Server name is required' });

/** A header name as HTTP allows it (RFC 9110 token). */
export const httpHeaderNameSchema = z
  .string({ error: 'Header name must be text' })
  .max(128, { error: HEADER_NAME_RULE })
  .regex(HEADER_NAME_PATTERN, { error: HEADER_NAME_RULE });

/** A slot: an `env` variable of a stdio server, or a header of a remote one; each kind with its own naming rule. */
export const mcpSlotSchema = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('env'), name: envVarNameSchema }), z.strictObject({ kind: z.literal('header'), name: httpHeaderNameSchema })],
  { error: 'Slot kind must be env or header' },
);

export const mcpSlotRefSchema = z.strictObject({ configId: mcpConfigIdSchema, server: mcpServerNameSchema, slot: mcpSlotSchema });

export const mcpConnectionFormSchema = z.enum(['launcher', 'header', 'proxy'], { error: 'Form must be launcher, header or proxy' });

/** mcp:preview and mcp:apply (and the CLI's import / connect / disconnect): one change to one server's slot. */
export const mcpChangeSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('import'), ref: mcpSlotRefSchema, name: keyNameSchema.optional(), form: mcpConnectionFormSchema.optional() }),
    z.strictObject({ action: z.literal('connect'), ref: mcpSlotRefSchema, keyId: keyIdSchema, form: mcpConnectionFormSchema.optional() }),
    z.strictObject({
      action: z.literal('disconnect'),
      ref: mcpSlotRefSchema,
      keyId: keyIdSchema,
      writeValue: z.boolean({ error: 'Write value must be true or false' }).optional(),
    }),
  ],
  { error: 'Action must be import, connect or disconnect' },
);

export const activityTypeSchema = z.enum(ACTIVITY_TYPES, { error: `Activity type must be one of ${ACTIVITY_TYPES.join(', ')}` });

/** activity:list's request. Every filter is optional; results are newest first. */
export const activityQuerySchema = z.strictObject({
  keyId: keyIdSchema.optional(),
  types: z.array(activityTypeSchema).max(ACTIVITY_TYPES.length * 2).optional(),
  query: z.string({ error: 'Search text must be text' }).max(200, { error: 'Search text must be at most 200 characters' }).optional(),
  limit: z.number().int().min(1).max(ACTIVITY_MAX_LIMIT, { error: `Limit must be 1 to ${ACTIVITY_MAX_LIMIT}` }).optional(),
  offset: z.number().int().min(0, { error: 'Offset must be 0 or more' }).optional(),
});

export const clipboardClearSecondsSchema = z.union([z.literal(CLIPBOARD_CLEAR_CHOICES), z.null()], {
  error: `Clipboard clear time must be one of ${CLIPBOARD_CLEAR_CHOICES.join(', ')} seconds, or never`,
});

const settingFieldSchemas = {
  clipboardClearSeconds: clipboardClearSecondsSchema,
  defaultExpiryDays: expiresInDaysSchema,
  defaultEnvVar: envVarNameSchema,
  notifications: z.boolean({ error: 'Notifications must be on or off' }),
} as const;

/** A change to the settings (settings:update, `mcpkv settings`): every field optional, nothing else allowed. */
export const settingsUpdateSchema = z.strictObject({
  clipboardClearSeconds: settingFieldSchemas.clipboardClearSeconds.optional(),
  defaultExpiryDays: settingFieldSchemas.defaultExpiryDays.optional(),
  defaultEnvVar: settingFieldSchemas.defaultEnvVar.optional(),
  notifications: settingFieldSchemas.notifications.optional(),
});

/**
 * The settings as stored, read leniently: a field that is missing or hand-edited into something invalid takes
 * its default, so a bad value can never stop the app or the CLI from opening.
 */
export function readSettings(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const pick = <K extends keyof typeof settingFieldSchemas>(key: K): Settings[K] => {
    const parsed = settingFieldSchemas[key].safeParse(stored[key]);
    return (parsed.success ? parsed.data : DEFAULT_SETTINGS[key]) as Settings[K];
  };
  const last = stored.lastNotifiedAt;
  return {
    clipboardClearSeconds: pick('clipboardClearSeconds'),
    defaultExpiryDays: pick('defaultExpiryDays'),
    defaultEnvVar: pick('defaultEnvVar'),
    notifications: pick('notifications'),
    lastNotifiedAt: typeof last === 'string' && !Number.isNaN(Date.parse(last)) ? new Date(last).toISOString() : null,
  };
}

/** An issue's path as a `field`: `name`, `changes.expiresAt`, `keys.0.variable`; undefined for the request as a whole. */
export function fieldOfPath(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

/**
 * Parses `value` or throws VaultError('VALIDATION') with the first problem's message and, in `field`, where it is.
 * Messages name their field; when the bad value is an element of a list, which one is told after it, in words.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new VaultError('VALIDATION', 'Invalid input');
  if (issue.code === 'unrecognized_keys') throw new VaultError('VALIDATION', 'Unknown field in request', { field: fieldOfPath(issue.path) });
  // A record's bad name: its own rule's words, not the record's.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  // Which element of a list, in words (`permissions.1` is ours, not the user's).
  const index = issue.path.at(-1);
  const which = typeof index === 'number' ? ` (item ${index + 1} of the list)` : '';
  throw new VaultError('VALIDATION', `${message}${which}`, { field: fieldOfPath(issue.path) });
}
