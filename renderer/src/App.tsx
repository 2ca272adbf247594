import { useGlobalShortcuts } from './hooks/useGlobalShortcuts';
import { useVaultSync } from './hooks/useVaultSync';
import { DialogHost } from './keys/DialogHost';
import { KeyDetail } from './keys/KeyDetail';
import { KeysPane } from './keys/KeysPane';
import { useUiStore } from './store/uiStore';
import { useSelectedKey } from './store/vaultStore';
import { AppHeader } from './ui/AppHeader';
import { KeychainBanner } from './ui/KeychainBanner';
import { Toasts } from './ui/Toasts';

export function App() {
  useVaultSync();
  useGlobalShortcuts();
  const selected = useSelectedKey();
  const dialogOpen = useUiStore((s) => s.dialog !== null);
  return (
    <div className="app">
      <AppHeader />
      <KeychainBanner />
      <div className="workspace">
        <KeysPane />
        {selected ? <KeyDetail key={selected.id} keyView={selected} /> : null}
      </div>
      <DialogHost />
      {dialogOpen ? null : <Toasts />}
    </div>
  );
}
