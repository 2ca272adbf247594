/**
 * The masked before → after of a Use write (exports.preview), asked again — debounced — whenever the
 * request changes or `version` is bumped. Main masks every value: no secret reaches this page.
 */
import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import type { ExportPreview } from '../../../shared/exports';
import type { RequestOf } from '../../../shared/ipc-contract';
import { errorCode, errorField, errorMessage, vaultApi } from '../vaultApi';

type PreviewRequest = RequestOf<'exports:preview'>;

export interface PreviewState {
  /** The latest answer, possibly for an earlier request (then `stale`). */
  preview: ExportPreview | null;
  /** The request the preview or error answers. */
  request: PreviewRequest | null;
  error: { code: ErrorCode | undefined; field: string | undefined; message: string } | null;
  /** True while the shown answer is not for the current request. */
  stale: boolean;
}

export const PREVIEW_DEBOUNCE_MS = 200;

export function useExportPreview(request: PreviewRequest | null, version: number): PreviewState {
  const key = request ? JSON.stringify(request) : null;
  const [answer, setAnswer] = useState<{ key: string; version: number; preview: ExportPreview | null; error: PreviewState['error'] } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      vaultApi()
        .exports.preview(JSON.parse(key) as PreviewRequest)
        .then(
          (preview) => !cancelled && setAnswer({ key, version, preview, error: null }),
          (error: unknown) => !cancelled && setAnswer({ key, version, preview: null, error: { code: errorCode(error), field: errorField(error), message: errorMessage(error) } }),
        );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, version]);

  if (!answer) return { preview: null, request: null, error: null, stale: key !== null };
  return {
    preview: answer.preview,
    request: JSON.parse(answer.key) as PreviewRequest,
    error: answer.error,
    stale: answer.key !== key || answer.version !== version,
  };
}
