/** Keys list toolbar: "Use… (N)" for the ticked keys, and a way to untick them all. */
import { useMemo } from 'react';
import { useUiStore } from '../ui/uiStore';
import { useReadOnlyReason, useKeysStore } from '../keys/keysStore';
import { usePickedKeysStore } from './pickedKeysStore';
import { unusableReason } from './usable';
import { Icon } from '../ui/Icon';
import './exports.css';

export function PickedKeysActions() {
  const picked = usePickedKeysStore((s) => s.ids);
  const clear = usePickedKeysStore((s) => s.clear);
  const keys = useKeysStore((s) => s.keys);
  const now = useKeysStore((s) => s.now);
  const openDialog = useUiStore((s) => s.openDialog);
  const readOnly = useReadOnlyReason();
  // Only keys still in the vault and usable count (one may have been revoked or deleted since it was ticked).
  // Memoized, and skipped when nothing is ticked: the toolbar re-renders on every keystroke in search.
  const ids = useMemo(
    () => (picked.size === 0 ? [] : keys.filter((k) => picked.has(k.id) && unusableReason(k, now) === null).map((k) => k.id)),
    [keys, picked, now],
  );
  if (ids.length === 0) return null;
  return (
    <div className="picked-actions" role="group" aria-label="Chosen keys">
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => openDialog({ kind: 'use', keyId: ids[0]!, keyIds: ids })}
        disabled={readOnly !== null}
        title={readOnly ?? `Write the ${ids.length} chosen ${ids.length === 1 ? 'key' : 'keys'} into a project’s .env file`}
      >
        <Icon name="use" size={14} />
        Use… ({ids.length})
      </button>
      <button type="button" className="button button-small button-ghost picked-clear" onClick={clear}>
        Clear selection
      </button>
    </div>
  );
}
