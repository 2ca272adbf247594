/** `/` or Ctrl/Cmd+F: search. Ctrl/Cmd+N: new key. (Esc belongs to dialogs, the search field and the details.) */
import { useEffect } from 'react';
import { focusSearch } from '../keys/SearchField';
import { useUiStore } from '../ui/uiStore';
import { readOnlyReason, useKeysStore } from '../keys/keysStore';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return;
      // A modal dialog owns the keyboard while it is open.
      if (useUiStore.getState().dialog !== null || document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && key === 'f') {
        event.preventDefault();
        focusSearch();
      } else if (mod && !event.shiftKey && key === 'n') {
        event.preventDefault();
        const reason = readOnlyReason(useKeysStore.getState().vaultStatus);
        if (reason) useUiStore.getState().toastError(`${reason} New keys cannot be created.`);
        else useUiStore.getState().openDialog({ kind: 'create' });
      } else if (!mod && event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        focusSearch();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
