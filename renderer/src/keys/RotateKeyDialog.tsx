/**
 * Rotate a key: a new value under the same id, the old one overwritten in the keychain at once.
 * Generated keys get a new generated value, shown once; imported keys take a pasted new value.
 */
import { useRef, useState } from 'react';
import type { ExportReport } from '../../../shared/exports';
import { MIN_SECRET_LENGTH } from '../../../shared/key-format';
import type { KeyView } from '../../../shared/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { vaultApi } from '../vaultApi';
import { RotatedFiles } from '../exports/RotatedFiles';
import { callErrorToFields, type FieldErrors } from './form/fieldErrors';
import { SecretInput, trimSecret } from './form/SecretInput';
import { NewSecretNotice } from './NewSecretNotice';

export function RotateKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  // A key whose value the keychain lost takes a pasted value too: that is how it is brought back.
  const restoring = keyView.secretMissing === true;
  const imported = keyView.source === 'imported' || restoring;
  const secretRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // A generated key's new value (shown once) and what happened in each .env file it was written to.
  const [rotated, setRotated] = useState<{ secret: string | null; exports: ExportReport[]; note?: string } | null>(null);
  const upsertKey = useKeysStore((s) => s.upsertKey);
  const toast = useUiStore((s) => s.toast);

  async function rotate() {
    let newSecret: { secret: string; trimmed: boolean } | undefined;
    if (imported) {
      newSecret = trimSecret(secretRef.current?.value ?? '');
      if (!newSecret.secret) {
        setErrors({ secret: 'Paste the new key value.' });
        return;
      }
    }
    setBusy(true);
    setErrors({});
    try {
      const result = await vaultApi().keys.rotate({ id: keyView.id, ...(newSecret && { newSecret: newSecret.secret }) });
      if (secretRef.current) secretRef.current.value = '';
      const trimmedNote = newSecret?.trimmed ? ' — surrounding whitespace was trimmed from the value' : '';
      if ('secret' in result) {
        const { secret, exports, ...key } = result;
        upsertKey(key);
        setRotated({ secret, exports });
      } else {
        const { exports, ...key } = result;
        upsertKey(key);
        if (exports.length) setRotated({ secret: null, exports, note: `Key “${key.name}” rotated${trimmedNote}.` });
        else {
          toast(`Key “${key.name}” rotated${trimmedNote}`);
          onClose();
        }
      }
    } catch (error) {
      setErrors(callErrorToFields(error));
    } finally {
      setBusy(false);
    }
  }

  if (rotated) {
    return (
      <Dialog title="Key rotated" onClose={onClose}>
        <div className="dialog-body">
          {rotated.secret !== null ? <NewSecretNotice keyId={keyView.id} keyName={keyView.name} secret={rotated.secret} verb="rotated" /> : null}
          {rotated.note ? <p>{rotated.note}</p> : null}
          <RotatedFiles reports={rotated.exports} />
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose} autoFocus>
            Done
          </button>
        </footer>
      </Dialog>
    );
  }

  return (
    <ConfirmDialog
      title={restoring ? `Import the value of ${keyView.name}` : `Rotate ${keyView.name}?`}
      confirmLabel={restoring ? 'Import value' : 'Rotate key'}
      busy={busy}
      error={errors.form}
      onConfirm={() => void rotate()}
      onClose={onClose}
    >
      <p>
        {restoring
          ? 'The OS keychain holds no value for this key. Paste its value (or a new one from the provider) to use the key again.'
          : imported
          ? 'Paste the new value you got from the provider. It replaces the current value in the OS keychain at once.'
          : 'A new value is generated and replaces the current one in the OS keychain at once.'}{' '}
        {restoring ? null : 'Anything still using the old value stops working.'}
      </p>
      {keyView.expiresAt !== null ? <p className="muted">The key gets a fresh expiry period of the same length, counted from now.</p> : null}
      {imported ? (
        <SecretInput
          ref={secretRef}
          label="New key value"
          error={errors.secret}
          hint={`At least ${MIN_SECRET_LENGTH} characters. The current value is not kept anywhere: the vault asks you to confirm in a system dialog.`}
          autoFocus
        />
      ) : null}
    </ConfirmDialog>
  );
}
