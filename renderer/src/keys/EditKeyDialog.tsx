/** Edit a key's fields (everything but its value). */
import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../../shared/types';
import { Dialog } from '../ui/Dialog';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { vaultApi } from '../vaultApi';
import { callErrorToFields, errorsAfterChange, type FieldErrors } from './form/fieldErrors';
import { buildEditInput, formFromKey, type KeyFormValues } from './form/keyForm';
import { KeyFormFields } from './form/KeyFormFields';
import { DialogActions, FormError } from '../ui/DialogParts';

export function EditKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  const [values, setValues] = useState<KeyFormValues>(() => formFromKey(keyView));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => Date.now());
  const upsertKey = useKeysStore((s) => s.upsertKey);
  const toast = useUiStore((s) => s.toast);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { input, errors: found } = buildEditInput(values);
    if (!input) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const edited = await vaultApi().keys.edit({ id: keyView.id, changes: input });
      upsertKey(edited);
      toast(`Key “${edited.name}” saved`);
      onClose();
    } catch (error) {
      setErrors(callErrorToFields(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Edit ${keyView.name}`} subtitle="The key's value stays as it is; use Rotate to replace it." onClose={onClose} size="large" busy={busy}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="dialog-body">
          <KeyFormFields
            values={values}
            errors={errors}
            onChange={(patch) => {
              setValues((v) => ({ ...v, ...patch }));
              setErrors((e) => errorsAfterChange(e, patch));
            }}
            currentExpiry={{ expiresAt: keyView.expiresAt, now }}
            autoFocusName
          />
          <FormError message={errors.form} />
        </div>
        <DialogActions onCancel={onClose} busy={busy}>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save changes
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
