import { Suspense } from 'react';
import { useGlobalShortcuts } from './hooks/useGlobalShortcuts';
import { useVaultSync } from './hooks/useVaultSync';
import { DialogHost } from './keys/DialogHost';
import { KeyDetail } from './keys/KeyDetail';
import { KeysPane } from './keys/KeysPane';
import { ActivityScreen, McpClientsScreen, ProjectsScreen, SettingsScreen } from './lazyParts';
import { useSettingsSync } from './settings/useSettingsSync';
import { useClipboardResume } from './copy/useClipboardResume';
import { useUiStore } from './ui/uiStore';
import { useSelectedKey } from './keys/keysStore';
import { AppHeader } from './ui/AppHeader';
import { KeychainBanner } from './ui/KeychainBanner';
import { NoticesBanner } from './ui/NoticesBanner';
import { ReminderBanner } from './ui/ReminderBanner';
import { SectionNav } from './ui/SectionNav';
import { Toasts } from './ui/Toasts';

export function App() {
  useVaultSync();
  useGlobalShortcuts();
  useSettingsSync();
  useClipboardResume();
  const selected = useSelectedKey();
  // Behind a modal the page is inert: its toasts show inside the dialog (ui/Dialog) instead of here.
  const modalOpen = useUiStore((s) => s.openModals > 0);
  const screen = useUiStore((s) => s.screen);
  return (
    <div className="app">
      <AppHeader />
      <SectionNav />
      <KeychainBanner />
      <NoticesBanner />
      <ReminderBanner />
      {screen === 'keys' ? (
        <div className="workspace">
          <KeysPane />
          {selected ? <KeyDetail key={selected.id} keyView={selected} /> : null}
        </div>
      ) : null}
      {/* These screens and some dialogs load on first use (lazyParts.ts), preloaded once the list is up. Each has
          its own boundary, so a dialog still loading never blanks the screen behind it. */}
      <Suspense fallback={null}>
        {screen === 'projects' ? <ProjectsScreen /> : null}
        {screen === 'mcp' ? <McpClientsScreen /> : null}
        {screen === 'activity' ? <ActivityScreen /> : null}
        {screen === 'settings' ? <SettingsScreen /> : null}
      </Suspense>
      <Suspense fallback={null}>
        <DialogHost />
      </Suspense>
      {modalOpen ? null : <Toasts />}
    </div>
  );
}
