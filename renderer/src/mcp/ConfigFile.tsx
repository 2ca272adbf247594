/** One config file of a client (or Claude Code's section for one project): where it is, its scope, its servers. */
import type { McpConfigView, McpServerView } from '../../../shared/mcp';
import { Icon } from '../ui/Icon';
import type { McpAction } from './McpActionHost';
import { SCOPE_HINTS, SCOPE_LABELS } from './mcpLabels';
import { ServerItem } from './ServerItem';

interface ConfigFileProps {
  config: McpConfigView;
  servers: McpServerView[];
  onAction(action: McpAction): void;
}

export function ConfigFile({ config, servers, onAction }: ConfigFileProps) {
  return (
    <section className="mcp-config" aria-label={config.scope === 'local' && config.projectPath ? `${config.file} (${config.projectPath})` : config.file}>
      <div className="mcp-config-head">
        <Icon name="file" size={14} />
        <h4 className="mono mcp-config-file" title={config.file}>
          {config.file}
        </h4>
        <span className="chip" title={SCOPE_HINTS[config.scope]}>
          {SCOPE_LABELS[config.scope]}
        </span>
        {config.projectPath && config.scope === 'local' ? (
          <span className="mcp-config-project mono" title={config.projectPath}>
            {config.projectPath}
          </span>
        ) : null}
      </div>
      {config.error ? (
        <p className="project-note is-error mcp-config-error" role="note">
          {config.error}
        </p>
      ) : servers.length === 0 ? (
        <p className="muted mcp-no-servers">No servers configured in this file.</p>
      ) : (
        <ul className="mcp-servers">
          {servers.map((server) => (
            <ServerItem key={server.name} server={server} onAction={onAction} />
          ))}
        </ul>
      )}
    </section>
  );
}
