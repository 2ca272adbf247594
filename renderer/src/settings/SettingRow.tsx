/** One setting: its name and what it does on the left, the control and its save state on the right. */
import type { ReactNode } from 'react';
import { Icon } from '../ui/Icon';
import type { SaveState } from './useSettingSaver';

interface SettingRowProps {
  /** The id of the element naming the setting (a <label> or a heading the control points at). */
  labelId: string;
  hintId: string;
  label: ReactNode;
  hint: ReactNode;
  /** Render the name as a <label for={htmlFor}> (text inputs); else as a plain element the control points at. */
  htmlFor?: string;
  state?: SaveState;
  errorId?: string;
  children: ReactNode;
}

export function SaveNote({ state }: { state: SaveState }) {
  return (
    <span className={`save-note save-note-${state.kind}`} role="status">
      {state.kind === 'saved' ? (
        <>
          <Icon name="check" size={13} /> Saved
        </>
      ) : state.kind === 'saving' ? (
        'Saving…'
      ) : null}
    </span>
  );
}

export function SettingRow({ labelId, hintId, label, hint, htmlFor, state, errorId, children }: SettingRowProps) {
  return (
    <div className="setting-row" role="group" aria-labelledby={labelId}>
      <div className="setting-text">
        {htmlFor ? (
          <label id={labelId} htmlFor={htmlFor} className="setting-label">
            {label}
          </label>
        ) : (
          <span id={labelId} className="setting-label">
            {label}
          </span>
        )}
        <p id={hintId} className="setting-hint">
          {hint}
        </p>
      </div>
      <div className="setting-control">
        <div className="setting-control-line">
          {children}
          {state ? <SaveNote state={state} /> : null}
        </div>
        {state?.kind === 'error' ? (
          <p id={errorId} className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
