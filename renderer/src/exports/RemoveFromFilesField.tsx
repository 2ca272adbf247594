/** Revoke / delete: "Also remove MCP_API_KEY from N .env files" — shown only when the key was written somewhere. */
import type { ExportView } from '../../../shared/exports';
import { variablesOf } from './useKeyExports';
import './exports.css';

interface RemoveFromFilesFieldProps {
  exports: ExportView[] | null;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

export function RemoveFromFilesField({ exports, checked, onChange, disabled }: RemoveFromFilesFieldProps) {
  if (!exports || exports.length === 0) return null;
  const files = new Set(exports.map((e) => e.file)).size;
  return (
    <div className="field remove-from-files">
      <label className="check-field">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} disabled={disabled} />
        <span>
          Also remove {variablesOf(exports)} from {files} .env {files === 1 ? 'file' : 'files'}
        </span>
      </label>
      <ul className="remove-from-files-list" aria-label="Files this key was written to">
        {exports.map((e) => (
          <li key={`${e.file}\n${e.variable}`} title={e.file}>
            {e.projectName ? `${e.projectName} · ` : ''}
            <span className="mono">{e.fileLabel}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint check-hint">Only where a file still holds this key; a value changed by hand is left alone.</p>
    </div>
  );
}
