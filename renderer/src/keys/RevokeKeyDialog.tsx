/** Revoke a key, after saying what that means. */
import { useState } from 'react';
import type { ExportReport } from '../../../shared/exports';
import { IMPORTED_KEY_NOTE } from '../../../shared/key-status';
import type { KeyView } from '../../../shared/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { FileReportDialog } from '../exports/FileReportDialog';
import { RemoveFromFilesField } from '../exports/RemoveFromFilesField';
import { useKeyExports } from '../exports/useKeyExports';
import { useKeyConnections } from '../mcp/useKeyConnections';
import { destroysLastCopy, LastCopyNote } from './LastCopyNote';

export function RevokeKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upsertKey = useKeysStore((s) => s.upsertKey);
  const toast = useUiStore((s) => s.toast);
  const { exports } = useKeyExports(keyView.id);
  const { places: connections } = useKeyConnections(keyView.id);
  const [removeFromFiles, setRemoveFromFiles] = useState(false);
  const [reports, setReports] = useState<ExportReport[] | null>(null);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      const { exports: fileReports, ...revoked } = await vaultApi().keys.revoke({ id: keyView.id, ...(removeFromFiles && { removeFromFiles: true }) });
      upsertKey(revoked);
      if (fileReports.length) setReports(fileReports);
      else {
        toast('Key revoked');
        onClose();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (reports) return <FileReportDialog title="Key revoked" done="removed" reports={reports} onClose={onClose} />;

  return (
    <ConfirmDialog title={`Revoke ${keyView.name}?`} confirmLabel="Revoke key" tone="danger" busy={busy} error={error} onConfirm={() => void revoke()} onClose={onClose}>
      <ul className="consequences">
        <li>The key's value is deleted from the OS keychain at once; anything using it stops working.</li>
        <li>The key stays in the list, greyed out, so its history is kept.</li>
        <li>This cannot be undone. To use the service again, create a new key.</li>
        {keyView.source === 'imported' ? <li>{IMPORTED_KEY_NOTE}</li> : null}
      </ul>
      <RemoveFromFilesField exports={exports} connections={connections} checked={removeFromFiles} onChange={setRemoveFromFiles} disabled={busy} />
      <LastCopyNote show={destroysLastCopy(keyView, exports, connections, removeFromFiles)} />
    </ConfirmDialog>
  );
}
