/** One MCP client: the config files of it that were found (user scope, then the projects'), each with its servers. */
import { useId } from 'react';
import { MCP_CLIENT_NAMES, type McpClientId, type McpConfigView, type McpServerView } from '../../../shared/mcp';
import { plural } from '../format';
import { ConfigFile } from './ConfigFile';
import type { McpAction } from './McpActionHost';
import { holdsPlaintextKey } from '../../../shared/mcp';

interface ClientSectionProps {
  client: McpClientId;
  configs: McpConfigView[];
  servers: McpServerView[];
  onAction(action: McpAction): void;
}

export function ClientSection({ client, configs, servers, onAction }: ClientSectionProps) {
  const titleId = useId();
  const plaintext = servers.reduce((n, s) => n + s.slots.filter(holdsPlaintextKey).length, 0);
  return (
    <article className="project-card mcp-client" aria-labelledby={titleId}>
      <header className="mcp-client-head">
        <h3 id={titleId}>{MCP_CLIENT_NAMES[client]}</h3>
        <span className="muted">
          {plural(configs.length, 'file')} · {plural(servers.length, 'server')}
        </span>
        {plaintext > 0 ? <span className="badge badge-expired">{plural(plaintext, 'plaintext key')}</span> : null}
      </header>
      {configs.map((config) => (
        <ConfigFile key={config.id} config={config} servers={servers.filter((s) => s.configId === config.id)} onAction={onAction} />
      ))}
    </article>
  );
}
