/**
 * "2 keys expire within 14 days · 1 expired": shown on every screen while keys need attention, with
 * "Review", which opens the keys list filtered to them. Dismissed, it stays away until the counts change.
 */
import { useMemo, useState } from 'react';
import { EXPIRING_SOON_DAYS } from '../../../shared/key-status';
import { countByStatus } from '../../../shared/key-search';
import { plural } from '../format';
import { useUiStore } from './uiStore';
import { useKeysStore } from '../keys/keysStore';
import { Icon } from './Icon';
import './banners.css';

export function ReminderBanner() {
  const keys = useKeysStore((s) => s.keys);
  const now = useKeysStore((s) => s.now);
  // Only counts are shown: the list's status counts (the same rules, and the index the toolbar already built).
  const { expiring: expiringSoon, expired } = useMemo(() => countByStatus(keys, now), [keys, now]);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const signature = `${expiringSoon}|${expired}`;
  if ((expiringSoon === 0 && expired === 0) || dismissed === signature) return null;

  const parts: string[] = [];
  if (expiringSoon) parts.push(`${plural(expiringSoon, 'key expires', 'keys expire')} within ${EXPIRING_SOON_DAYS} days`);
  // After the first part, "1 expired" reads enough; alone it says whose.
  if (expired) parts.push(parts.length ? `${expired} expired` : `${plural(expired, 'key has', 'keys have')} expired`);

  function review() {
    const vault = useKeysStore.getState();
    vault.setQuery('');
    vault.setStatusFilter(expiringSoon ? 'expiring' : 'expired');
    const ui = useUiStore.getState();
    ui.setScreen('keys');
    ui.requestListFocus();
  }

  return (
    <section className="banner banner-reminder" aria-label="Expiry reminders">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>{parts.join(' · ')}</strong>
        <span>Rotate or replace them before they break the servers that use them.</span>
      </div>
      <button type="button" className="button button-small" onClick={review}>
        Review
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss reminders" title="Hide until this changes" onClick={() => setDismissed(signature)}>
        <Icon name="close" size={14} />
      </button>
    </section>
  );
}
