/** Key detail: the .env files this key was written to and the MCP servers it is connected to, kept current as the vault changes. */
import { describeLastUsed, formatDateTime } from '../format';
import { useKeysStore } from '../keys/keysStore';
import { McpUsedIn } from '../mcp/McpUsedIn';
import { UsedInItem } from './UsedInItem';
import { useKeyExports } from './useKeyExports';
import './exports.css';

export function UsedIn({ keyId, revoked }: { keyId: string; revoked: boolean }) {
  const { exports, error } = useKeyExports(keyId);
  const now = useKeysStore((s) => s.now);

  let body;
  if (error && !exports) body = <p className="field-error">{error}</p>;
  else if (!exports) body = <p className="muted">Loading…</p>;
  else if (exports.length === 0) body = <p className="muted">Not written to any .env file yet.</p>;
  else {
    body = (
      <>
        {revoked ? <p className="muted">Revoked: these files are no longer kept up to date.</p> : null}
        <ul className="used-in-list">
          {exports.map((e) => (
            <UsedInItem
              key={`${e.file}\n${e.variable}`}
              icon="file"
              file={e.file}
              where={
                <>
                  {e.projectName ? <strong>{e.projectName}</strong> : null}
                  <span className="mono">{e.fileLabel}</span>
                </>
              }
            >
              <code className="mono">{e.variable}</code>
              <span aria-hidden="true"> · </span>
              <time dateTime={e.at} title={formatDateTime(e.at)}>
                written {describeLastUsed(e.at, now)}
              </time>
            </UsedInItem>
          ))}
        </ul>
      </>
    );
  }

  return (
    <section className="detail-section" aria-labelledby="detail-used-in">
      <h3 id="detail-used-in">Used in</h3>
      {body}
      <McpUsedIn keyId={keyId} />
    </section>
  );
}
