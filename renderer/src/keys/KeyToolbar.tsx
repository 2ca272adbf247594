/** Status filter (with counts), sort, and how many keys are shown. */
import { countByStatus, KEY_SORTS, STATUS_FILTERS, type KeySort } from '../../../shared/key-search';
import { FILTER_LABELS, SORT_LABELS } from '../format';
import { useKeysStore } from './keysStore';
import { PickedKeysActions } from '../exports/PickedKeysActions';
import { useMemo } from 'react';

export function KeyToolbar({ shown }: { shown: number }) {
  const keys = useKeysStore((s) => s.keys);
  const now = useKeysStore((s) => s.now);
  const statusFilter = useKeysStore((s) => s.statusFilter);
  const setStatusFilter = useKeysStore((s) => s.setStatusFilter);
  const sort = useKeysStore((s) => s.sort);
  const setSort = useKeysStore((s) => s.setSort);
  const counts = useMemo(() => countByStatus(keys, now), [keys, now]);

  return (
    <div className="toolbar">
      <fieldset className="segmented">
        <legend className="visually-hidden">Status</legend>
        {STATUS_FILTERS.map((filter) => (
          <label key={filter} className={`segment${filter === statusFilter ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name="status-filter"
              value={filter}
              checked={filter === statusFilter}
              onChange={() => setStatusFilter(filter)}
            />
            <span>{FILTER_LABELS[filter]}</span>
            <span className="segment-count" aria-hidden="true">
              {counts[filter].toLocaleString()}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="toolbar-end">
        <PickedKeysActions />
        <span className="result-count" aria-live="polite">
          {shown === keys.length
            ? `${keys.length.toLocaleString()} ${keys.length === 1 ? 'key' : 'keys'}`
            : `${shown.toLocaleString()} of ${keys.length.toLocaleString()} keys`}
        </span>
        <label className="sort">
          <span>Sort by</span>
          <select value={sort} onChange={(event) => setSort(event.target.value as KeySort)}>
            {KEY_SORTS.map((option) => (
              <option key={option} value={option}>
                {SORT_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
