/**
 * Copy, as a split button: the main part copies the bare key; the arrow opens a menu of formats — the key,
 * `MCP_API_KEY=…` (the configured default variable) and the key's HTTP header line. Main formats and
 * copies; each item shows the shape with the value masked. A menu button in the WAI-ARIA manner: arrows
 * move, Esc closes and gives focus back, Tab and a click elsewhere close.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { COPY_FORMATS, type CopyFormat } from '../../../shared/copy-format';
import { describeClearTime } from '../../../shared/settings';
import type { HttpHeaderStyle } from '../../../shared/types';
import { useCopyKey } from '../keys/useCopyKey';
import { useDefaultEnvVar, useSettingsStore } from '../settings/settingsStore';
import { Icon } from '../ui/Icon';
import { copyFormatLabel, copyFormatShape } from './copyFormats';
import './copy.css';

interface CopySplitButtonProps {
  keyId: string;
  /** The key as lists show it (`mcp_sk_…abcd`), for the menu's shapes. */
  masked: string;
  httpHeader: HttpHeaderStyle | undefined;
  /** Why copying is off (read-only vault, revoked or expired key), or null. */
  disabled: string | null;
  /** The main part's content; "Copy" with an icon by default. */
  children?: ReactNode;
  primary?: boolean;
  small?: boolean;
  onCopied?(format: CopyFormat): void;
}

function Chevron() {
  return (
    <svg className="icon split-chevron" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

export function CopySplitButton({ keyId, masked, httpHeader, disabled, children, primary, small = true, onCopied }: CopySplitButtonProps) {
  const copy = useCopyKey();
  const envVar = useDefaultEnvVar();
  const clearSeconds = useSettingsStore((s) => s.settings?.clipboardClearSeconds);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const focusOnOpen = useRef<number>(0);
  const className = `button${small ? ' button-small' : ''}${primary ? ' button-primary' : ''}`;

  // Open: focus the asked-for item; a press outside closes.
  useEffect(() => {
    if (!open) return;
    itemRefs.current[focusOnOpen.current]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openAt(index: number) {
    focusOnOpen.current = index;
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  }

  async function run(format: CopyFormat) {
    if (open) close(true);
    if (await copy(keyId, format)) onCopied?.(format);
  }

  function onToggleKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : COPY_FORMATS.length - 1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const items = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % items.length,
      ArrowUp: (at - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      items[moves[event.key]!]?.focus();
    } else if (event.key === 'Escape') {
      // Handled here: the details panel must not close as well.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  }

  return (
    <div className="split-button" ref={rootRef}>
      <button
        type="button"
        className={className}
        onClick={() => void run('key')}
        disabled={disabled !== null}
        title={disabled ?? `Copy the value; the clipboard clears ${clearSeconds === null ? 'only when you copy something else' : `after ${describeClearTime(clearSeconds ?? 30)}`}`}
      >
        {children ?? (
          <>
            <Icon name="copy" size={14} /> Copy
          </>
        )}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className={`${className} split-toggle`}
        aria-label="More formats"
        aria-haspopup="menu"
        aria-expanded={open && disabled === null}
        aria-controls={open && disabled === null ? menuId : undefined}
        disabled={disabled !== null}
        title={disabled ?? `Copy as ${envVar}=… or as an HTTP header`}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onToggleKeyDown}
      >
        <Chevron />
      </button>
      {open && disabled === null ? (
        <ul id={menuId} role="menu" aria-label="Copy formats" className="copy-menu" onKeyDown={onMenuKeyDown}>
          {COPY_FORMATS.map((format, index) => (
            <li key={format} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="copy-menu-item"
                aria-describedby={`${menuId}-${format}`}
                onClick={() => void run(format)}
              >
                <span className="copy-menu-label">{copyFormatLabel(format, envVar)}</span>
                <code id={`${menuId}-${format}`} className="mono copy-menu-shape">
                  {copyFormatShape(format, envVar, masked, httpHeader)}
                </code>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
