/**
 * Disconnect: the server goes back to its plain form — without the key (it stays in the vault), or, only when the
 * user ticks it, with the key's value written back into the file (main asks once more before writing it).
 */
import { useState } from 'react';
import { MCP_CLIENT_NAMES, type McpChange, type McpServerView, type McpSlot } from '../../../shared/mcp';
import { McpChangeDialog } from './McpChangeDialog';
import { slotLabel } from './mcpLabels';
import { refOf } from './mcpStore';

interface DisconnectDialogProps {
  server: McpServerView;
  slot: McpSlot & { state: 'connected' };
  onClose(): void;
}

export function DisconnectDialog({ server, slot, onClose }: DisconnectDialogProps) {
  const [writeValue, setWriteValue] = useState(false);
  const change: McpChange = { action: 'disconnect', ref: refOf(server, slot), keyId: slot.keyId, ...(writeValue && { writeValue: true }) };

  return (
    <McpChangeDialog
      title={`Disconnect ${slot.keyName} from ${server.name}`}
      subtitle={`${MCP_CLIENT_NAMES[server.client]} · ${slotLabel(slot)}`}
      change={change}
      placeholder={null}
      applyLabel="Disconnect"
      busyLabel="Disconnecting…"
      onClose={onClose}
      describe={() => (writeValue ? `Disconnected ${server.name} and wrote ${slot.name} back into the file` : `Disconnected ${server.name} from ${slot.keyName}`)}
    >
      <p className="mcp-dialog-lead">
        The server goes back to its plain form. <strong>{slot.keyName}</strong> stays in the vault; rotating it no longer reaches this server.
      </p>
      <div className="field">
        <label className="check-field">
          <input type="checkbox" checked={writeValue} onChange={(event) => setWriteValue(event.target.checked)} data-autofocus="" />
          <span>Write the key's value back into the file</span>
        </label>
        {writeValue ? (
          <p className="field-note check-hint" role="alert">
            The file will hold the key in plain text, untracked: anyone who can read the file has it. The vault asks once more before writing it.
          </p>
        ) : (
          <p className="field-hint check-hint">Without it, the server starts with no key until you connect one again.</p>
        )}
      </div>
    </McpChangeDialog>
  );
}
