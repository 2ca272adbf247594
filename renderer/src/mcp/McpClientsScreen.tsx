/**
 * The MCP clients screen: every client's config files, their servers and each server's key slots with its state —
 * connected to a vault key, a plaintext key (with a warning), a plain value, a placeholder or empty — and Import,
 * Connect key and Disconnect, each previewed (values masked) before it is made. Main reads and writes the files;
 * no value reaches this page.
 */
import { useEffect, useState } from 'react';
import { MCP_CLIENT_IDS } from '../../../shared/mcp';
import { useKeysStore } from '../keys/keysStore';
import { ClientSection } from './ClientSection';
import { LookedIn } from './LookedIn';
import { McpActionHost, type McpAction } from './McpActionHost';
import { plaintextKeySlots, useMcpStore } from './mcpStore';
import { NoClients } from './NoClients';
import { PlaintextSummary } from './PlaintextSummary';
import '../projects/projects.css';
import './mcp.css';

export function McpClientsScreen() {
  const configs = useMcpStore((s) => s.configs);
  const servers = useMcpStore((s) => s.servers);
  const loaded = useMcpStore((s) => s.loaded);
  const loading = useMcpStore((s) => s.loading);
  const loadError = useMcpStore((s) => s.loadError);
  const load = useMcpStore((s) => s.load);
  const keys = useKeysStore((s) => s.keys);
  const [action, setAction] = useState<McpAction | null>(null);

  // Asked again whenever the vault's keys reload: a change here or in the CLI moves slot states and key names.
  useEffect(() => {
    void load();
  }, [load, keys]);

  const found = configs.filter((c) => c.exists || c.error);
  const clients = MCP_CLIENT_IDS.filter((client) => found.some((c) => c.client === client));
  const plaintext = plaintextKeySlots(servers).length;

  let body;
  if (!loaded) body = <p className="loading">Looking for MCP client configs…</p>;
  else if (loadError && found.length === 0) {
    body = (
      <div className="empty-state" role="alert">
        <h3>The client configs could not be read</h3>
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  } else if (clients.length === 0) body = <NoClients configs={configs} />;
  else {
    body = (
      <>
        {/* A refresh that failed while the last list is shown: that list may be out of date, and says so. */}
        {loadError ? (
          <p className="form-error" role="alert">
            Could not look again, the list below is from the last look: {loadError}
          </p>
        ) : null}
        <PlaintextSummary count={plaintext} onImportAll={() => setAction({ kind: 'import-all' })} />
        <div className="project-list">
          {clients.map((client) => (
            <ClientSection
              key={client}
              client={client}
              configs={found.filter((c) => c.client === client)}
              servers={servers.filter((s) => s.client === client)}
              onAction={setAction}
            />
          ))}
        </div>
        <LookedIn configs={configs} />
      </>
    );
  }

  return (
    <section className="screen projects-screen mcp-screen" aria-labelledby="mcp-title">
      <header className="projects-header">
        <div>
          <h2 id="mcp-title">MCP clients</h2>
          <p className="projects-lead">
            The servers configured in Claude Desktop, Claude Code, Cursor, VS Code, Windsurf and Zed, and the key each one uses. Values are never shown here.
          </p>
        </div>
        <button type="button" className="button" onClick={() => void load()} aria-busy={loading} title="Look again for client configs">
          {loading ? 'Looking…' : 'Refresh'}
        </button>
      </header>
      {body}
      <McpActionHost action={action} onClose={() => setAction(null)} />
    </section>
  );
}
