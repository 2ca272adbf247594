/**
 * The create/edit form's values and how they become a request: validated with the same zod schemas
 * main uses, so the form says what main would say before anything is sent. Errors main sends anyway
 * (a duplicate name, say) are placed by the field they name (fieldErrors.ts).
 */
import type { z } from 'zod';
import { PRESET_SCOPES, SCOPE_PATTERN } from '../../../../shared/key-format';
import { createKeyInputSchema, editKeyInputSchema, fieldOfPath } from '../../../../shared/schemas';
import type { RequestOf } from '../../../../shared/ipc-contract';
import type { HttpHeaderStyle, KeyView } from '../../../../shared/types';
import { formFieldOf, type FieldErrors } from './fieldErrors';

type CreateRequest = RequestOf<'keys:create'>;
type EditChanges = RequestOf<'keys:edit'>['changes'];

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

function expiryFields(values: KeyFormValues, errors: FieldErrors): Pick<CreateRequest, 'expiresInDays' | 'expiresAt'> {
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

function issuesToErrors(issues: z.core.$ZodIssue[], errors: FieldErrors): void {
  for (const issue of issues) errors[formFieldOf(fieldOfPath(issue.path))] ??= issue.message;
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

export function buildCreateInput(values: KeyFormValues, importSecret?: string): Built<CreateRequest> {
  const errors: FieldErrors = {};
  const input: CreateRequest = { ...keyFields(values, errors), ...(importSecret !== undefined && { importSecret }) };
  const parsed = createKeyInputSchema.safeParse(input);
  if (!parsed.success) issuesToErrors(parsed.error.issues, errors);
  return { input: Object.keys(errors).length ? null : input, errors };
}

export function buildEditInput(values: KeyFormValues): Built<EditChanges> {
  const errors: FieldErrors = {};
  const input: EditChanges = keyFields(values, errors);
  const parsed = editKeyInputSchema.safeParse(input);
  if (!parsed.success) issuesToErrors(parsed.error.issues, errors);
  return { input: Object.keys(errors).length ? null : input, errors };
}
