/**
 * The masked before → after of a Use write (exports.preview), asked again — debounced — whenever the
 * request changes or `version` is bumped. Main masks every value: no secret reaches this page.
 */
import type { ExportPreview } from '../../../shared/exports';
import type { RequestOf } from '../../../shared/ipc-contract';
import { useDebouncedPreview, type DebouncedPreview } from '../hooks/useDebouncedPreview';
import { vaultApi } from '../vaultApi';

type PreviewRequest = RequestOf<'exports:preview'>;

export type PreviewState = DebouncedPreview<PreviewRequest, ExportPreview>;

const loadPreview = (request: PreviewRequest) => vaultApi().exports.preview(request);

export function useExportPreview(request: PreviewRequest | null, version: number): PreviewState {
  return useDebouncedPreview(loadPreview, request, version);
}
