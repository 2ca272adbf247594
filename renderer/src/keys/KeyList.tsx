/**
 * The keys list: a virtualized grid (fixed row height) that stays smooth at 10,000 keys. Arrow keys,
 * Home/End and Page Up/Down move through rows; Enter (or a click) opens a key's details.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { KeySort } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';
import { usePickedKeysStore } from '../exports/pickedKeysStore';
import { unusableReason } from '../exports/usable';
import { KeyRow, ROW_HEIGHT } from './KeyRow';

const COLUMNS: { label: string; className: string; sort?: KeySort; order?: 'ascending' | 'descending' }[] = [
  { label: 'Name', className: 'cell-name', sort: 'name', order: 'ascending' },
  { label: 'Key', className: 'cell-key' },
  { label: 'Status', className: 'cell-status' },
  { label: 'Expires', className: 'cell-expiry', sort: 'expiry', order: 'ascending' },
  { label: 'Permissions', className: 'cell-permissions' },
  { label: 'Last used', className: 'cell-used', sort: 'lastUsed', order: 'descending' },
];

export function KeyList({ keys }: { keys: KeyView[] }) {
  const selectedId = useKeysStore((s) => s.selectedId);
  const select = useKeysStore((s) => s.select);
  const now = useKeysStore((s) => s.now);
  const sort = useKeysStore((s) => s.sort);
  const listFocusRequest = useUiStore((s) => s.listFocusRequest);
  const picked = usePickedKeysStore((s) => s.ids);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // The virtualizer's functions change as it measures, so the React compiler leaves this component alone;
  // nothing here passes them to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows past each edge: enough for smooth scrolling, and few to mount when a keystroke replaces them all.
    overscan: 5,
  });

  const active = Math.min(activeIndex, Math.max(keys.length - 1, 0));

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.min(Math.max(index, 0), keys.length - 1);
      if (target < 0) return;
      setActiveIndex(target);
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (row) {
        // Rendered (in view or in the overscan): focusing scrolls it into view.
        pendingFocus.current = null;
        row.focus();
      } else {
        pendingFocus.current = target;
        virtualizer.scrollToIndex(target, { align: 'auto' });
      }
    },
    [keys.length, virtualizer],
  );

  // Focus a row once it is rendered (after scrolling it into view).
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  // Asked to take focus (a dialog or the details closed): go to the asked-for key's row, else the
  // selected one's, else the current row.
  useEffect(() => {
    if (!listFocusRequest) return;
    useUiStore.getState().dropListFocusRequest();
    const id = listFocusRequest.keyId ?? useKeysStore.getState().selectedId;
    const at = id === null ? -1 : keys.findIndex((k) => k.id === id);
    focusRow(at === -1 ? active : at);
    // Only a new request should move focus, not a changed list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listFocusRequest]);

  const open = useCallback(
    (index: number, id: string) => {
      setActiveIndex(index);
      select(id);
    },
    [select],
  );

  // Ticks a key for "Use… (N)"; with `range`, every usable key from the last one ticked to this one.
  // Stable (the list is read when called), so typing in search does not re-render every row for it.
  const shownRef = useRef({ keys, now });
  useEffect(() => {
    shownRef.current = { keys, now };
  });
  const pick = useCallback((index: number, id: string, range: boolean) => {
    const { keys: shown, now: at } = shownRef.current;
    const { ids, anchor, toggle, setMany } = usePickedKeysStore.getState();
    const from = range && anchor !== null ? shown.findIndex((k) => k.id === anchor) : -1;
    if (from === -1) return toggle(id);
    const span = shown.slice(Math.min(from, index), Math.max(from, index) + 1);
    setMany(
      span.filter((k) => unusableReason(k, at) === null).map((k) => k.id),
      !ids.has(id),
      id,
    );
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: keys.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if (event.key === 'Enter') {
      const key = keys[active];
      if (!key) return;
      event.preventDefault();
      select(key.id);
    } else if (event.key === ' ') {
      // Space ticks the row's key for "Use… (N)" (Shift+Space: a range), as in other multi-select grids.
      const key = keys[active];
      if (!key) return;
      event.preventDefault();
      if (unusableReason(key, now) === null) pick(active, key.id, event.shiftKey);
    }
  }

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === active);

  return (
    <div role="grid" aria-label="Keys" aria-rowcount={keys.length + 1} aria-colcount={COLUMNS.length} className="key-grid">
      <div role="rowgroup" className="key-grid-head">
        <div role="row" aria-rowindex={1} className="key-row key-row-head">
          {COLUMNS.map((column) => (
            <div
              key={column.label}
              role="columnheader"
              className={`cell ${column.className}`}
              aria-sort={column.sort && column.sort === sort ? column.order : undefined}
            >
              {column.label}
              {column.sort === sort ? <span aria-hidden="true" className="sort-mark">{column.order === 'ascending' ? '↑' : '↓'}</span> : null}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="key-grid-scroll">
        <div role="rowgroup" className="key-grid-body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const key = keys[item.index]!;
            return (
              <KeyRow
                key={key.id}
                keyView={key}
                index={item.index}
                now={now}
                selected={key.id === selectedId}
                tabbable={activeRendered ? item.index === active : item === items[0]}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onOpen={open}
                onFocusRow={setActiveIndex}
                picked={picked.has(key.id) && unusableReason(key, now) === null}
                onPick={pick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
