/** Revoke a key, after saying what that means. */
import { useState } from 'react';
import type { KeyView } from '../../../shared/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUiStore } from '../store/uiStore';
import { useVaultStore } from '../store/vaultStore';
import { errorMessage, vaultApi } from '../vaultApi';

export function RevokeKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upsertKey = useVaultStore((s) => s.upsertKey);
  const toast = useUiStore((s) => s.toast);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      upsertKey(await vaultApi().keys.revoke({ id: keyView.id }));
      toast('Key revoked');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog title={`Revoke ${keyView.name}?`} confirmLabel="Revoke key" tone="danger" busy={busy} error={error} onConfirm={() => void revoke()} onClose={onClose}>
      <ul className="consequences">
        <li>The key's value is deleted from the OS keychain at once; anything using it stops working.</li>
        <li>The key stays in the list, greyed out, so its history is kept.</li>
        <li>This cannot be undone. To use the service again, create a new key.</li>
      </ul>
    </ConfirmDialog>
  );
}
