/** What the list area shows when there is nothing to list: no keys yet, or nothing matching. */
import { looksLikeSecret } from '../../../shared/key-format';
import { Icon } from '../ui/Icon';
import { useUiStore } from '../ui/uiStore';
import { useReadOnlyReason, useKeysStore } from './keysStore';

export function NoKeysYet() {
  const openDialog = useUiStore((s) => s.openDialog);
  const readOnly = useReadOnlyReason();
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name="key" size={28} />
      </div>
      <h2>No keys yet</h2>
      <p>Create an API key or import one you already have. Values stay in your OS keychain; lists only ever show them masked.</p>
      <button type="button" className="button button-primary" onClick={() => openDialog({ kind: 'create' })} disabled={readOnly !== null} title={readOnly ?? undefined}>
        <Icon name="plus" /> Create your first key
      </button>
    </div>
  );
}

export function NoMatches() {
  const query = useKeysStore((s) => s.query);
  const resetFilters = useKeysStore((s) => s.resetFilters);
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name="search" size={28} />
      </div>
      <h2>No matching keys</h2>
      <p>
        {/* A query that could be a pasted key is not repeated back (the rule for every message that echoes input). */}
        {!query ? 'No key has this status.' : looksLikeSecret(query) ? 'No key matches this search with this filter.' : `No key matches “${query}” with this filter.`}
      </p>
      <button type="button" className="button" onClick={resetFilters}>
        Clear search and filter
      </button>
    </div>
  );
}
