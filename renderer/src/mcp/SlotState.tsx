/**
 * A slot's state as a badge, with a warning for every key sitting in plain text. What is shown of a value is the
 * masked fingerprint main sent (`mcp_sk_…ab12`, or ••••), never the value.
 */
import type { ReactNode } from 'react';
import type { McpSlot } from '../../../shared/mcp';
import { Icon } from '../ui/Icon';
import { FORM_LABELS } from './mcpLabels';

type Tone = 'active' | 'expiring' | 'expired' | 'revoked';

function State({ tone, badge, shown, note, danger = false }: { tone: Tone; badge: string; shown?: ReactNode; note?: ReactNode; danger?: boolean }) {
  return (
    <span className="mcp-state">
      <span className={`badge badge-${tone}`}>{badge}</span>
      {shown}
      {note ? (
        <span className={`mcp-state-note${danger ? ' is-danger' : ''}`}>
          {danger ? <Icon name="alert" size={13} /> : null}
          <span>{note}</span>
        </span>
      ) : null}
    </span>
  );
}

const masked = (text: string) => <code className="mono masked">{text}</code>;

export function SlotState({ slot }: { slot: McpSlot }) {
  switch (slot.state) {
    case 'connected':
      return (
        <State
          tone={slot.form === 'header' ? 'expiring' : 'active'}
          badge="Connected"
          shown={
            <span>
              <strong>{slot.keyName}</strong> <span className="muted">· {FORM_LABELS[slot.form]}</span>
            </span>
          }
          note={slot.form === 'header' ? 'The key is written in this file (tracked: rotation rewrites it).' : undefined}
        />
      );
    case 'vault-value':
      return (
        <State
          tone="expired"
          badge="Plaintext key"
          shown={masked(slot.masked)}
          note={
            <>
              A plain copy of vault key <strong>{slot.keyName}</strong>, not tracked: rotation cannot reach it.
            </>
          }
          danger
        />
      );
    case 'plaintext-key':
      return <State tone="expired" badge="Plaintext key" shown={masked(slot.masked)} note="Anyone who can read this file has this key. Import it into the vault." danger />;
    case 'plaintext':
      return <State tone="revoked" badge="Plain value" shown={masked(slot.masked)} />;
    case 'placeholder':
      return <State tone="revoked" badge="Placeholder" shown={<code className="mono">{slot.placeholder}</code>} note="Filled in by the client itself; never replaced by a value." />;
    case 'empty':
      return <State tone="revoked" badge="Empty" />;
  }
}
