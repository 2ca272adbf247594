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

/** Places an error a vault call threw next to the field main said it is about. */
export function callErrorToFields(error: unknown): FieldErrors {
  return { [formFieldOf(errorField(error))]: errorMessage(error) };
}
