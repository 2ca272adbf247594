/**
 * Key detail, under its .env files: the MCP client servers the key is connected to (mcp:forKey) — client, server,
 * slot and how the key gets there. Loaded again whenever the vault's keys reload.
 */
import { MCP_CLIENT_NAMES } from '../../../shared/mcp';
import { describeLastUsed, formatDateTime } from '../format';
import { useKeysStore } from '../keys/keysStore';
import { UsedInItem } from '../exports/UsedInItem';
import { FORM_LABELS, slotLabel } from './mcpLabels';
import { connectionKey, useKeyConnections } from './useKeyConnections';
import './mcp.css';

export function McpUsedIn({ keyId }: { keyId: string }) {
  const { places: connections, error } = useKeyConnections(keyId);
  const now = useKeysStore((s) => s.now);

  if (error && !connections) return <p className="field-error">{error}</p>;
  if (!connections || connections.length === 0) return null;
  return (
    <>
      <h4 className="used-in-subhead">MCP servers</h4>
      <ul className="used-in-list" aria-label="MCP servers">
        {connections.map((c) => (
          <UsedInItem
            key={connectionKey(c)}
            icon="key"
            file={c.file}
            where={
              <>
                <strong>{MCP_CLIENT_NAMES[c.client]}</strong>
                <span>{c.server}</span>
              </>
            }
          >
            <code className="mono">{slotLabel(c.slot)}</code>
            <span aria-hidden="true"> · </span>
            <span>{FORM_LABELS[c.form]}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={c.at} title={formatDateTime(c.at)}>
              connected {describeLastUsed(c.at, now)}
            </time>
          </UsedInItem>
        ))}
      </ul>
    </>
  );
}
