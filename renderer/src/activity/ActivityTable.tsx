/** The activity log as a table, newest first: when, what, which key, and the detail (a file, a format). */
import { useMemo } from 'react';
import type { ActivityEvent } from '../../../shared/types';
import { describeLastUsed, formatDateTime } from '../format';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from '../keys/keysStore';
import { ActivityTypeBadge } from './ActivityTypeBadge';
import { describeDetail } from './activityLabels';

/** The key's name; a button to its details while the key still exists. */
function KeyCell({ event, exists }: { event: ActivityEvent; exists: boolean }) {
  const select = useKeysStore((s) => s.select);
  const setScreen = useUiStore((s) => s.setScreen);
  if (!exists) {
    return (
      <span className="activity-key is-gone" title={`Key ${event.keyId} no longer exists`}>
        {event.keyName}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button activity-key"
      title={`Show ${event.keyName} in Keys`}
      onClick={() => {
        select(event.keyId);
        setScreen('keys');
      }}
    >
      {event.keyName}
    </button>
  );
}

export function ActivityTable({ events, now }: { events: ActivityEvent[]; now: number }) {
  const keys = useKeysStore((s) => s.keys);
  const existing = useMemo(() => new Set(keys.map((k) => k.id)), [keys]);
  return (
    <table className="activity-table">
      <caption className="visually-hidden">Activity, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="col-when">
            When
          </th>
          <th scope="col" className="col-type">
            Event
          </th>
          <th scope="col" className="col-key">
            Key
          </th>
          <th scope="col" className="col-detail">
            Detail
          </th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => {
          const detail = describeDetail(event);
          return (
            <tr key={`${event.at}|${index}`}>
              <td className="col-when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                <span className="activity-ago">{describeLastUsed(event.at, now)}</span>
              </td>
              <td className="col-type">
                <ActivityTypeBadge type={event.type} />
              </td>
              <td className="col-key">
                <KeyCell event={event} exists={existing.has(event.keyId)} />
              </td>
              <td className="col-detail" title={detail ?? undefined}>
                {detail ? <span className={event.type === 'exported' ? 'mono' : undefined}>{detail}</span> : <span className="muted">—</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
