/** A row of radio chips (a radiogroup named by the setting's label), as the key form's expiry presets look. */
import { useId } from 'react';

export interface Choice<T> {
  value: T;
  label: string;
}

interface ChoiceGroupProps<T> {
  labelId: string;
  hintId: string;
  errorId?: string;
  choices: readonly Choice<T>[];
  /** The checked choice's value; undefined: none is checked. */
  value: T | undefined;
  onChange(value: T): void;
  disabled?: boolean;
}

export function ChoiceGroup<T extends string | number | null>({ labelId, hintId, errorId, choices, value, onChange, disabled }: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelId} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')} className="choice-row">
      {choices.map((choice) => {
        const checked = choice.value === value;
        return (
          <label key={String(choice.value)} className={`choice${checked ? ' is-checked' : ''}`}>
            <input type="radio" name={name} checked={checked} disabled={disabled} onChange={() => onChange(choice.value)} />
            <span>{choice.label}</span>
          </label>
        );
      })}
    </div>
  );
}
