/**
 * Revoke / delete: "Also remove MCP_API_KEY from 2 .env files", or "Also take the key out of 2 .env files and
 * 1 MCP server" — shown only when the key was written to a .env file or connected to an MCP client's server. Main's
 * revoke and delete with `removeFromFiles` do both: the .env lines go, a server started through the vault goes back
 * to its own command without the key, a header holding the key is removed.
 */
import type { ExportView } from '../../../shared/exports';
import { MCP_CLIENT_NAMES, type McpConnectionView } from '../../../shared/mcp';
import { plural } from '../format';
import { FORM_LABELS, slotLabel } from '../mcp/mcpLabels';
import { connectionKey, serverCount } from '../mcp/useKeyConnections';
import { variablesOf } from './useKeyExports';
import './exports.css';

interface RemoveFromFilesFieldProps {
  exports: ExportView[] | null;
  /** The MCP client servers the key is connected to (those main can take it out of). */
  connections: McpConnectionView[] | null;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

/** The option's words: the .env files alone keep their old wording (the variable named); with servers, both counted. */
export function removeFromFilesLabel(exports: readonly ExportView[], connections: readonly McpConnectionView[]): string {
  const files = new Set(exports.map((e) => e.file)).size;
  const envFiles = `${files} .env ${files === 1 ? 'file' : 'files'}`;
  if (connections.length === 0) return `Also remove ${variablesOf([...exports])} from ${envFiles}`;
  const servers = plural(serverCount(connections), 'MCP server');
  return `Also take the key out of ${files ? `${envFiles} and ${servers}` : servers}`;
}

export function RemoveFromFilesField({ exports, connections, checked, onChange, disabled }: RemoveFromFilesFieldProps) {
  const files = exports ?? [];
  const servers = connections ?? [];
  if (files.length === 0 && servers.length === 0) return null;
  return (
    <div className="field remove-from-files">
      <label className="check-field">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} disabled={disabled} />
        <span>{removeFromFilesLabel(files, servers)}</span>
      </label>
      {files.length ? (
        <ul className="remove-from-files-list" aria-label="Files this key was written to">
          {files.map((e) => (
            <li key={`${e.file}\n${e.variable}`} title={e.file}>
              {e.projectName ? `${e.projectName} · ` : ''}
              <span className="mono">{e.fileLabel}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {servers.length ? (
        <ul className="remove-from-files-list" aria-label="MCP servers this key is connected to">
          {servers.map((c) => (
            <li key={connectionKey(c)} title={c.file}>
              {MCP_CLIENT_NAMES[c.client]} · {c.server} · <span className="mono">{slotLabel(c.slot)}</span> <span className="muted">({FORM_LABELS[c.form]})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="field-hint check-hint">
        Only where a file still holds this key; a value changed by hand is left alone.
        {servers.length ? ' A server started through the vault goes back to its own command; a header holding the key is removed.' : null}
      </p>
    </div>
  );
}
