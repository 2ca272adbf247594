/**
 * One configured server: its name, transport and how it is started (the original command under the launcher, any
 * key-like argument masked by main) or reached, and its credential slots.
 */
import { useId, useRef } from 'react';
import type { McpServerView } from '../../../shared/mcp';
import type { McpAction } from './McpActionHost';
import { SERVER_FORM_LABELS } from './mcpLabels';
import { refOf, serverKey, slotKey } from './mcpStore';
import { SlotRow } from './SlotRow';
import { useFocusRequest } from './useFocusRequest';

export function ServerItem({ server, onAction }: { server: McpServerView; onAction(action: McpAction): void }) {
  const titleId = useId();
  // After a disconnect took the slot away, focus comes back to the server's own action.
  const headRef = useRef<HTMLDivElement>(null);
  useFocusRequest(serverKey(server), headRef);
  const how = server.transport === 'stdio' ? [server.command ?? '', ...server.args].join(' ').trim() : (server.url ?? '');
  const formLabel = SERVER_FORM_LABELS[server.form];
  return (
    <li className="mcp-server" aria-labelledby={titleId}>
      <div className="mcp-server-head" ref={headRef}>
        <div className="mcp-server-title">
          <h5 id={titleId}>{server.name}</h5>
          <span className="chip">{server.transport}</span>
          {formLabel ? <span className="mcp-server-form">{formLabel}</span> : null}
        </div>
        <button type="button" className="button button-small button-ghost" onClick={() => onAction({ kind: 'connect', server, slot: null })}>
          Add a key…
        </button>
      </div>
      {how ? (
        <p className="mcp-server-command mono" title={how}>
          {how}
        </p>
      ) : null}
      {server.slots.length === 0 ? (
        <p className="muted mcp-no-slots">No key in this server’s {server.transport === 'stdio' ? 'environment' : 'headers'}.</p>
      ) : (
        <table className="project-files mcp-slots" aria-label={`Keys of ${server.name}`}>
          <thead>
            <tr>
              <th scope="col">{server.transport === 'stdio' ? 'Variable' : 'Header'}</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {server.slots.map((slot) => (
              <SlotRow key={slotKey(refOf(server, slot))} server={server} slot={slot} onAction={onAction} />
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
