/**
 * Revoke and delete: when the key's value would be left nowhere (no .env file keeps it, nor an MCP client's header
 * written with it), the vault's main process asks once more in a system dialog of its own, which a misbehaving page
 * cannot answer. This says so beforehand, so the second question is expected. Main decides by what the files really
 * hold; this is the same rule on what the page knows (the recorded files and connections; a launcher or proxy holds
 * no copy).
 */
import type { ExportView } from '../../../shared/exports';
import type { McpConnectionView } from '../../../shared/mcp';
import type { KeyView } from '../../../shared/types';

export function destroysLastCopy(keyView: KeyView, exports: ExportView[] | null, connections: McpConnectionView[] | null, removeFromFiles: boolean): boolean {
  if (keyView.status === 'revoked') return false;
  const headers = connections?.some((c) => c.form === 'header') ?? false;
  return removeFromFiles || exports === null || (exports.length === 0 && !headers);
}

export function LastCopyNote({ show }: { show: boolean }) {
  if (!show) return null;
  return <p className="field-hint">This removes the last copy of the key's value: the vault asks you to confirm once more, in a system dialog.</p>;
}
