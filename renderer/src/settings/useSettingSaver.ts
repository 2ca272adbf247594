/** Saving one setting: the change goes to main at once; the row says "Saved" quietly, or the error in words. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsUpdate } from '../../../shared/settings';
import { useSettingsStore } from './settingsStore';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const SAVED_SHOWN_MS = 2_500;

export function useSettingSaver(): { state: SaveState; save(change: SettingsUpdate): Promise<boolean>; fail(message: string): void; reset(): void } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const serial = useRef(0);

  // "Saved" fades after a moment; errors stay until the next change.
  useEffect(() => {
    if (state.kind !== 'saved') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const save = useCallback(async (change: SettingsUpdate) => {
    const id = ++serial.current;
    setState({ kind: 'saving' });
    const error = await useSettingsStore.getState().update(change);
    if (id === serial.current) setState(error === null ? { kind: 'saved' } : { kind: 'error', message: error });
    return error === null;
  }, []);

  const fail = useCallback((message: string) => {
    serial.current++;
    setState({ kind: 'error', message });
  }, []);

  const reset = useCallback(() => {
    serial.current++;
    setState({ kind: 'idle' });
  }, []);

  return { state, save, fail, reset };
}
