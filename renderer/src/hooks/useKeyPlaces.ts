/**
 * Where a key went, as main lists it (its .env files, its MCP client servers), loaded again whenever the vault's
 * key list reloads: a write, a change, a rotation or a revoke here or in the CLI changes the vault and so the list.
 */
import { useEffect, useState } from 'react';
import { useKeysStore } from '../keys/keysStore';
import { errorMessage } from '../vaultApi';

export interface KeyPlaces<T> {
  /** null until the first answer. */
  places: T[] | null;
  error: string | null;
}

/** `load` must be the same function from render to render (a module-level one). */
export function useKeyPlaces<T>(keyId: string, load: (keyId: string) => Promise<T[]>): KeyPlaces<T> {
  const keys = useKeysStore((s) => s.keys);
  const [state, setState] = useState<KeyPlaces<T> & { keyId: string }>({ keyId, places: null, error: null });

  useEffect(() => {
    let cancelled = false;
    load(keyId).then(
      (places) => !cancelled && setState({ keyId, places, error: null }),
      (error: unknown) => !cancelled && setState((s) => ({ keyId, places: s.keyId === keyId ? s.places : null, error: errorMessage(error) })),
    );
    return () => {
      cancelled = true;
    };
  }, [keyId, keys, load]);

  return state.keyId === keyId ? { places: state.places, error: state.error } : { places: null, error: null };
}
