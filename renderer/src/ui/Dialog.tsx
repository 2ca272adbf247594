/**
 * A modal dialog on the native <dialog> element: showModal() traps focus and makes the rest of the
 * page inert; Esc cancels. When it closes, focus goes back to what opened it.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useUiStore } from './uiStore';
import { Icon } from './Icon';
import { Toasts } from './Toasts';

interface DialogProps {
  title: string;
  /** Shown under the title. */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** When true, Esc and the close button do nothing (e.g. while a call is running). */
  busy?: boolean;
}

function canTakeFocus(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && element.isConnected && !(element as HTMLButtonElement).disabled && element !== document.body;
}

export function Dialog({ title, subtitle, onClose, children, size = 'medium', busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(busy);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
    busyRef.current = busy;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    useUiStore.getState().modalOpened();
    // Start where the work is: a marked field, else the first field, else the first footer button (Cancel).
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('.dialog-body input:not([disabled]), .dialog-body textarea') ??
      dialog.querySelector<HTMLElement>('.dialog-footer button:not([disabled])');
    first?.focus();
    return () => {
      useUiStore.getState().modalClosed();
      if (dialog.open) dialog.close();
      if (canTakeFocus(opener)) opener.focus();
      else useUiStore.getState().requestListFocus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: we close through React state, so the dialog unmounts (and its secrets with it).
        event.preventDefault();
        if (!busyRef.current) onCloseRef.current();
      }}
      onClose={() => {
        // Closed natively (the browser may skip the cancel step): follow it. A stale close event of a
        // dialog shown again since then is ignored, and so is the one its own unmount sends (ref gone):
        // another dialog may have taken its place ("Key created" → Use…), and must stay.
        if (ref.current && !ref.current.open) onCloseRef.current();
      }}
    >
      <header className="dialog-header">
        <div>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {subtitle ? <p className="dialog-subtitle">{subtitle}</p> : null}
        </div>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={() => onClose()} disabled={busy}>
          <Icon name="close" />
        </button>
      </header>
      {children}
      {/* The rest of the page is inert behind a modal dialog: its toasts show inside it. */}
      <Toasts />
    </dialog>
  );
}
