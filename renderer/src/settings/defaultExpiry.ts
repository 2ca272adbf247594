/** The create form's expiry, preset from the "default expiry" setting. */
import { DAY_MS } from '../../../shared/key-status';
import { todayInputValue, type ExpiryChoice, type KeyFormValues } from '../keys/form/keyForm';
import { useSettingsStore } from './settingsStore';


/** 30 / 90 / 365 days and never are presets; any other number of days is that date. */
export function expiryFromDefault(days: number, now: number = Date.now()): Pick<KeyFormValues, 'expiry' | 'expiryDate'> {
  if (days === 0) return { expiry: 'never', expiryDate: '' };
  if (days === 30 || days === 90 || days === 365) return { expiry: String(days) as ExpiryChoice, expiryDate: '' };
  return { expiry: 'date', expiryDate: todayInputValue(now + days * DAY_MS) };
}

/** A new key's form values with the default expiry applied (the form's own default until settings load). */
export function withDefaultExpiry(values: KeyFormValues): KeyFormValues {
  const days = useSettingsStore.getState().settings?.defaultExpiryDays;
  return days === undefined ? values : { ...values, ...expiryFromDefault(days) };
}
