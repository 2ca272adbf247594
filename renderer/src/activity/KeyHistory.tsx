/**
 * A key's history in its details: its dates and counts, then its latest events from the activity log
 * (20, newest first) with a way to all of them on the Activity screen.
 */
import type { ReactNode } from 'react';
import type { KeyView } from '../../../shared/types';
import { describeLastUsed, formatDateTime } from '../format';
import { useUiStore } from '../ui/uiStore';
import { ActivityIcon } from './ActivityIcon';
import { ACTIVITY_LABELS, ACTIVITY_TONES, describeDetail } from './activityLabels';
import { useActivityStore } from './activityStore';
import { useActivityList } from './useActivityList';
import { FormError } from '../ui/DialogParts';
import './activity.css';

export const KEY_HISTORY_LIMIT = 20;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Events({ keyView: key, now }: { keyView: KeyView; now: number }) {
  const list = useActivityList({ keyId: key.id }, KEY_HISTORY_LIMIT);
  const setScreen = useUiStore((s) => s.setScreen);
  const showAll = () => {
    useActivityStore.setState({ keyId: key.id, types: [], query: '' });
    setScreen('activity');
  };
  if (list.error) return <FormError message={list.error} />;
  if (list.loading && list.events.length === 0) return <p className="muted">Loading history…</p>;
  if (list.events.length === 0) return <p className="muted">Nothing recorded for this key yet.</p>;
  return (
    <>
      <ol className="key-history" aria-label={`Events of ${key.name}, newest first`}>
        {list.events.map((event, index) => {
          const detail = describeDetail(event);
          return (
            <li key={`${event.at}|${index}`} className="key-history-item">
              <span className={`key-history-icon tone-${ACTIVITY_TONES[event.type]}`}>
                <ActivityIcon type={event.type} size={12} />
              </span>
              <div className="key-history-body">
                {/* Label and time in one line of text: the label is never an element of its own. */}
                <p className="key-history-line">
                  {ACTIVITY_LABELS[event.type]}
                  <time className="key-history-time" dateTime={event.at} title={formatDateTime(event.at)}>
                    {' · '}
                    {describeLastUsed(event.at, now)}
                  </time>
                </p>
                {detail ? <p className={`key-history-detail${event.type === 'exported' ? ' mono' : ''}`}>{detail}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-small button-ghost key-history-all" onClick={showAll}>
        {list.total > list.events.length ? `Full history (${list.total.toLocaleString()} events)` : 'Full history'}
      </button>
    </>
  );
}

export function KeyHistory({ keyView: key, now }: { keyView: KeyView; now: number }) {
  return (
    <section className="detail-section" aria-labelledby="detail-history">
      <h3 id="detail-history">History</h3>
      <dl className="detail-list">
        <Row label="Created">{formatDateTime(key.createdAt)}</Row>
        <Row label="Rotated">{formatDateTime(key.rotatedAt, 'never')}</Row>
        <Row label="Revoked">{formatDateTime(key.revokedAt, 'not revoked')}</Row>
        <Row label="Last used">{key.lastUsedAt === null ? 'never' : `${formatDateTime(key.lastUsedAt)} (${describeLastUsed(key.lastUsedAt, now)})`}</Row>
        <Row label="Usage count">{key.usageCount.toLocaleString()}</Row>
      </dl>
      <Events keyView={key} now={now} />
    </section>
  );
}
