/** The Activity screen's filters: text search, one key, and event types as toggle chips. */
import { useId, useMemo } from 'react';
import { ACTIVITY_TYPES } from '../../../shared/activity';
import { useKeysStore } from '../keys/keysStore';
import { Icon } from '../ui/Icon';
import { ActivityIcon } from './ActivityIcon';
import { ACTIVITY_LABELS } from './activityLabels';
import { hasFilters, useActivityStore } from './activityStore';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function KeySelect() {
  const id = useId();
  const keys = useKeysStore((s) => s.keys);
  const keyId = useActivityStore((s) => s.keyId);
  const setKeyId = useActivityStore((s) => s.setKeyId);
  const sorted = useMemo(() => [...keys].sort((a, b) => collator.compare(a.name, b.name)), [keys]);
  const known = keyId === null || keys.some((k) => k.id === keyId);
  return (
    <div className="activity-key-filter">
      <label htmlFor={id}>Key</label>
      <select id={id} value={keyId ?? ''} onChange={(event) => setKeyId(event.target.value || null)}>
        <option value="">All keys</option>
        {known ? null : <option value={keyId}>A deleted key ({keyId})</option>}
        {sorted.map((key) => (
          <option key={key.id} value={key.id}>
            {key.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function TypeChips() {
  const types = useActivityStore((s) => s.types);
  const toggleType = useActivityStore((s) => s.toggleType);
  return (
    <fieldset className="activity-types">
      <legend className="visually-hidden">Event types</legend>
      <div className="chip-row">
        {ACTIVITY_TYPES.map((type) => {
          const checked = types.includes(type);
          return (
            <label key={type} className={`chip-toggle activity-chip${checked ? ' is-checked' : ''}`}>
              <input type="checkbox" checked={checked} onChange={() => toggleType(type)} />
              <ActivityIcon type={type} size={12} />
              {ACTIVITY_LABELS[type]}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function ActivityFilterBar() {
  const query = useActivityStore((s) => s.query);
  const setQuery = useActivityStore((s) => s.setQuery);
  const filtered = useActivityStore(hasFilters);
  const clear = useActivityStore((s) => s.clear);
  return (
    <div className="activity-filters">
      <div className="activity-filters-row">
        <div className="search activity-search">
          <Icon name="search" />
          <input
            type="search"
            aria-label="Search activity"
            placeholder="Search by key name, id or file"
            value={query}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        <KeySelect />
        {filtered ? (
          <button type="button" className="button button-small activity-clear" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </div>
      <TypeChips />
    </div>
  );
}
