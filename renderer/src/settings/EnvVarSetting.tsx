/**
 * The default variable name: what "Copy as NAME=…" writes and what new .env exports suggest. Checked with
 * main's own rule and saved on Enter or on leaving the field.
 */
import { useId, useState } from 'react';
import { envVarNameSchema } from '../../../shared/schemas';
import { draftKeyHandler } from './draftKeys';
import { SettingRow } from './SettingRow';
import { useSettingSaver } from './useSettingSaver';

function problemWith(name: string): string | null {
  if (name.trim() === '') return 'Enter a variable name, e.g. MCP_API_KEY.';
  const parsed = envVarNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid variable name.');
}

export function EnvVarSetting({ value }: { value: string }) {
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const { state, save, fail, reset } = useSettingSaver();
  // null: not being edited, so a change made elsewhere (the CLI) shows at once.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;

  async function commit() {
    if (draft === null) return;
    const problem = problemWith(draft);
    if (problem) return fail(problem);
    if (draft === value) {
      setDraft(null);
      return reset();
    }
    if (await save({ defaultEnvVar: draft })) setDraft(null);
  }

  const onKeyDown = draftKeyHandler(draft !== null, commit, () => {
    setDraft(null);
    reset();
  });

  const invalid = state.kind === 'error';
  return (
    <SettingRow
      labelId={`${id}-label`}
      hintId={`${id}-hint`}
      htmlFor={inputId}
      errorId={errorId}
      label="Default variable name"
      hint={
        <>
          Used by “Copy as <code>{value}=…</code>” and suggested for new .env files.
        </>
      }
      state={state}
    >
      <input
        id={inputId}
        className="input mono setting-var-input"
        value={text}
        maxLength={128}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${errorId} ${id}-hint` : `${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          // A shown error goes as soon as the name is fine; a new one waits for Enter or leaving the field.
          if (state.kind === 'error' && problemWith(event.target.value) === null) reset();
        }}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
    </SettingRow>
  );
}
