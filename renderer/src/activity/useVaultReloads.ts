/**
 * Calls back each time the key list is reloaded or changed here — which is what `vault:changed` (a change
 * made elsewhere, e.g. by the CLI) leads to. Riding on the keys store's reloads instead of subscribing to
 * `vault:changed` again keeps one event subscription for the whole app.
 */
import { useEffect, useRef } from 'react';
import { useKeysStore } from '../keys/keysStore';

export function useVaultReloads(onReload: () => void): void {
  const callback = useRef(onReload);
  useEffect(() => {
    callback.current = onReload;
  });
  useEffect(
    () =>
      useKeysStore.subscribe((state, previous) => {
        if (state.keys !== previous.keys) callback.current();
      }),
    [],
  );
}
