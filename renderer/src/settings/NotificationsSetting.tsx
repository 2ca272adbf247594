/** OS notifications about expiring and expired keys (at most one a day, while the app runs). */
import { useId, useState } from 'react';
import { SettingRow } from './SettingRow';
import { useSettingSaver } from './useSettingSaver';

export function NotificationsSetting({ value }: { value: boolean }) {
  const id = useId();
  const inputId = `${id}-input`;
  const { state, save } = useSettingSaver();
  const [pending, setPending] = useState<boolean | null>(null);
  const checked = pending ?? value;
  return (
    <SettingRow
      labelId={`${id}-label`}
      hintId={`${id}-hint`}
      htmlFor={inputId}
      errorId={`${id}-error`}
      label="Expiry notifications"
      hint="At most once a day while the app runs, for keys expiring within 14 days or expired."
      state={state}
    >
      <span className={`switch${checked ? ' is-on' : ''}`}>
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={async (event) => {
            const on = event.target.checked;
            setPending(on);
            await save({ notifications: on });
            setPending(null);
          }}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text" aria-hidden="true">
          {checked ? 'On' : 'Off'}
        </span>
      </span>
    </SettingRow>
  );
}
