/** Permissions: the preset scopes as toggles, plus any other scope typed in. */
import { useId, useState, type KeyboardEvent } from 'react';
import { PRESET_SCOPES } from '../../../../shared/key-format';
import { Icon } from '../../ui/Icon';
import { isPresetScope, scopeError } from './keyForm';

interface PermissionsFieldProps {
  permissions: string[];
  pending: string;
  onChange(permissions: string[], pending: string): void;
  error?: string;
}

export function PermissionsField({ permissions, pending, onChange, error }: PermissionsFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const [addError, setAddError] = useState<string | null>(null);
  const shownError = addError ?? error;
  const custom = permissions.filter((scope) => !isPresetScope(scope));

  function toggle(scope: string, on: boolean) {
    onChange(on ? [...permissions, scope] : permissions.filter((p) => p !== scope), pending);
  }

  function addPending() {
    const scope = pending.trim();
    if (!scope) return;
    const problem = scopeError(scope);
    setAddError(problem);
    if (problem) return;
    onChange(permissions.includes(scope) ? permissions : [...permissions, scope], '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addPending();
    }
  }

  return (
    <fieldset className={`field${shownError ? ' has-error' : ''}`} aria-describedby={shownError ? errorId : undefined}>
      <legend className="field-label">Permissions</legend>
      <div className="chip-row">
        {PRESET_SCOPES.map((scope) => (
          <label key={scope} className={`chip-toggle${permissions.includes(scope) ? ' is-checked' : ''}`}>
            <input type="checkbox" checked={permissions.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
            <span className="mono">{scope}</span>
          </label>
        ))}
        {custom.map((scope) => (
          <span key={scope} className="chip-toggle is-checked is-custom">
            <span className="mono">{scope}</span>
            <button type="button" className="chip-remove" aria-label={`Remove permission ${scope}`} onClick={() => toggle(scope, false)}>
              <Icon name="close" size={12} />
            </button>
          </span>
        ))}
      </div>
      <div className="add-row">
        <input
          className="input mono"
          aria-label="Other permission"
          placeholder="other scope, e.g. billing:read"
          value={pending}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          onChange={(event) => {
            setAddError(null);
            onChange(permissions, event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={addPending} disabled={!pending.trim()}>
          Add permission
        </button>
      </div>
      {shownError ? (
        <p id={errorId} className="field-error">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}
