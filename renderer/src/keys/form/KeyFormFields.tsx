/** The fields a key has besides its value, shared by Create and Edit. */
import { DESCRIPTION_MAX, NAME_MAX, OWNER_MAX } from '../../../../shared/schemas';
import { HttpHeaderField } from '../../copy/HttpHeaderField';
import { ExpiryField } from './ExpiryField';
import type { FieldErrors } from './fieldErrors';
import type { KeyFormValues } from './keyForm';
import { MetadataField } from './MetadataField';
import { PermissionsField } from './PermissionsField';
import { TextField } from './TextField';

interface KeyFormFieldsProps {
  values: KeyFormValues;
  errors: FieldErrors;
  onChange(change: Partial<KeyFormValues>): void;
  /** When editing: the current expiry, offered as "keep". */
  currentExpiry?: { expiresAt: string | null; now: number };
  autoFocusName?: boolean;
}

export function KeyFormFields({ values, errors, onChange, currentExpiry, autoFocusName }: KeyFormFieldsProps) {
  return (
    <>
      <TextField label="Name" value={values.name} onChange={(name) => onChange({ name })} error={errors.name} required maxLength={NAME_MAX} placeholder="e.g. openai-production" autoFocus={autoFocusName} />
      <TextField label="Description" value={values.description} onChange={(description) => onChange({ description })} error={errors.description} multiline maxLength={DESCRIPTION_MAX} placeholder="What is this key for?" />
      <TextField label="Owner" value={values.owner} onChange={(owner) => onChange({ owner })} error={errors.owner} maxLength={OWNER_MAX} placeholder="name@example.com" />
      <ExpiryField choice={values.expiry} date={values.expiryDate} onChange={(expiry, expiryDate) => onChange({ expiry, expiryDate })} error={errors.expiry} current={currentExpiry} />
      <PermissionsField
        permissions={values.permissions}
        pending={values.pendingPermission}
        onChange={(permissions, pendingPermission) => onChange({ permissions, pendingPermission })}
        error={errors.permissions}
      />
      <MetadataField rows={values.metadata} onChange={(metadata) => onChange({ metadata })} error={errors.metadata} />
      <HttpHeaderField value={values.httpHeader} onChange={(httpHeader) => onChange({ httpHeader })} />
    </>
  );
}
