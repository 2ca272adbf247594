/** The places the vault looked for client configs and found nothing: the documented location of each client. */
import { MCP_CLIENT_NAMES, type McpConfigView } from '../../../shared/mcp';

export function LookedIn({ configs, open = false }: { configs: McpConfigView[]; open?: boolean }) {
  const missing = configs.filter((c) => !c.exists && !c.error);
  if (missing.length === 0) return null;
  return (
    <details className="mcp-looked" open={open}>
      <summary>Where the vault looked and found no file ({missing.length})</summary>
      <ul>
        {missing.map((c) => (
          <li key={c.id}>
            <span className="mcp-looked-client">{MCP_CLIENT_NAMES[c.client]}</span> <span className="mono">{c.file}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
