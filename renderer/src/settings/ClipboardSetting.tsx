/** How long a copied key stays on the clipboard: 10 s to 5 min, or never cleared. */
import { useId, useState } from 'react';
import { CLIPBOARD_CLEAR_CHOICES, describeClearTime, type ClipboardClearSeconds } from '../../../shared/settings';
import { ChoiceGroup, type Choice } from './ChoiceGroup';
import { SettingRow } from './SettingRow';
import { useSettingSaver } from './useSettingSaver';

const CHOICES: Choice<ClipboardClearSeconds>[] = [
  ...CLIPBOARD_CLEAR_CHOICES.map((seconds) => ({ value: seconds, label: describeClearTime(seconds) })),
  { value: null, label: 'Never' },
];

export function ClipboardSetting({ value }: { value: ClipboardClearSeconds }) {
  const id = useId();
  const { state, save } = useSettingSaver();
  const [pending, setPending] = useState<{ value: ClipboardClearSeconds } | null>(null);
  const shown = pending ? pending.value : value;
  return (
    <SettingRow
      labelId={`${id}-label`}
      hintId={`${id}-hint`}
      errorId={`${id}-error`}
      label="Clear the clipboard after"
      hint="Copied keys are wiped after this long, unless you have copied something else since."
      state={state}
    >
      <ChoiceGroup
        labelId={`${id}-label`}
        hintId={`${id}-hint`}
        errorId={state.kind === 'error' ? `${id}-error` : undefined}
        choices={CHOICES}
        value={shown}
        onChange={async (seconds) => {
          setPending({ value: seconds });
          await save({ clipboardClearSeconds: seconds });
          setPending(null);
        }}
      />
    </SettingRow>
  );
}
