/**
 * The Projects screen: the folders keys are written into. Add one (the OS folder dialog, in main), see its
 * .env files and whether git would commit them, find keys already in them, or remove it from the list.
 */
import { useEffect, useState } from 'react';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/Icon';
import { errorMessage } from '../vaultApi';
import { NoProjects } from './NoProjects';
import { ProjectCard } from './ProjectCard';
import { useProjectsStore } from './projectsStore';
import './projects.css';

export function ProjectsScreen() {
  const projects = useProjectsStore((s) => s.projects);
  const loaded = useProjectsStore((s) => s.loaded);
  const loadError = useProjectsStore((s) => s.loadError);
  const load = useProjectsStore((s) => s.load);
  const add = useProjectsStore((s) => s.add);
  const toast = useUiStore((s) => s.toast);
  const toastError = useUiStore((s) => s.toastError);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  async function addProject() {
    setAdding(true);
    const before = new Set(projects.map((p) => p.id));
    try {
      const added = await add();
      if (added) toast(before.has(added.id) ? `${added.name} is already in the list` : `Project “${added.name}” added`);
    } catch (error) {
      toastError(errorMessage(error));
    } finally {
      setAdding(false);
    }
  }

  let body;
  if (!loaded) body = <p className="loading">Loading projects…</p>;
  else if (loadError && projects.length === 0) {
    body = (
      <div className="empty-state" role="alert">
        <h2>The projects could not be loaded</h2>
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  } else if (projects.length === 0) body = <NoProjects onAdd={() => void addProject()} adding={adding} />;
  else {
    body = (
      <div className="project-list">
        {projects.map((project) => (
          <ProjectCard key={project.id} project={project} />
        ))}
      </div>
    );
  }

  return (
    <section className="screen projects-screen" aria-labelledby="projects-title">
      <header className="projects-header">
        <div>
          <h2 id="projects-title">Projects</h2>
          <p className="projects-lead">Folders whose .env files keys are written into. Rotating a key updates every file it was written to.</p>
        </div>
        {projects.length > 0 ? (
          <button type="button" className="button button-primary" onClick={() => void addProject()} disabled={adding}>
            <Icon name="plus" /> {adding ? 'Choosing a folder…' : 'Add project…'}
          </button>
        ) : null}
      </header>
      {body}
    </section>
  );
}
