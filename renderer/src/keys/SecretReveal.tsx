/**
 * The key's value: masked, or — after Reveal — shown for 20 seconds with a countdown, then hidden by
 * itself. The value lives only in this component's state: selecting another key, closing the panel or
 * leaving the window unmounts or hides it at once. KeyDetail keys it by the key's value and status, so a
 * rotated or revoked key (here or from the CLI) starts afresh, a reply still on its way included.
 */
import { useCallback, useEffect, useState } from 'react';
import { maskKey } from '../../../shared/key-format';
import type { KeyView } from '../../../shared/types';
import { CopySplitButton } from '../copy/CopySplitButton';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/Icon';
import { errorMessage, vaultApi } from '../vaultApi';
import { FormError } from '../ui/DialogParts';

export const REVEAL_SECONDS = 20;

interface SecretRevealProps {
  keyView: KeyView;
  /** Why Reveal is off (read-only vault, revoked key), or null. */
  revealDisabled: string | null;
  copyDisabled: string | null;
}

export function SecretReveal({ keyView, revealDisabled, copyDisabled }: SecretRevealProps) {
  const [revealed, setRevealed] = useState<{ secret: string; hidesAt: number } | null>(null);
  const [now, setNow] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteActivity = useUiStore((s) => s.noteActivity);
  const hide = useCallback(() => setRevealed(null), []);

  // Count down, and hide when the time is up.
  useEffect(() => {
    if (!revealed) return;
    const timeout = setTimeout(hide, Math.max(0, revealed.hidesAt - Date.now()));
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => {
      clearTimeout(timeout);
      clearInterval(interval);
    };
  }, [revealed, hide]);

  // Leaving the window (minimised, switched away) hides the value at once.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [hide]);

  async function reveal() {
    setBusy(true);
    setError(null);
    try {
      const { secret } = await vaultApi().keys.reveal({ id: keyView.id });
      // The window was left while the reply was on its way: it would have been hidden at once.
      if (document.visibilityState === 'hidden') return;
      const start = Date.now();
      setNow(start);
      setRevealed({ secret, hidesAt: start + REVEAL_SECONDS * 1000 });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      // The reveal is in the activity log now: the key's history shows it.
      noteActivity();
    }
  }

  const seconds = revealed ? Math.max(0, Math.ceil((revealed.hidesAt - now) / 1000)) : 0;

  return (
    <section className="secret-section" aria-label="Key value">
      <div className={`secret-box${revealed ? ' is-revealed' : ''}`}>
        {revealed ? (
          <code className="mono secret-value">{revealed.secret}</code>
        ) : (
          <code className="mono secret-masked">{maskKey(keyView)}</code>
        )}
        <div className="secret-actions">
          {revealed ? (
            <button type="button" className="button button-small" onClick={hide}>
              <Icon name="eyeOff" size={14} /> Hide
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => void reveal()}
              disabled={busy || revealDisabled !== null}
              title={revealDisabled ?? `Show the value for ${REVEAL_SECONDS} seconds`}
            >
              <Icon name="eye" size={14} /> Reveal
            </button>
          )}
          <CopySplitButton keyId={keyView.id} masked={maskKey(keyView)} httpHeader={keyView.httpHeader} disabled={copyDisabled} />
        </div>
      </div>
      {revealed ? (
        <p className="secret-timer" role="timer" aria-live="off">
          Hides in {seconds} s
        </p>
      ) : null}
      <FormError message={error} />
    </section>
  );
}
