/**
 * The Settings screen: clipboard clear time, the default expiry and variable name of new keys, expiry
 * notifications — each saved at once, shared with the CLI — and the vault: where its file is, and a check
 * (and repair) of vault and keychain.
 */
import type { ReactNode } from 'react';
import { useKeysStore } from '../keys/keysStore';
import { ClipboardSetting } from './ClipboardSetting';
import { EnvVarSetting } from './EnvVarSetting';
import { ExpirySetting } from './ExpirySetting';
import { NotificationsSetting } from './NotificationsSetting';
import { useSettingsStore } from './settingsStore';
import { VaultDoctor } from './VaultDoctor';
import './settings.css';

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-group" aria-labelledby={id}>
      <h3 id={id} className="settings-group-title">
        {title}
      </h3>
      <div className="settings-card">{children}</div>
    </section>
  );
}

function VaultGroup() {
  const status = useKeysStore((s) => s.vaultStatus);
  return (
    <Group id="settings-vault" title="Vault">
      <div className="setting-row" role="group" aria-labelledby="settings-vault-file">
        <div className="setting-text">
          <span id="settings-vault-file" className="setting-label">
            Vault file
          </span>
          <p className="setting-hint">Names, details and settings. Key values live in the OS keychain.</p>
        </div>
        <code className="mono setting-path" aria-label="Vault file location">
          {status ? status.storePath : '…'}
        </code>
      </div>
      <div className="setting-row" role="group" aria-labelledby="settings-health">
        <div className="setting-text">
          <span id="settings-health" className="setting-label">
            Health check
          </span>
          <p className="setting-hint">Compares the vault file with the keychain; checks records, file permissions and .env exports.</p>
        </div>
        <VaultDoctor />
      </div>
    </Group>
  );
}

export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <div className="settings-column">
        <header className="screen-header">
          <div>
            <h2 id="settings-title">Settings</h2>
            <p className="screen-subtitle">Saved as you change them, and shared with the mcpkv command line.</p>
          </div>
        </header>
        {loadError && !settings ? (
          <div className="form-error settings-error" role="alert">
            <span>The settings could not be read: {loadError}</span>
            <button type="button" className="button button-small" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : null}
        {settings ? (
          <>
            <Group id="settings-clipboard" title="Clipboard">
              <ClipboardSetting value={settings.clipboardClearSeconds} />
            </Group>
            <Group id="settings-new-keys" title="New keys">
              <ExpirySetting value={settings.defaultExpiryDays} />
              <EnvVarSetting value={settings.defaultEnvVar} />
            </Group>
            <Group id="settings-notifications" title="Notifications">
              <NotificationsSetting value={settings.notifications} />
            </Group>
          </>
        ) : loadError ? null : (
          <p className="loading">Loading settings…</p>
        )}
        <VaultGroup />
      </div>
    </section>
  );
}
