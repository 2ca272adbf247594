/** The Use dialog's first choice: write into a project's .env file, or connect the key to an MCP client's server. */
import { useId } from 'react';

export type UseTarget = 'env' | 'mcp';

interface UseTargetChoiceProps {
  value: UseTarget;
  onChange(target: UseTarget): void;
  /** Why the MCP server target cannot be chosen (several keys), or null. */
  mcpUnavailable: string | null;
  disabled: boolean;
}

export function UseTargetChoice({ value, onChange, mcpUnavailable, disabled }: UseTargetChoiceProps) {
  const name = useId();
  const option = (target: UseTarget, title: string, hint: string, unavailable: string | null) => (
    <label className={`mode-option${value === target ? ' is-checked' : ''}${unavailable ? ' is-disabled' : ''}`} title={unavailable ?? undefined}>
      <input type="radio" name={name} checked={value === target} onChange={() => onChange(target)} disabled={disabled || unavailable !== null} />
      <span className="mode-title">{title}</span>
      <span className="mode-hint">{unavailable ?? hint}</span>
    </label>
  );
  return (
    <fieldset className="mode-switch use-target">
      <legend className="visually-hidden">Use the key in</legend>
      {option('env', "A project's .env file", 'the value written into the file', null)}
      {option('mcp', 'An MCP server', 'Claude, Cursor, VS Code, Windsurf, Zed…', mcpUnavailable)}
    </fieldset>
  );
}
