/**
 * The .env files a key was written to (exports.forKey), loaded again whenever the vault's key list
 * reloads: a write, rotation or revoke here or in the CLI changes the vault and so the list.
 */
import { useEffect, useState } from 'react';
import type { ExportView } from '../../../shared/exports';
import { useKeysStore } from '../keys/keysStore';
import { errorMessage, vaultApi } from '../vaultApi';

export interface KeyExports {
  /** null until the first answer. */
  exports: ExportView[] | null;
  error: string | null;
}

export function useKeyExports(keyId: string): KeyExports {
  const keys = useKeysStore((s) => s.keys);
  const [state, setState] = useState<KeyExports & { keyId: string }>({ keyId, exports: null, error: null });

  useEffect(() => {
    let cancelled = false;
    vaultApi()
      .exports.forKey({ id: keyId })
      .then(
        (exports) => !cancelled && setState({ keyId, exports, error: null }),
        (error: unknown) => !cancelled && setState((s) => ({ keyId, exports: s.keyId === keyId ? s.exports : null, error: errorMessage(error) })),
      );
    return () => {
      cancelled = true;
    };
  }, [keyId, keys]);

  return state.keyId === keyId ? { exports: state.exports, error: state.error } : { exports: null, error: null };
}

/** "MCP_API_KEY", or "MCP_API_KEY and OPENAI_API_KEY" when the files use different names. */
export function variablesOf(exports: ExportView[]): string {
  const names = [...new Set(exports.map((e) => e.variable))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
