/**
 * The .env files a key was written to (exports.forKey), loaded again whenever the vault's key list
 * reloads: a write, rotation or revoke here or in the CLI changes the vault and so the list.
 */
import type { ExportView } from '../../../shared/exports';
import { useKeyPlaces } from '../hooks/useKeyPlaces';
import { vaultApi } from '../vaultApi';

export interface KeyExports {
  /** null until the first answer. */
  exports: ExportView[] | null;
  error: string | null;
}

const loadExports = (id: string) => vaultApi().exports.forKey({ id });

export function useKeyExports(keyId: string): KeyExports {
  const { places, error } = useKeyPlaces(keyId, loadExports);
  return { exports: places, error };
}

/** "MCP_API_KEY", or "MCP_API_KEY and OPENAI_API_KEY" when the files use different names. */
export function variablesOf(exports: ExportView[]): string {
  const names = [...new Set(exports.map((e) => e.variable))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
