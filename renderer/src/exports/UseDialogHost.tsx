/** The Use dialog (drawn by DialogHost), once the projects are known. */
import { useEffect } from 'react';
import { useProjectsStore } from '../projects/projectsStore';
import { UseDialog } from './UseDialog';

export function UseDialogHost({ keyIds, onClose }: { keyIds: string[]; onClose(): void }) {
  const loaded = useProjectsStore((s) => s.loaded);

  // Asked again on each opening: a project folder may have gone since.
  useEffect(() => {
    void useProjectsStore.getState().load();
  }, []);

  // Drawn once the projects are known, so the dialog starts focused on the right control.
  if (!loaded) return null;
  return <UseDialog key={keyIds.join(' ')} keyIds={keyIds} onClose={onClose} />;
}
