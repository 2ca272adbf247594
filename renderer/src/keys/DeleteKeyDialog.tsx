/** Delete a key for good: confirmed by typing its exact name (main checks the name too). */
import { useId, useState } from 'react';
import { IMPORTED_KEY_NOTE } from '../../../shared/key-status';
import type { KeyView } from '../../../shared/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { useFileReportStore } from '../exports/fileReportStore';
import { RemoveFromFilesField } from '../exports/RemoveFromFilesField';
import { useKeyExports } from '../exports/useKeyExports';
import { useKeyConnections } from '../mcp/useKeyConnections';
import { destroysLastCopy, LastCopyNote } from './LastCopyNote';

export function DeleteKeyDialog({ keyView, onClose }: { keyView: KeyView; onClose(): void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeKey = useKeysStore((s) => s.removeKey);
  const toast = useUiStore((s) => s.toast);
  const matches = typed === keyView.name;
  // A revoked key's value is gone: its .env files and headers cannot be told apart from hand edits, so they are not
  // offered; a server started through the vault with it names the key by id, and can still be taken out.
  const revoked = keyView.status === 'revoked';
  const { exports } = useKeyExports(keyView.id);
  const { places: allConnections } = useKeyConnections(keyView.id);
  const connections = revoked ? (allConnections?.filter((c) => c.form !== 'header') ?? null) : allConnections;
  const [removeFromFiles, setRemoveFromFiles] = useState(false);
  const showFileReport = useFileReportStore((s) => s.show);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const result = await vaultApi().keys.delete({ id: keyView.id, confirmName: typed, ...(removeFromFiles && { removeFromFiles: true }) });
      removeKey(keyView.id);
      // The report outlives this dialog, which closes with the key.
      if (result.exports.length) showFileReport({ title: `Key “${keyView.name}” deleted`, done: 'removed', reports: result.exports });
      else toast(`Key “${keyView.name}” deleted`);
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
      {keyView.status === 'revoked' || keyView.source !== 'imported' ? null : <p>{IMPORTED_KEY_NOTE}</p>}
      <RemoveFromFilesField exports={revoked ? [] : exports} connections={connections} checked={removeFromFiles} onChange={setRemoveFromFiles} disabled={busy} />
      <LastCopyNote show={destroysLastCopy(keyView, exports, connections, removeFromFiles)} />
    </ConfirmDialog>
  );
}
