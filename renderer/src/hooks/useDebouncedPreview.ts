/**
 * A preview main computes for a request (the masked before → after of a write), asked again — debounced —
 * whenever the request changes or `version` is bumped. The answer shown may be for an earlier request: then
 * `stale` is true. Used by the Use dialog (exports:preview) and the MCP clients' changes (mcp:preview).
 */
import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { errorCode, errorField, errorMessage } from '../vaultApi';

export interface PreviewError {
  code: ErrorCode | undefined;
  field: string | undefined;
  message: string;
}

export interface DebouncedPreview<Request, Preview> {
  /** The latest answer, possibly for an earlier request (then `stale`). */
  preview: Preview | null;
  /** The request the preview or error answers. */
  request: Request | null;
  error: PreviewError | null;
  /** True while the shown answer is not for the current request. */
  stale: boolean;
}

export const PREVIEW_DEBOUNCE_MS = 200;

/** `load` must be the same function from render to render (a module-level one): a new one asks again. */
export function useDebouncedPreview<Request, Preview>(
  load: (request: Request) => Promise<Preview>,
  request: Request | null,
  version = 0,
): DebouncedPreview<Request, Preview> {
  const key = request ? JSON.stringify(request) : null;
  const [answer, setAnswer] = useState<{ key: string; version: number; preview: Preview | null; error: PreviewError | null } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      load(JSON.parse(key) as Request)
        .then(
          (preview) => !cancelled && setAnswer({ key, version, preview, error: null }),
          (error: unknown) => !cancelled && setAnswer({ key, version, preview: null, error: { code: errorCode(error), field: errorField(error), message: errorMessage(error) } }),
        );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, version, load]);

  if (!answer) return { preview: null, request: null, error: null, stale: key !== null };
  return {
    preview: answer.preview,
    request: JSON.parse(answer.key) as Request,
    error: answer.error,
    stale: answer.key !== key || answer.version !== version,
  };
}
