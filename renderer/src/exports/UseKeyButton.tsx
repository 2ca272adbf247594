/** Key detail's "Use…": opens the Use dialog for this key (off, saying why, for a key that cannot be written). */
import type { KeyView } from '../../../shared/types';
import { useUiStore } from '../ui/uiStore';
import { useReadOnlyReason, useKeysStore } from '../keys/keysStore';
import { unusableReason } from './usable';
import { Icon } from '../ui/Icon';

export function UseKeyButton({ keyView }: { keyView: KeyView }) {
  const openDialog = useUiStore((s) => s.openDialog);
  const now = useKeysStore((s) => s.now);
  const disabled = useReadOnlyReason() ?? unusableReason(keyView, now);
  return (
    <button
      type="button"
      className="button button-small button-primary"
      onClick={() => openDialog({ kind: 'use', keyId: keyView.id, keyIds: [keyView.id] })}
      disabled={disabled !== null}
      title={disabled ?? 'Write this key into a project’s .env file'}
    >
      <Icon name="use" size={14} />
      Use…
    </button>
  );
}
