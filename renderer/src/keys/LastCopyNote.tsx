/**
 * Revoke and delete: when the key's value would be left nowhere (no .env file keeps it), the vault's main process
 * asks once more in a system dialog of its own, which a misbehaving page cannot answer. This says so beforehand,
 * so the second question is expected. Main decides by what the files really hold; this is the same rule on what
 * the page knows (the recorded files).
 */
import type { ExportView } from '../../../shared/exports';
import type { KeyView } from '../../../shared/types';

export function destroysLastCopy(keyView: KeyView, exports: ExportView[] | null, removeFromFiles: boolean): boolean {
  return keyView.status !== 'revoked' && (removeFromFiles || exports === null || exports.length === 0);
}

export function LastCopyNote({ show }: { show: boolean }) {
  if (!show) return null;
  return <p className="field-hint">This removes the last copy of the key's value: the vault asks you to confirm once more, in a system dialog.</p>;
}
