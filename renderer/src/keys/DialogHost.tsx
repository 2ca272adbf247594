/**
 * Renders the open dialog, for the key it is about: the one place dialogs are drawn. A dialog whose key
 * vanished (deleted elsewhere) closes. Create, Edit and Use load on first use (lazyParts.ts).
 */
import { useEffect } from 'react';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { CreateKeyDialog, EditKeyDialog, UseDialogHost } from '../lazyParts';
import { DeleteKeyDialog } from './DeleteKeyDialog';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { RotateKeyDialog } from './RotateKeyDialog';

export function DialogHost() {
  const dialog = useUiStore((s) => s.dialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const keyId = dialog && dialog.kind !== 'create' ? dialog.keyId : null;
  const keyView = useKeysStore((s) => (keyId === null ? null : (s.keys.find((k) => k.id === keyId) ?? null)));
  const missing = keyId !== null && keyView === null;

  useEffect(() => {
    if (missing) closeDialog();
  }, [missing, closeDialog]);

  if (!dialog) return null;
  if (dialog.kind === 'create') return <CreateKeyDialog onClose={closeDialog} />;
  if (!keyView) return null;
  const props = { keyView, onClose: closeDialog };
  switch (dialog.kind) {
    case 'edit':
      return <EditKeyDialog key={keyView.id} {...props} />;
    case 'rotate':
      return <RotateKeyDialog key={keyView.id} {...props} />;
    case 'revoke':
      return <RevokeKeyDialog key={keyView.id} {...props} />;
    case 'delete':
      return <DeleteKeyDialog key={keyView.id} {...props} />;
    case 'use':
      return <UseDialogHost keyIds={dialog.keyIds} onClose={closeDialog} />;
  }
}
