/** The title bar: the app's name, search, New key, and the keyboard shortcuts ("?"). */
import { MOD_LABEL } from '../format';
import { SearchField } from '../keys/SearchField';
import { useUiStore } from './uiStore';
import { useReadOnlyReason } from '../keys/keysStore';
import { Icon } from './Icon';
import { ShortcutsHelp } from './ShortcutsHelp';

export function AppHeader() {
  const openDialog = useUiStore((s) => s.openDialog);
  const readOnly = useReadOnlyReason();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark">
          <Icon name="key" size={15} />
        </span>
        <h1>MCP Key Vault</h1>
      </div>
      <SearchField />
      <button
        type="button"
        className="button button-primary"
        onClick={() => openDialog({ kind: 'create' })}
        disabled={readOnly !== null}
        title={readOnly ?? `Create a key (${MOD_LABEL}+N)`}
        aria-keyshortcuts="Control+N Meta+N"
      >
        <Icon name="plus" />
        New key
        <kbd aria-hidden="true">{MOD_LABEL} N</kbd>
      </button>
      <ShortcutsHelp />
    </header>
  );
}
