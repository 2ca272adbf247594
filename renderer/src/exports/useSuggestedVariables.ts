/**
 * The variable name each key had in this project last time, or a suggestion (exports.variables); with no project
 * yet, the suggestion alone (the default variable for an MCP key), so the fields are never blank.
 */
import { useEffect, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc-contract';
import { errorMessage, vaultApi } from '../vaultApi';

interface Loaded {
  request: string;
  variables: Record<string, string> | null;
  error: string | null;
}

export function useSuggestedVariables(projectId: string | null, keyIds: string[]): { variables: Record<string, string> | null; error: string | null } {
  const request = keyIds.length === 0 ? '' : JSON.stringify({ projectId, keyIds });
  const [loaded, setLoaded] = useState<Loaded>({ request: '', variables: null, error: null });

  useEffect(() => {
    if (request === '') return;
    let cancelled = false;
    vaultApi()
      .exports.variables(JSON.parse(request) as RequestOf<'exports:variables'>)
      .then(
        (variables) => !cancelled && setLoaded({ request, variables, error: null }),
        (error: unknown) => !cancelled && setLoaded({ request, variables: {}, error: errorMessage(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [request]);

  return loaded.request === request && request !== '' ? loaded : { variables: null, error: null };
}
