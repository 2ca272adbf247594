/**
 * Which field of the key forms (create, edit, rotate) an error is about, from the request field it names:
 * zod's issue path, from the form's own check or in the `field` main sent. No zod here: the rotate dialog
 * uses this from the first chunk.
 */
import { errorField, errorMessage } from '../../vaultApi';

export type FormField = 'name' | 'description' | 'owner' | 'expiry' | 'permissions' | 'metadata' | 'secret' | 'form';
export type FieldErrors = Partial<Record<FormField, string>>;

/** Request fields (keys:create, keys:edit's `changes`, keys:rotate) → the form field showing them. */
const FORM_FIELD_OF: Record<string, FormField> = {
  name: 'name',
  description: 'description',
  owner: 'owner',
  permissions: 'permissions',
  metadata: 'metadata',
  expiresAt: 'expiry',
  expiresInDays: 'expiry',
  importSecret: 'secret',
  newSecret: 'secret',
};

/** `changes.permissions.2` → `permissions`; a field the form does not show (or none) → the form as a whole. */
export function formFieldOf(field: string | undefined): FormField {
  const top = field?.replace(/^changes\./, '').split('.')[0] ?? '';
  return Object.hasOwn(FORM_FIELD_OF, top) ? FORM_FIELD_OF[top]! : 'form';
}

/** The form field each value of the key form (keyForm.ts) belongs to. */
const FIELD_OF_VALUE: Record<string, FormField> = {
  name: 'name',
  description: 'description',
  owner: 'owner',
  expiry: 'expiry',
  expiryDate: 'expiry',
  permissions: 'permissions',
  pendingPermission: 'permissions',
  metadata: 'metadata',
};

/**
 * The errors still standing after the user changed the given form values: a field's error goes as soon as
 * the field changes (an old "Name is required" under a typed name misleads); the others stay until the next submit.
 */
export function errorsAfterChange(errors: FieldErrors, changed: object): FieldErrors {
  const cleared = Object.keys(changed).flatMap((value) => (Object.hasOwn(FIELD_OF_VALUE, value) ? [FIELD_OF_VALUE[value]!] : []));
  if (!cleared.some((field) => errors[field] !== undefined)) return errors;
  const left = { ...errors };
  for (const field of cleared) delete left[field];
  return left;
}

/** Places an error a vault call threw next to the field main said it is about. */
export function callErrorToFields(error: unknown): FieldErrors {
  return { [formFieldOf(errorField(error))]: errorMessage(error) };
}
