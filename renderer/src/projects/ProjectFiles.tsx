/** A project's .env* files: name, size and git state, with "Add to .gitignore" where a file is not ignored. */
import { useState } from 'react';
import type { EnvFileView, ProjectView } from '../../../shared/exports';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { GitBadge } from './GitBadge';
import { isTemplate } from './git';

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}

interface ProjectFilesProps {
  project: ProjectView;
  files: EnvFileView[] | null;
  error: string | null;
  onChanged(): void;
}

export function ProjectFiles({ project, files, error, onChanged }: ProjectFilesProps) {
  const toast = useUiStore((s) => s.toast);
  const toastError = useUiStore((s) => s.toastError);
  const [ignoring, setIgnoring] = useState<string | null>(null);

  async function ignore(fileName: string) {
    setIgnoring(fileName);
    try {
      await vaultApi().exports.ignoreInGit({ projectId: project.id, fileName });
      toast(`Added ${fileName} to .gitignore`);
      onChanged();
    } catch (err) {
      toastError(errorMessage(err));
    } finally {
      setIgnoring(null);
    }
  }

  if (!project.available) return <p className="project-note is-error">The folder is gone or cannot be read. Remove the project, or bring the folder back.</p>;
  if (error) return <p className="project-note is-error">{error}</p>;
  if (!files) return <p className="project-note">Loading files…</p>;
  if (files.length === 0) return <p className="project-note">No .env files yet. Use a key from the Keys screen to write one here.</p>;

  return (
    <>
      <table className="project-files" aria-label={`.env files in ${project.name}`}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Git</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.name}>
              <th scope="row" className="mono">
                {file.name}
              </th>
              <td className="project-file-size">{formatSize(file.size)}</td>
              <td>
                <GitBadge git={file.git} fileName={file.name} />
              </td>
              <td className="project-file-actions">
                {file.git.repo && !file.git.ignored && !isTemplate(file.name) ? (
                  <button type="button" className="button button-small" onClick={() => void ignore(file.name)} disabled={ignoring !== null}>
                    {ignoring === file.name ? 'Adding…' : 'Add to .gitignore'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {files.some((f) => f.git.tracked && !isTemplate(f.name)) ? (
        <p className="project-note is-warning">
          A tracked file is already committed: adding it to .gitignore does not untrack it. Run <code className="mono">git rm --cached &lt;file&gt;</code> and commit.
        </p>
      ) : null}
    </>
  );
}
