/** The .env file to write: one of the project's own, or a new one (named here, `.env` by default). */
import { useId } from 'react';
import type { EnvFileView } from '../../../shared/exports';
import { gitLabel } from '../projects/git';

/** The select's value for "New file…" (file names start with a dot, so it cannot be one). */
export const NEW_FILE = '';

interface FilePickerProps {
  files: EnvFileView[] | null;
  choice: string;
  newName: string;
  onChoose(choice: string): void;
  onNewName(name: string): void;
  error: string | null;
  disabled: boolean;
}

function optionLabel(file: EnvFileView): string {
  const git = gitLabel(file.git);
  return git ? `${file.name} — ${git.text.toLowerCase()} by git` : file.name;
}

export function FilePicker({ files, choice, newName, onChoose, onNewName, error, disabled }: FilePickerProps) {
  const id = useId();
  const nameId = `${id}-name`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const isNew = choice === NEW_FILE;
  const existing = isNew && files?.some((f) => f.name === newName.trim());
  const hint = !isNew || existing ? 'Other lines stay exactly as they are; only these variables are added or updated.' : 'A new file is created, readable only by you.';
  const describedBy = [error ? errorId : null, hintId].filter(Boolean).join(' ');

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        File
      </label>
      <div className="use-inline">
        <select
          id={id}
          value={choice}
          onChange={(event) => onChoose(event.target.value)}
          disabled={disabled || files === null}
          aria-describedby={isNew ? undefined : describedBy}
          aria-invalid={error && !isNew ? true : undefined}
        >
          {(files ?? []).map((file) => (
            <option key={file.name} value={file.name}>
              {optionLabel(file)}
            </option>
          ))}
          <option value={NEW_FILE}>New file…</option>
        </select>
        {isNew ? (
          <>
            <label htmlFor={nameId} className="visually-hidden">
              New file name
            </label>
            <input
              id={nameId}
              className="input mono use-new-file"
              value={newName}
              onChange={(event) => onNewName(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
          </>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p id={hintId} className="field-hint">
        {existing ? `${newName.trim()} exists: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}` : hint}
      </p>
    </div>
  );
}
