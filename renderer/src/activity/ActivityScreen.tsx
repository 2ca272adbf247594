/**
 * The Activity screen: what happened to which key, when — never a key's value. Filters by event type,
 * text and key; 100 events a page with "Load more"; live as the vault changes (here or from the CLI).
 */
import { useMemo } from 'react';
import { useNow } from '../hooks/useNow';
import { Icon } from '../ui/Icon';
import { ActivityFilterBar } from './ActivityFilterBar';
import { hasFilters, useActivityStore } from './activityStore';
import { ActivityTable } from './ActivityTable';
import { useActivityList } from './useActivityList';
import { FormError } from '../ui/DialogParts';
import './activity.css';

export const ACTIVITY_PAGE_SIZE = 100;

function countLabel(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'event' : 'events'}`;
}

function NoActivity({ filtered }: { filtered: boolean }) {
  const clear = useActivityStore((s) => s.clear);
  return (
    <div className="empty-state activity-empty">
      <div className="empty-icon" aria-hidden="true">
        <Icon name={filtered ? 'search' : 'key'} size={26} />
      </div>
      <h3>{filtered ? 'No events match these filters' : 'No activity yet'}</h3>
      <p>
        {filtered
          ? 'Try other event types, another key or different words.'
          : 'Creating, revealing, copying, rotating and revoking keys is recorded here — never a key’s value.'}
      </p>
      {filtered ? (
        <button type="button" className="button" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

export function ActivityScreen() {
  const types = useActivityStore((s) => s.types);
  const query = useActivityStore((s) => s.query);
  const keyId = useActivityStore((s) => s.keyId);
  const filtered = useActivityStore(hasFilters);
  const request = useMemo(
    () => ({
      ...(types.length ? { types } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(keyId !== null ? { keyId } : {}),
    }),
    [types, query, keyId],
  );
  const list = useActivityList(request, ACTIVITY_PAGE_SIZE);
  const now = useNow(30_000);
  const more = list.total - list.events.length;

  let body;
  if (list.error && list.events.length === 0) {
    body = (
      <div className="empty-state activity-empty" role="alert">
        <h3>The activity log could not be read</h3>
        <p>{list.error}</p>
        <button type="button" className="button" onClick={list.reload}>
          Try again
        </button>
      </div>
    );
  } else if (list.loading && list.events.length === 0) {
    body = <p className="loading">Loading activity…</p>;
  } else if (list.events.length === 0) {
    body = <NoActivity filtered={filtered} />;
  } else {
    body = (
      <div className="activity-table-wrap" aria-busy={list.loading}>
        <ActivityTable events={list.events} now={now} />
        <div className="activity-more">
          <span className="result-count">
            Showing {list.events.length.toLocaleString()} of {countLabel(list.total)}
          </span>
          {more > 0 ? (
            <button type="button" className="button button-small" onClick={list.loadMore} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading…' : `Load ${Math.min(more, ACTIVITY_PAGE_SIZE).toLocaleString()} more`}
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <section className="screen activity-screen" aria-labelledby="activity-title">
      <header className="screen-header">
        <div>
          <h2 id="activity-title">Activity</h2>
          <p className="screen-subtitle">Every create, reveal, copy, export, rotation and revocation — from the app and the CLI. Key values are never logged.</p>
        </div>
        <span className="result-count activity-total" aria-live="polite">
          {list.loading && list.events.length === 0 ? '' : filtered ? `${countLabel(list.total)} ${list.total === 1 ? 'matches' : 'match'}` : countLabel(list.total)}
        </span>
      </header>
      <ActivityFilterBar />
      {list.events.length > 0 ? <FormError message={list.error} /> : null}
      {body}
    </section>
  );
}
