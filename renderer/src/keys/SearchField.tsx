/** Search as you type. `/` or Ctrl/Cmd+F focus it; Esc clears it, then goes back to the list. */
import type { KeyboardEvent } from 'react';
import { Icon } from '../ui/Icon';
import { useUiStore } from '../ui/uiStore';
import { useKeysStore } from './keysStore';

export const SEARCH_INPUT_ID = 'key-search';

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

export function SearchField() {
  const query = useKeysStore((s) => s.query);
  const setQuery = useKeysStore((s) => s.setQuery);
  const requestListFocus = useUiStore((s) => s.requestListFocus);
  const setScreen = useUiStore((s) => s.setScreen);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else requestListFocus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      requestListFocus();
    }
  }

  return (
    <div className="search">
      <Icon name="search" />
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search keys"
        placeholder="Search name, owner, permission, metadata…"
        title="Every word must match a name, description, owner, permission or metadata; name=value matches one metadata pair (environment=staging). Press / to search."
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          // The search is the keys list's: typing on another screen shows the keys it finds.
          const ui = useUiStore.getState();
          if (ui.screen !== 'keys') setScreen('keys');
          // Typing is where the user is now: a list-focus request still pending must not take focus later.
          ui.dropListFocusRequest();
          setQuery(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd aria-hidden="true">/</kbd>
    </div>
  );
}
