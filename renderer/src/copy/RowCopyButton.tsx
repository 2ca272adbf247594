/**
 * Copy from the keys list: a small button in the row's key cell ("Copy <name>"), and Ctrl/⌘+C on a focused
 * row. The button is left out of the Tab order (the grid has one tab stop; rows move by arrows) — the
 * shortcut is its keyboard way.
 */
import { useCallback, type KeyboardEvent } from 'react';
import type { DisplayStatus } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';
import { MISSING_VALUE, MOD_LABEL } from '../format';
import { useCopyKey } from '../keys/useCopyKey';
import { useUiStore } from '../ui/uiStore';
import { useReadOnlyReason } from '../keys/keysStore';
import { Icon } from '../ui/Icon';
import './copy.css';

/** Why this row's key cannot be copied, or null. */
function useCopyBlocked(status: DisplayStatus): string | null {
  const readOnly = useReadOnlyReason();
  if (readOnly) return readOnly;
  if (status === 'revoked') return 'A revoked key cannot be copied.';
  if (status === 'expired') return 'An expired key cannot be copied: rotate it or change its expiry.';
  if (status === 'missing') return MISSING_VALUE;
  return null;
}

export function RowCopyButton({ keyView, status }: { keyView: KeyView; status: DisplayStatus }) {
  const copy = useCopyKey();
  const blocked = useCopyBlocked(status);
  return (
    <button
      type="button"
      className="icon-button row-copy"
      tabIndex={-1}
      aria-label={`Copy ${keyView.name}`}
      title={blocked ?? `Copy the key (${MOD_LABEL}+C on the row)`}
      disabled={blocked !== null}
      onClick={(event) => {
        // Copying is not opening: the row's click (select) stays out of it.
        event.stopPropagation();
        void copy(keyView.id);
      }}
    >
      <Icon name="copy" size={14} />
    </button>
  );
}

/** The row's Ctrl/⌘+C: copies its key (when the row itself has focus, not a field inside it). */
export function useRowCopyShortcut(keyView: KeyView, status: DisplayStatus): (event: KeyboardEvent<HTMLElement>) => void {
  const copy = useCopyKey();
  const toastError = useUiStore((s) => s.toastError);
  const blocked = useCopyBlocked(status);
  const id = keyView.id;
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'c' || event.target !== event.currentTarget) return;
      event.preventDefault();
      if (blocked !== null) toastError(blocked);
      else void copy(id);
    },
    [blocked, copy, id, toastError],
  );
}
