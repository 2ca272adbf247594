/**
 * The Use dialog's "An MCP server" half: pick a client's server (any config found), the variable or header, and
 * the form; the key is the one the dialog was opened for. The same preview and change as Connect key on the MCP
 * clients screen (ConnectForm).
 */
import { useEffect, useId, useState } from 'react';
import { MCP_CLIENT_IDS, MCP_CLIENT_NAMES, type McpServerView } from '../../../shared/mcp';
import { ConnectForm } from './ConnectDialog';
import { McpChangeForm } from './McpChangeDialog';
import { SCOPE_LABELS } from './mcpLabels';
import { serverKey, useMcpStore } from './mcpStore';

interface UseInMcpServerProps {
  keyId: string;
  onClose(): void;
  busy: boolean;
  setBusy(busy: boolean): void;
}

/** Where the server's file is, short: `~/.cursor/mcp.json` style paths are main's; here the file's name and folder. */
function describeServer(server: McpServerView): string {
  const where = server.scope === 'user' ? SCOPE_LABELS.user.toLowerCase() : (server.projectPath ?? server.file);
  return `${server.name} (${where})`;
}

export function UseInMcpServer({ keyId, onClose, busy, setBusy }: UseInMcpServerProps) {
  const pickerId = useId();
  const servers = useMcpStore((s) => s.servers);
  const loaded = useMcpStore((s) => s.loaded);
  const loadError = useMcpStore((s) => s.loadError);
  const [picked, setPicked] = useState<string | null>(null);

  // Asked again on each opening: a client's config may have changed since.
  useEffect(() => {
    void useMcpStore.getState().load();
  }, []);

  const server = servers.find((s) => serverKey(s) === picked) ?? servers[0] ?? null;

  if (!server) {
    const said = !loaded ? 'Looking for MCP client configs…' : (loadError ?? 'No MCP server was found in the clients’ configs: the MCP clients screen says where the vault looked.');
    return (
      <McpChangeForm change={null} placeholder={said} applyLabel="Connect" busyLabel="Connecting…" onClose={onClose} describe={() => ''} busy={busy} setBusy={setBusy}>
        <p className="field-hint" role={loadError ? 'alert' : undefined}>
          {said}
        </p>
      </McpChangeForm>
    );
  }

  const picker = (
    <div className="field">
      <label htmlFor={pickerId} className="field-label">
        MCP server
      </label>
      <select id={pickerId} value={serverKey(server)} onChange={(event) => setPicked(event.target.value)} data-autofocus="">
        {MCP_CLIENT_IDS.filter((client) => servers.some((s) => s.client === client)).map((client) => (
          <optgroup key={client} label={MCP_CLIENT_NAMES[client]}>
            {servers
              .filter((s) => s.client === client)
              .map((s) => (
                <option key={serverKey(s)} value={serverKey(s)}>
                  {describeServer(s)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <p className="field-hint use-path" title={server.file}>
        {MCP_CLIENT_NAMES[server.client]} · {server.file}
      </p>
      {/* Asked again on opening and refused: the servers listed are from the last look. */}
      {loadError ? (
        <p className="field-error" role="alert">
          Could not look again, the servers listed are from the last look: {loadError}
        </p>
      ) : null}
    </div>
  );

  return <ConnectForm server={server} slot={null} keyId={keyId} lead={picker} onClose={onClose} busy={busy} setBusy={setBusy} elsewhere />;
}
