/** One row of the key list: a grid row whose cells name the key, its masked value and its state. */
import { memo, type CSSProperties } from 'react';
import { displayStatus } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';
import { describeExpiry } from '../../../shared/key-status';
import { describeLastUsed } from '../format';
import { RowCopyButton, useRowCopyShortcut } from '../copy/RowCopyButton';
import { PickCheckbox } from '../exports/PickCheckbox';
import { unusableReason } from '../exports/usable';
import { MaskedKey } from './MaskedKey';
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
  /** Ticked for "Use… (N)". */
  picked: boolean;
  /** Tick or untick; `range` (Shift) ticks every key from the last one ticked. */
  onPick(index: number, id: string, range: boolean): void;
}

export const ROW_HEIGHT = 48;

export const KeyRow = memo(function KeyRow({ keyView: key, index, now, selected, tabbable, style, onOpen, onFocusRow, picked, onPick }: KeyRowProps) {
  const status = displayStatus(key, now);
  const subtitle = key.description || key.owner;
  const copyShortcut = useRowCopyShortcut(key, status);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-key-id={key.id}
      tabIndex={tabbable ? 0 : -1}
      className={`key-row${selected ? ' is-selected' : ''}${status === 'revoked' ? ' is-revoked' : ''}${picked ? ' is-picked' : ''}`}
      style={style}
      onMouseDown={(event) => {
        // Shift-click would otherwise also select the page's text from the last click to this one.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => {
        // Ctrl/Cmd-click ticks the key, Shift-click a range; a plain click opens it.
        if (event.ctrlKey || event.metaKey || event.shiftKey) {
          if (unusableReason(key, now) === null) onPick(index, key.id, event.shiftKey);
        } else onOpen(index, key.id);
      }}
      onFocus={() => onFocusRow(index)}
      onKeyDown={copyShortcut}
    >
      <div role="gridcell" className="cell cell-name has-pick">
        <span className="key-name" id={`key-name-${key.id}`}>
          {key.name}
        </span>
        {subtitle ? <span className="key-subtitle">{subtitle}</span> : null}
        <PickCheckbox
          keyName={key.name}
          labelId={`key-name-${key.id}`}
          picked={picked}
          disabledReason={unusableReason(key, now)}
          onPick={(range) => onPick(index, key.id, range)}
        />
      </div>
      <div role="gridcell" className="cell cell-key has-copy">
        <MaskedKey keyView={key} />
        <RowCopyButton keyView={key} status={status} />
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusBadge status={status} />
      </div>
      <div role="gridcell" className="cell cell-expiry">
        {status === 'revoked' ? 'revoked' : describeExpiry(key.expiresAt, now)}
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
