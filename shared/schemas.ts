/**
 * Runtime validation of everything users and the renderer send. One schema per input, shared by the
 * IPC layer (main validates every payload), the CLI and the renderer's forms, so all agree on what is valid.
 * Messages name the field and the rule, never the value: a value may be a secret.
 */
import { z } from 'zod';
import { VaultError } from './errors';
import { KEY_ID_PATTERN, PREFIX_PATTERN, SCOPE_PATTERN } from './key-format';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const OWNER_MAX = 254;
export const METADATA_MAX_ENTRIES = 50;
export const METADATA_VALUE_MAX = 500;
export const SECRET_MAX = 4096;
export const EXPIRY_DAYS_MAX = 3650;

// Names and free text must not smuggle control characters (terminal escapes, NUL) into tables and files.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f]/;
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
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'Metadata names may use only letters, digits and _ . - (at most 64)' })
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
  });

export const envVarNameSchema = z
  .string({ error: 'Variable name must be text' })
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, {
    error: 'Variable name must start with a letter or _ and use only letters, digits and _',
  });

/** How a key is sent over HTTP (the `header` copy format). */
export const httpHeaderSchema = z.enum(['bearer', 'x-api-key', 'apikey'], {
  error: 'Header style must be bearer, x-api-key or apikey',
});

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

/** Parses `value` or throws VaultError('VALIDATION') naming the first problem (and its field). */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // Top-level messages name their field already; nested ones (permissions.2) get the path in front.
  const where = issue && issue.path.length > 1 ? `${issue.path.join('.')}: ` : '';
  const message = issue?.code === 'unrecognized_keys' ? 'Unknown field in request' : (issue?.message ?? 'Invalid input');
  throw new VaultError('VALIDATION', `${where}${message}`);
}
