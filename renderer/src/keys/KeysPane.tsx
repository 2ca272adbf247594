/** The list side of the window: toolbar, then the list or what to show instead of it. */
import { useEffect, useMemo, useRef } from 'react';
import { filterAndSortKeys } from '../../../shared/key-search';
import { useKeysStore } from './keysStore';
import { NoKeysYet, NoMatches } from './EmptyState';
import { KeyList } from './KeyList';
import { KeyToolbar } from './KeyToolbar';
import { FileReportHost } from '../exports/FileReportHost';

export function KeysPane() {
  const keys = useKeysStore((s) => s.keys);
  const loaded = useKeysStore((s) => s.loaded);
  const loadError = useKeysStore((s) => s.loadError);
  const loadKeys = useKeysStore((s) => s.loadKeys);
  const query = useKeysStore((s) => s.query);
  const status = useKeysStore((s) => s.statusFilter);
  const sort = useKeysStore((s) => s.sort);
  const now = useKeysStore((s) => s.now);
  const shown = useMemo(() => filterAndSortKeys(keys, { query, status, sort }, now), [keys, query, status, sort, now]);
  const selectedId = useKeysStore((s) => s.selectedId);
  const select = useKeysStore((s) => s.select);

  // A search or filter that hides the open key closes its details: a pane about a key the list no longer shows
  // misleads. Only when the search or filter changes: a key just created (and selected) under a search stays open.
  const filter = `${status}\n${query}`;
  const lastFilter = useRef(filter);
  useEffect(() => {
    if (lastFilter.current === filter) return;
    lastFilter.current = filter;
    if (selectedId !== null && !shown.some((k) => k.id === selectedId)) select(null);
  }, [filter, shown, selectedId, select]);

  let body;
  if (loadError && keys.length === 0) {
    body = (
      <div className="empty-state" role="alert">
        <h2>The keys could not be loaded</h2>
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void loadKeys()}>
          Try again
        </button>
      </div>
    );
  } else if (!loaded) {
    body = <p className="loading">Loading keys…</p>;
  } else if (keys.length === 0) {
    body = <NoKeysYet />;
  } else if (shown.length === 0) {
    body = <NoMatches />;
  } else {
    body = <KeyList keys={shown} />;
  }

  return (
    <main className="keys-pane" aria-label="Keys list">
      {keys.length > 0 ? <KeyToolbar shown={shown.length} /> : null}
      {body}
      <FileReportHost />
    </main>
  );
}
