/** Draws the Use dialog when one is open (uiStore's 'use' dialog), once the projects are known. */
import { useEffect } from 'react';
import { useProjectsStore } from '../projects/projectsStore';
import { useUiStore } from '../store/uiStore';
import { UseDialog } from './UseDialog';

export function UseDialogHost() {
  const dialog = useUiStore((s) => s.dialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const loaded = useProjectsStore((s) => s.loaded);
  const open = dialog?.kind === 'use';

  // Asked again on each opening: a project folder may have gone since.
  useEffect(() => {
    if (open) void useProjectsStore.getState().load();
  }, [open]);

  // Drawn once the projects are known, so the dialog starts focused on the right control.
  if (dialog?.kind !== 'use' || !loaded) return null;
  return <UseDialog key={dialog.keyIds.join(' ')} keyIds={dialog.keyIds} onClose={closeDialog} />;
}
