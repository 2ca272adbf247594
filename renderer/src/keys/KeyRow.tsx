/** One row of the key list: a grid row whose cells name the key, its masked value and its state. */
import { memo, type CSSProperties } from 'react';
import { maskKey } from '../../../shared/key-format';
import { displayStatus } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';
import { describeExpiryCell, describeLastUsed } from '../format';
import { StatusBadge } from './StatusBadge';

interface KeyRowProps {
  keyView: KeyView;
  index: number;
  now: number;
  selected: boolean;
  tabbable: boolean;
  style: CSSProperties;
  onOpen(index: number, id: string): void;
  onFocusRow(index: number): void;
}

export const ROW_HEIGHT = 48;

export const KeyRow = memo(function KeyRow({ keyView: key, index, now, selected, tabbable, style, onOpen, onFocusRow }: KeyRowProps) {
  const status = displayStatus(key, now);
  const subtitle = key.description || key.owner;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-key-id={key.id}
      tabIndex={tabbable ? 0 : -1}
      className={`key-row${selected ? ' is-selected' : ''}${status === 'revoked' ? ' is-revoked' : ''}`}
      style={style}
      onClick={() => onOpen(index, key.id)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="gridcell" className="cell cell-name">
        <span className="key-name">{key.name}</span>
        {subtitle ? <span className="key-subtitle">{subtitle}</span> : null}
      </div>
      <div role="gridcell" className="cell cell-key">
        <code className="mono masked">{maskKey(key)}</code>
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusBadge status={status} />
      </div>
      <div role="gridcell" className="cell cell-expiry">
        {status === 'revoked' ? 'revoked' : describeExpiryCell(key.expiresAt, now)}
      </div>
      <div role="gridcell" className="cell cell-permissions">
        {key.permissions.length ? key.permissions.join(', ') : <span className="muted">no permissions</span>}
      </div>
      <div role="gridcell" className="cell cell-used">
        {key.lastUsedAt === null ? <span className="muted">never</span> : describeLastUsed(key.lastUsedAt, now)}
      </div>
    </div>
  );
});
