/** Shown when the OS keychain cannot be reached: the app is read-only until it can. */
import { useKeysStore } from '../keys/keysStore';
import { Icon } from './Icon';

export function KeychainBanner() {
  const status = useKeysStore((s) => s.vaultStatus);
  const loadStatus = useKeysStore((s) => s.loadStatus);
  if (!status || status.keychainAvailable) return null;
  return (
    <div className="banner" role="alert">
      <Icon name="lock" />
      <div className="banner-text">
        <strong>The OS keychain is unavailable — the vault is read-only.</strong>
        <span>
          Keys are listed, but creating, revealing, copying, rotating, revoking and deleting are off.
          {status.keychainHelp ? ` ${status.keychainHelp}` : ''}
        </span>
      </div>
      <button type="button" className="button button-small" onClick={() => void loadStatus()}>
        Check again
      </button>
    </div>
  );
}
