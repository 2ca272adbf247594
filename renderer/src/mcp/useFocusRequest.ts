/**
 * Takes focus when the MCP screen asks for it by `key` (after a change, the button that opened its dialog may be
 * gone): on the element's first enabled button, else the element itself. Only once the dialog is closed: behind a
 * modal dialog the page is inert. One-shot: the request is dropped once acted on.
 */
import { useEffect, type RefObject } from 'react';
import { useUiStore } from '../ui/uiStore';
import { useMcpStore } from './mcpStore';

export function useFocusRequest(key: string, ref: RefObject<HTMLElement | null>): void {
  const requested = useMcpStore((s) => s.focusRequest === key);
  const modalOpen = useUiStore((s) => s.openModals > 0);
  useEffect(() => {
    if (!requested || modalOpen) return;
    const target = ref.current?.querySelector<HTMLElement>('button:not([disabled])') ?? ref.current;
    target?.focus();
    useMcpStore.getState().dropFocusRequest();
  }, [requested, modalOpen, ref]);
}
