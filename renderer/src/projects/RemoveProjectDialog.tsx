/** Remove a project from the vault's list, after saying that nothing in the folder is touched. */
import { useState } from 'react';
import type { ProjectView } from '../../../shared/exports';
import { useUiStore } from '../ui/uiStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorMessage } from '../vaultApi';
import { useProjectsStore } from './projectsStore';

export function RemoveProjectDialog({ project, onClose }: { project: ProjectView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useProjectsStore((s) => s.remove);
  const toast = useUiStore((s) => s.toast);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await remove(project.id);
      onClose();
      toast(`Project “${project.name}” removed`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog title={`Remove ${project.name}?`} confirmLabel="Remove project" tone="danger" busy={busy} error={error} onConfirm={() => void confirm()} onClose={onClose}>
      <ul className="consequences">
        <li>The vault forgets this folder and the variable names used in it.</li>
        <li>Nothing in the folder is changed: its .env files keep what was written to them.</li>
        <li>Rotating a key still updates every file it was written to. You can add the folder again at any time.</li>
      </ul>
    </ConfirmDialog>
  );
}
