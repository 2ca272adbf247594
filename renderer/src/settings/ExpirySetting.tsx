/** The expiry of new keys: 30 / 90 / 365 days, never, or any number of days (validated as main does). */
import { useId, useRef, useState } from 'react';
import { EXPIRY_DAYS_MAX, expiresInDaysSchema } from '../../../shared/schemas';
import { ChoiceGroup, type Choice } from './ChoiceGroup';
import { draftKeyHandler } from './draftKeys';
import { SettingRow } from './SettingRow';
import { useSettingSaver } from './useSettingSaver';

type Preset = '30' | '90' | '365' | 'never' | 'custom';

const CHOICES: Choice<Preset>[] = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '365 days' },
  { value: 'never', label: 'Never' },
  { value: 'custom', label: 'Other…' },
];

const PRESET_DAYS: Record<Exclude<Preset, 'custom'>, number> = { '30': 30, '90': 90, '365': 365, never: 0 };

function presetOf(days: number): Preset {
  if (days === 0) return 'never';
  return days === 30 || days === 90 || days === 365 ? (String(days) as Preset) : 'custom';
}

/** The typed number of days, checked with main's schema (custom expiry: at least one day). */
export function parseDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: 'Enter a whole number of days.' };
  const days = Number(trimmed);
  if (days === 0) return { error: 'Enter 1 or more days (or choose Never).' };
  const parsed = expiresInDaysSchema.safeParse(days);
  return parsed.success ? { days: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Invalid number of days.' };
}

export function ExpirySetting({ value }: { value: number }) {
  const id = useId();
  const { state, save, fail, reset } = useSettingSaver();
  // "Other…" chosen but no number saved yet; and what is typed while editing.
  const [customOpen, setCustomOpen] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  // A preset being saved shows as chosen at once.
  const [pending, setPending] = useState<Preset | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const preset = pending ?? (customOpen ? 'custom' : presetOf(value));
  const text = draft ?? (presetOf(value) === 'custom' ? String(value) : '');

  async function choose(choice: Preset) {
    if (choice === 'custom') {
      setCustomOpen(true);
      reset();
      requestAnimationFrame(() => inputRef.current?.focus());
      return;
    }
    setCustomOpen(false);
    setDraft(null);
    setPending(choice);
    await save({ defaultExpiryDays: PRESET_DAYS[choice] });
    setPending(null);
  }

  async function commit() {
    if (draft === null) return;
    const parsed = parseDays(draft);
    if ('error' in parsed) return fail(parsed.error);
    if (parsed.days === value) {
      setDraft(null);
      setCustomOpen(presetOf(value) === 'custom');
      return;
    }
    if (await save({ defaultExpiryDays: parsed.days })) {
      setDraft(null);
      setCustomOpen(presetOf(parsed.days) === 'custom');
    }
  }

  const onKeyDown = draftKeyHandler(draft !== null, commit, () => {
    setDraft(null);
    reset();
  });

  const errorId = `${id}-error`;
  return (
    <SettingRow
      labelId={`${id}-label`}
      hintId={`${id}-hint`}
      errorId={errorId}
      label="Default expiry"
      hint="For new keys when you do not choose, in the app and in mcpkv create."
      state={state}
    >
      <div className="setting-stack">
        <ChoiceGroup labelId={`${id}-label`} hintId={`${id}-hint`} choices={CHOICES} value={preset} onChange={(choice) => void choose(choice)} />
        {preset === 'custom' ? (
          <label className="inline-field setting-days">
            <span>Expire after</span>
            <input
              ref={inputRef}
              className="input setting-days-input"
              inputMode="numeric"
              aria-label="Days until new keys expire"
              value={text}
              maxLength={4}
              aria-invalid={state.kind === 'error' ? true : undefined}
              aria-describedby={state.kind === 'error' ? errorId : `${id}-hint`}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => void commit()}
              onKeyDown={onKeyDown}
            />
            <span>days (1–{EXPIRY_DAYS_MAX.toLocaleString()})</span>
          </label>
        ) : null}
      </div>
    </SettingRow>
  );
}
