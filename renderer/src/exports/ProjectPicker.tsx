/** Which project to write into, with "Add project…" (the OS folder dialog, in main) beside it. */
import { useId } from 'react';
import type { ProjectView } from '../../../shared/exports';
import { Icon } from '../ui/Icon';

interface ProjectPickerProps {
  projects: ProjectView[];
  project: ProjectView | null;
  onChange(projectId: string): void;
  onAdd(): void;
  adding: boolean;
  error: string | null;
}

export function ProjectPicker({ projects, project, onChange, onAdd, adding, error }: ProjectPickerProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const addButton = (
    <button type="button" className="button" onClick={onAdd} disabled={adding} data-autofocus={projects.length === 0 ? '' : undefined}>
      <Icon name="plus" size={14} />
      {adding ? 'Choosing…' : 'Add project…'}
    </button>
  );

  if (projects.length === 0) {
    return (
      <div className="field">
        <span className="field-label">Project</span>
        <div className="use-no-projects">
          <p>No projects yet. Add a project folder to write keys into its .env files.</p>
          {addButton}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  const gone = project && !project.available ? `The folder ${project.path} is gone or cannot be read.` : null;
  const shown = error ?? gone;
  return (
    <div className={`field${shown ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        Project
      </label>
      <div className="use-inline">
        <select
          id={id}
          value={project?.id ?? ''}
          onChange={(event) => onChange(event.target.value)}
          data-autofocus=""
          aria-invalid={shown ? true : undefined}
          aria-describedby={[shown ? errorId : null, project ? hintId : null].filter(Boolean).join(' ') || undefined}
        >
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {addButton}
      </div>
      {shown ? (
        <p id={errorId} className="field-error" role="alert">
          {shown}
        </p>
      ) : null}
      {project ? (
        <p id={hintId} className="field-hint use-path" title={project.path}>
          {project.path}
        </p>
      ) : null}
    </div>
  );
}
