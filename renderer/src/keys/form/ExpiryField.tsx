/** Expiry presets (30 / 90 / 365 days, never, a date) and, when editing, "keep as it is". */
import { useId } from 'react';
import { describeExpiry } from '../../../../shared/key-status';
import { todayInputValue, type ExpiryChoice } from './keyForm';

interface ExpiryFieldProps {
  choice: ExpiryChoice;
  date: string;
  onChange(choice: ExpiryChoice, date: string): void;
  error?: string;
  /** When editing: the key's current expiry, offered as "keep". */
  current?: { expiresAt: string | null; now: number };
}

const PRESETS: { value: ExpiryChoice; label: string }[] = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '365 days' },
  { value: 'never', label: 'Never' },
  { value: 'date', label: 'On a date' },
];

export function ExpiryField({ choice, date, onChange, error, current }: ExpiryFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const options = current
    ? [{ value: 'keep' as const, label: `Keep (${current.expiresAt === null ? 'never' : describeExpiry(current.expiresAt, current.now)})` }, ...PRESETS]
    : PRESETS;
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">Expires</legend>
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.value} className={`choice${choice === option.value ? ' is-checked' : ''}`}>
            <input type="radio" name={`${id}-expiry`} value={option.value} checked={choice === option.value} onChange={() => onChange(option.value, date)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {choice === 'date' ? (
        <label className="inline-field">
          <span>Expiry date</span>
          <input
            type="date"
            className="input input-date"
            value={date}
            min={todayInputValue()}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => onChange('date', event.target.value)}
          />
        </label>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
