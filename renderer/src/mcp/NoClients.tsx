/** No MCP client config found: what this screen is for, and every place the vault looked. */
import type { McpConfigView } from '../../../shared/mcp';
import { Icon } from '../ui/Icon';
import { LookedIn } from './LookedIn';

export function NoClients({ configs }: { configs: McpConfigView[] }) {
  return (
    <div className="empty-state mcp-empty">
      <div className="empty-icon">
        <Icon name="search" size={28} />
      </div>
      <h3>No MCP clients found</h3>
      <p>
        No config file of Claude Desktop, Claude Code, Cursor, VS Code, Windsurf or Zed was found. Once a client has servers configured, they show here
        with the key each one uses.
      </p>
      <LookedIn configs={configs} open />
    </div>
  );
}
