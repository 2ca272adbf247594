/**
 * What opening the vault had to mend (a broken vault file set aside and its keys recovered, an interrupted
 * operation finished), said once: dismissed, the same notices stay hidden for the rest of the session.
 */
import { useState } from 'react';
import { useKeysStore } from '../keys/keysStore';
import { Icon } from './Icon';
import './banners.css';

const SEEN_KEY = 'mcpkv.noticesSeen';
const NONE: string[] = [];

function seen(): string | null {
  try {
    return sessionStorage.getItem(SEEN_KEY);
  } catch {
    return null;
  }
}

export function NoticesBanner() {
  const notices = useKeysStore((s) => s.vaultStatus?.notices ?? NONE);
  const [dismissed, setDismissed] = useState(seen);
  const signature = JSON.stringify(notices);
  if (notices.length === 0 || dismissed === signature) return null;

  function dismiss() {
    try {
      sessionStorage.setItem(SEEN_KEY, signature);
    } catch {
      // Storage off: hidden for this page's life only.
    }
    setDismissed(signature);
  }

  return (
    <div className="banner banner-notice" role="status">
      <Icon name="check" />
      <div className="banner-text">
        <strong>{notices.length === 1 ? 'The vault needed a repair when it opened' : `The vault needed ${notices.length} repairs when it opened`}</strong>
        <ul className="banner-list">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
