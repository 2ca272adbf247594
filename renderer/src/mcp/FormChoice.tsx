/**
 * How a vault key reaches the server: a stdio server always through the launcher (`mcpkv run` starts it with the
 * key in its environment); a remote one through the local proxy (preferred: no key in the file) or as a header
 * written into the config (tracked, rewritten on rotation, but in plain text).
 */
import { useId } from 'react';
import type { McpConnectionForm } from '../../../shared/mcp';

interface FormChoiceProps {
  remote: boolean;
  value: McpConnectionForm;
  onChange(form: McpConnectionForm): void;
}

export function FormChoice({ remote, value, onChange }: FormChoiceProps) {
  const name = useId();
  if (!remote) {
    return (
      <div className="field">
        <span className="field-label">How the server gets the key</span>
        <p className="field-hint">
          Through the launcher: the client starts <code className="mono">mcpkv run</code>, which reads the key from the OS keychain and starts the server with
          it. No key in the file.
        </p>
      </div>
    );
  }
  const option = (form: McpConnectionForm, title: string, hint: string) => (
    <label className={`mode-option${value === form ? ' is-checked' : ''}`}>
      <input type="radio" name={name} checked={value === form} onChange={() => onChange(form)} />
      <span className="mode-title">{title}</span>
      <span className="mode-hint">{hint}</span>
    </label>
  );
  return (
    <fieldset className="field mode-switch mcp-form-choice">
      <legend className="field-label">How the server gets the key</legend>
      {option('proxy', 'Through the local proxy', 'mcpkv adds the header: no key in the file')}
      {option('header', 'As a header in the file', 'in plain text, rewritten on rotation')}
    </fieldset>
  );
}
