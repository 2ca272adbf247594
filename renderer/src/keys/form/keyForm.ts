/**
 * The create/edit form's values and how they become a request: validated with the same zod schemas
 * main uses, so the form says what main would say before anything is sent. Errors main sends anyway
 * (a duplicate name, say) are placed next to the field they are about.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors';
import { PRESET_SCOPES, SCOPE_PATTERN } from '../../../../shared/key-format';
import { createKeyInputSchema, editKeyInputSchema } from '../../../../shared/schemas';
import type { CreateKeyInput, EditKeyInput, HttpHeaderStyle, KeyView } from '../../../../shared/types';

export type ExpiryChoice = 'keep' | '30' | '90' | '365' | 'never' | 'date';

export interface MetadataRow {
  rowId: number;
  name: string;
  value: string;
}

export interface KeyFormValues {
  name: string;
  description: string;
  owner: string;
  expiry: ExpiryChoice;
  /** yyyy-mm-dd, for expiry 'date'. */
  expiryDate: string;
  permissions: string[];
  /** Typed into "Other permission" but not added yet: added on submit. */
  pendingPermission: string;
  metadata: MetadataRow[];
  /** How "Copy as HTTP header" writes the key. */
  httpHeader: HttpHeaderStyle;
}

export type FormField = 'name' | 'description' | 'owner' | 'expiry' | 'permissions' | 'metadata' | 'secret' | 'form';
export type FieldErrors = Partial<Record<FormField, string>>;

let nextRowId = 1;
export function metadataRow(name = '', value = ''): MetadataRow {
  return { rowId: nextRowId++, name, value };
}

export function emptyKeyForm(): KeyFormValues {
  return {
    name: '',
    description: '',
    owner: '',
    expiry: '90',
    expiryDate: '',
    permissions: [],
    pendingPermission: '',
    metadata: [],
    httpHeader: 'bearer',
  };
}

export function formFromKey(key: KeyView): KeyFormValues {
  return {
    name: key.name,
    description: key.description,
    owner: key.owner,
    expiry: 'keep',
    expiryDate: '',
    permissions: [...key.permissions],
    pendingPermission: '',
    metadata: Object.entries(key.metadata).map(([name, value]) => metadataRow(name, value)),
    httpHeader: key.httpHeader ?? 'bearer',
  };
}

export function isPresetScope(scope: string): boolean {
  return (PRESET_SCOPES as readonly string[]).includes(scope);
}

export function scopeError(scope: string): string | null {
  return SCOPE_PATTERN.test(scope) ? null : 'Permission may use only a-z, 0-9 and : _ . - (at most 64 characters)';
}

/** The end of a picked day, local time, as ISO 8601. */
export function dateToExpiry(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(day.getTime()) ? null : day.toISOString();
}

/** Today as yyyy-mm-dd (local), for the date picker's minimum. */
export function todayInputValue(now: number = Date.now()): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function expiryFields(values: KeyFormValues, errors: FieldErrors): Pick<CreateKeyInput, 'expiresInDays' | 'expiresAt'> {
  switch (values.expiry) {
    case 'keep':
      return {};
    case 'never':
      return { expiresAt: null };
    case 'date': {
      const expiresAt = dateToExpiry(values.expiryDate);
      if (expiresAt === null) errors.expiry = 'Pick the date the key should expire.';
      return expiresAt === null ? {} : { expiresAt };
    }
    default:
      return { expiresInDays: Number(values.expiry) };
  }
}

function metadataFields(rows: MetadataRow[], errors: FieldErrors): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value.trim()) continue;
    if (!name) {
      errors.metadata ??= 'Each metadata value needs a name.';
      continue;
    }
    if (Object.hasOwn(metadata, name)) errors.metadata ??= `Metadata name "${name}" is used twice.`;
    metadata[name] = row.value;
  }
  return metadata;
}

function permissionList(values: KeyFormValues, errors: FieldErrors): string[] {
  const pending = values.pendingPermission.trim();
  if (!pending) return values.permissions;
  const problem = scopeError(pending);
  if (problem) errors.permissions = problem;
  return [...new Set([...values.permissions, pending])];
}

const FIELD_OF_PATH: Record<string, FormField> = {
  name: 'name',
  description: 'description',
  owner: 'owner',
  permissions: 'permissions',
  metadata: 'metadata',
  expiresAt: 'expiry',
  expiresInDays: 'expiry',
  importSecret: 'secret',
};

function issuesToErrors(issues: z.core.$ZodIssue[], errors: FieldErrors): void {
  for (const issue of issues) {
    const field = FIELD_OF_PATH[String(issue.path[0] ?? '')] ?? 'form';
    errors[field] ??= issue.message;
  }
}

export interface Built<T> {
  input: T | null;
  errors: FieldErrors;
}

/** The fields create and edit share, from the form; problems found on the way go into `errors`. */
function keyFields(values: KeyFormValues, errors: FieldErrors) {
  return {
    name: values.name,
    description: values.description,
    owner: values.owner,
    permissions: permissionList(values, errors),
    metadata: metadataFields(values.metadata, errors),
    ...expiryFields(values, errors),
    httpHeader: values.httpHeader,
  };
}

export function buildCreateInput(values: KeyFormValues, importSecret?: string): Built<CreateKeyInput> {
  const errors: FieldErrors = {};
  const input: CreateKeyInput = { ...keyFields(values, errors), ...(importSecret !== undefined && { importSecret }) };
  const parsed = createKeyInputSchema.safeParse(input);
  if (!parsed.success) issuesToErrors(parsed.error.issues, errors);
  return { input: Object.keys(errors).length ? null : input, errors };
}

export function buildEditInput(values: KeyFormValues): Built<EditKeyInput> {
  const errors: FieldErrors = {};
  const input: EditKeyInput = keyFields(values, errors);
  const parsed = editKeyInputSchema.safeParse(input);
  if (!parsed.success) issuesToErrors(parsed.error.issues, errors);
  return { input: Object.keys(errors).length ? null : input, errors };
}

/** Places an error main sent next to the field its message is about. */
export function serverErrorToFields(code: ErrorCode | undefined, message: string): FieldErrors {
  if (code === 'CONFLICT') return { name: message };
  if (code === 'VALIDATION') {
    const rules: [RegExp, FormField][] = [
      [/^name\b/i, 'name'],
      [/^description\b/i, 'description'],
      [/^owner\b/i, 'owner'],
      [/^permission/i, 'permissions'],
      [/^(that )?metadata/i, 'metadata'],
      [/^expir/i, 'expiry'],
      [/^(the new )?key value/i, 'secret'],
    ];
    for (const [pattern, field] of rules) if (pattern.test(message)) return { [field]: message };
  }
  return { form: message };
}
