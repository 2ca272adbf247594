/** One project: its folder, its .env files with their git state, "Find keys in this project" and Remove. */
import { useId, useState } from 'react';
import type { ProjectView, ScanCandidate } from '../../../shared/exports';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/Icon';
import { useProjectFiles } from '../exports/useProjectFiles';
import { errorMessage, vaultApi } from '../vaultApi';
import { ProjectFiles } from './ProjectFiles';
import { RemoveProjectDialog } from './RemoveProjectDialog';
import { ScanResults } from './ScanResults';

export function ProjectCard({ project }: { project: ProjectView }) {
  const titleId = useId();
  const { files, error, reload } = useProjectFiles(project.id);
  const toastError = useUiStore((s) => s.toastError);
  const [scanning, setScanning] = useState(false);
  const [found, setFound] = useState<ScanCandidate[] | null>(null);
  const [removing, setRemoving] = useState(false);

  async function scan() {
    setScanning(true);
    try {
      setFound(await vaultApi().projects.scan({ projectId: project.id }));
    } catch (err) {
      toastError(errorMessage(err));
    } finally {
      setScanning(false);
    }
  }

  return (
    <article className={`project-card${project.available ? '' : ' is-unavailable'}`} aria-labelledby={titleId}>
      <header className="project-head">
        <span className="project-icon">
          <Icon name="folder" size={18} />
        </span>
        <div className="project-title">
          <div className="project-name-line">
            <h3 id={titleId}>{project.name}</h3>
            {project.available ? null : <span className="badge badge-expired">Folder missing</span>}
          </div>
          <p className="project-path mono" title={project.path}>
            {project.path}
          </p>
        </div>
        <div className="project-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => void scan()}
            disabled={!project.available || scanning || found !== null}
            title={project.available ? 'Look for API keys in this project’s .env files' : 'The folder is gone'}
          >
            <Icon name="search" size={14} />
            {scanning ? 'Searching…' : 'Find keys in this project'}
          </button>
          <button type="button" className="button button-small button-danger-quiet" onClick={() => setRemoving(true)}>
            Remove
          </button>
        </div>
      </header>
      <ProjectFiles project={project} files={files} error={error} onChanged={reload} />
      {found ? (
        <ScanResults
          project={project}
          candidates={found}
          onDone={() => {
            setFound(null);
            reload();
          }}
        />
      ) : null}
      {removing ? <RemoveProjectDialog project={project} onClose={() => setRemoving(false)} /> : null}
    </article>
  );
}
