/** Delete a key for good: confirmed by typing its exact name (main checks the name too). */
import { useId, useState } from 'react';
import type { KeyView } from '../../../shared/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUiStore } from '../store/uiStore';
import { useVaultStore } from '../store/vaultStore';
import { errorMessage, vaultApi } from '../vaultApi';

export function DeleteKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeKey = useVaultStore((s) => s.removeKey);
  const toast = useUiStore((s) => s.toast);
  const matches = typed === keyView.name;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await vaultApi().keys.delete({ id: keyView.id, confirmName: typed });
      removeKey(keyView.id);
      toast(`Key “${keyView.name}” deleted`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={`Delete ${keyView.name}?`}
      confirmLabel="Delete key"
      tone="danger"
      busy={busy}
      error={error}
      confirmDisabled={!matches}
      confirmDisabledReason="Type the key's exact name to enable Delete."
      onConfirm={() => void remove()}
      onClose={onClose}
    >
      <p>
        The key's record and its value in the OS keychain are deleted. {keyView.status === 'revoked' ? '' : 'Anything using it stops working. '}This cannot be undone.
      </p>
      <div className="field">
        <label htmlFor={id} className="field-label">
          Type <strong className="mono">{keyView.name}</strong> to confirm
        </label>
        <input id={id} className="input mono" value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
