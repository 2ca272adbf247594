/**
 * The chosen keys, each with the variable it is written as. Keys that cannot be used (revoked, expired)
 * are listed with the reason and left out of the write.
 */
import { maskKey } from '../../../shared/key-format';
import type { KeyView } from '../../../shared/types';
import { FormError } from '../ui/DialogParts';

export interface ChosenKey {
  key: KeyView;
  /** Why it cannot be written, or null. */
  unusable: string | null;
  variable: string;
  error: string | undefined;
}

interface KeyVariablesProps {
  chosen: ChosenKey[];
  /** The variable names are not known yet (no project chosen, or its suggestions on their way): no typing yet. */
  loading: boolean;
  onChange(keyId: string, variable: string): void;
  /** An error about the keys as a whole (from main: a key became inactive, its value is missing). */
  error: string | null;
}

export function KeyVariables({ chosen, loading, onChange, error }: KeyVariablesProps) {
  return (
    <fieldset className="field use-keys">
      <legend className="field-label">{chosen.length === 1 ? 'Key and variable name' : 'Keys and variable names'}</legend>
      <ul className="use-key-list">
        {chosen.map(({ key, unusable, variable, error: fieldError }) => {
          const errorId = `use-var-error-${key.id}`;
          return (
            <li key={key.id} className={`use-key${unusable ? ' is-unusable' : ''}`}>
              <div className="use-key-name">
                <span className="use-key-title">{key.name}</span>
                <code className="mono masked">{maskKey(key)}</code>
              </div>
              {unusable ? (
                <p className="use-key-reason">{unusable}</p>
              ) : (
                <div className="use-key-variable">
                  <span className="use-arrow" aria-hidden="true">
                    →
                  </span>
                  <input
                    className="input mono"
                    aria-label={`Variable for ${key.name}`}
                    value={variable}
                    placeholder={loading ? '' : 'MCP_API_KEY'}
                    readOnly={loading}
                    onChange={(event) => onChange(key.id, event.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={fieldError ? errorId : undefined}
                  />
                  {fieldError ? (
                    <p id={errorId} className="field-error">
                      {fieldError}
                    </p>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </fieldset>
  );
}
