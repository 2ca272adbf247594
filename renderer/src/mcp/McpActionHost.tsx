/** The dialog of the action chosen on the MCP clients screen: Import, Connect key or Disconnect, for one server. */
import type { McpServerView, McpSlot } from '../../../shared/mcp';
import { ConnectDialog } from './ConnectDialog';
import { DisconnectDialog } from './DisconnectDialog';
import { ImportDialog } from './ImportDialog';
import { ImportAllDialog } from './ImportAllDialog';

export type McpAction =
  | { kind: 'import'; server: McpServerView; slot: McpSlot }
  /** `slot` null: a new slot, named in the dialog. */
  | { kind: 'connect'; server: McpServerView; slot: McpSlot | null }
  /** Only a connected slot offers Disconnect (SlotRow). */
  | { kind: 'disconnect'; server: McpServerView; slot: McpSlot & { state: 'connected' } }
  | { kind: 'import-all' };

export function McpActionHost({ action, onClose }: { action: McpAction | null; onClose(): void }) {
  if (!action) return null;
  switch (action.kind) {
    case 'import':
      return <ImportDialog server={action.server} slot={action.slot} onClose={onClose} />;
    case 'connect':
      return <ConnectDialog server={action.server} slot={action.slot} onClose={onClose} />;
    case 'disconnect':
      return <DisconnectDialog server={action.server} slot={action.slot} onClose={onClose} />;
    case 'import-all':
      return <ImportAllDialog onClose={onClose} />;
  }
}
