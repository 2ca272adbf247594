/** One credential slot of a server: its name, its state, and what can be done with it. */
import { useRef } from 'react';
import type { McpServerView, McpSlot } from '../../../shared/mcp';
import type { McpAction } from './McpActionHost';
import { slotLabel } from './mcpLabels';
import { refOf, slotKey } from './mcpStore';
import { SlotState } from './SlotState';
import { useFocusRequest } from './useFocusRequest';

interface SlotRowProps {
  server: McpServerView;
  slot: McpSlot;
  onAction(action: McpAction): void;
}

export function SlotRow({ server, slot, onAction }: SlotRowProps) {
  const rowRef = useRef<HTMLTableRowElement>(null);
  useFocusRequest(slotKey(refOf(server, slot)), rowRef);

  const plain = slot.state === 'plaintext-key' || slot.state === 'vault-value' || slot.state === 'plaintext';
  return (
    <tr ref={rowRef} tabIndex={-1} className={`mcp-slot is-${slot.state}`}>
      <th scope="row" className="mono mcp-slot-name">
        {slotLabel(slot)}
      </th>
      <td>
        <SlotState slot={slot} />
      </td>
      <td className="mcp-slot-actions">
        {slot.state === 'connected' ? (
          <button type="button" className="button button-small" onClick={() => onAction({ kind: 'disconnect', server, slot })}>
            Disconnect…
          </button>
        ) : (
          <>
            {plain ? (
              <button
                type="button"
                className={`button button-small${slot.state === 'plaintext' ? '' : ' button-primary'}`}
                onClick={() => onAction({ kind: 'import', server, slot })}
              >
                Import…
              </button>
            ) : null}
            {/* A placeholder is filled in by the client itself: main refuses to connect a key there. */}
            {slot.state === 'placeholder' ? null : (
              <button type="button" className="button button-small" onClick={() => onAction({ kind: 'connect', server, slot })}>
                Connect key…
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
