/**
 * The keyboard shortcuts, in one place: "?" (or the header's "?" button) opens this list. The shortcuts
 * themselves live where they act (useGlobalShortcuts, the key list, RowCopyButton); tooltips name them too.
 */
import { useEffect, useState } from 'react';
import { MOD_LABEL } from '../format';
import { Dialog } from './Dialog';
import { useUiStore } from './uiStore';
import './shortcuts.css';

const SHORTCUTS: [keys: string, what: string][] = [
  ['/', 'Search the keys'],
  [`${MOD_LABEL} F`, 'Search the keys'],
  [`${MOD_LABEL} N`, 'New key'],
  ['↑ ↓ Home End', 'Move through the keys list'],
  ['Enter', 'Open the focused key’s details'],
  [`${MOD_LABEL} C`, 'Copy the focused key (the clipboard clears itself)'],
  ['Space', 'Tick the focused key for “Use… (N)”'],
  [`${MOD_LABEL}-click · Shift-click`, 'Tick one key · a range of keys'],
  ['Esc', 'Close the dialog or the details; clear the search'],
  ['?', 'This list'],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (useUiStore.getState().dialog !== null || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button type="button" className="icon-button shortcuts-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        ?
      </button>
      {open ? (
        <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)} size="small">
          <div className="dialog-body">
            <table className="shortcuts-table">
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={`${keys}|${what}`}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
              Close
            </button>
          </footer>
        </Dialog>
      ) : null}
    </>
  );
}
