/**
 * Create a key: generate a new one or import one you have. After generating, the value is shown once
 * (in this component's state only) with a Copy button; closing the dialog forgets it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { DEFAULT_PREFIX, MIN_SECRET_LENGTH } from '../../../shared/key-format';
import { withDefaultExpiry } from '../settings/defaultExpiry';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { vaultApi } from '../vaultApi';
import { callErrorToFields, errorsAfterChange, type FieldErrors } from './form/fieldErrors';
import { buildCreateInput, emptyKeyForm, type KeyFormValues } from './form/keyForm';
import { KeyFormFields } from './form/KeyFormFields';
import { SecretInput, trimSecret } from './form/SecretInput';
import { NewSecretNotice } from './NewSecretNotice';
import { DialogActions, FormError } from '../ui/DialogParts';

type Mode = 'generate' | 'import';

export function CreateKeyDialog({ onClose }: { onClose(): void }) {
  const [mode, setMode] = useState<Mode>('generate');
  const [values, setValues] = useState<KeyFormValues>(() => withDefaultExpiry(emptyKeyForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string; secret: string } | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const upsertKey = useKeysStore((s) => s.upsertKey);
  const select = useKeysStore((s) => s.select);
  const toast = useUiStore((s) => s.toast);
  const openDialog = useUiStore((s) => s.openDialog);

  function change(patch: Partial<KeyFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => errorsAfterChange(e, patch));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    let imported: { secret: string; trimmed: boolean } | undefined;
    if (mode === 'import') imported = trimSecret(secretRef.current?.value ?? '');
    const { input, errors: found } = buildCreateInput(values, imported?.secret);
    if (imported && !imported.secret) found.secret = 'Paste the key value to import.';
    if (!input || found.secret) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const result = await vaultApi().keys.create(input);
      if (secretRef.current) secretRef.current.value = '';
      if ('secret' in result) {
        const { secret, ...key } = result;
        upsertKey(key);
        select(key.id);
        setCreated({ id: key.id, name: key.name, secret });
      } else {
        upsertKey(result);
        select(result.id);
        toast(`Key “${result.name}” imported${imported?.trimmed ? ' — surrounding whitespace was trimmed from the value' : ''}`);
        onClose();
      }
    } catch (error) {
      setErrors(callErrorToFields(error));
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Dialog title="Key created" onClose={onClose} size="medium">
        <div className="dialog-body">
          <NewSecretNotice keyId={created.id} keyName={created.name} secret={created.secret} verb="created" />
        </div>
        <footer className="dialog-footer">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ kind: 'use', keyId: created.id, keyIds: [created.id] })}
            title="Write the new key into a project’s .env file (this closes the value shown here)"
          >
            <Icon name="use" size={14} />
            Use…
          </button>
          <button type="button" className="button" onClick={onClose} autoFocus>
            Done
          </button>
        </footer>
      </Dialog>
    );
  }

  return (
    <Dialog title="New key" subtitle="Values are stored in your OS keychain, never in the app's files." onClose={onClose} size="large" busy={busy}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="dialog-body">
          <fieldset className="mode-switch">
            <legend className="visually-hidden">Key value</legend>
            <label className={`mode-option${mode === 'generate' ? ' is-checked' : ''}`}>
              <input type="radio" name="create-mode" checked={mode === 'generate'} onChange={() => setMode('generate')} />
              <span className="mode-title">Generate a new key</span>
              <span className="mode-hint mono">{DEFAULT_PREFIX}…</span>
            </label>
            <label className={`mode-option${mode === 'import' ? ' is-checked' : ''}`}>
              <input type="radio" name="create-mode" checked={mode === 'import'} onChange={() => setMode('import')} />
              <span className="mode-title">Import an existing key</span>
              <span className="mode-hint">paste a value you have</span>
            </label>
          </fieldset>
          {mode === 'import' ? (
            <SecretInput
              ref={secretRef}
              label="Key value"
              error={errors.secret}
              hint={`At least ${MIN_SECRET_LENGTH} characters. Pasted values are kept in the OS keychain and never shown in lists.`}
              onInput={() => errors.secret && setErrors((e) => ({ ...e, secret: undefined }))}
            />
          ) : null}
          <KeyFormFields values={values} errors={errors} onChange={change} autoFocusName />
          <FormError message={errors.form} />
        </div>
        <DialogActions onCancel={onClose} busy={busy}>
          <button type="submit" className="button button-primary" disabled={busy}>
            <Icon name={mode === 'import' ? 'key' : 'plus'} />
            {mode === 'import' ? 'Import key' : 'Create key'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
