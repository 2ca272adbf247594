/**
 * The one form every MCP client change goes through (Import, Connect key, Disconnect, Import all aside, and Use →
 * An MCP server): the fields the caller gives on the left, the config change as main would make it on the right
 * (mcp:preview, every value masked), and the button that makes it (mcp:apply). Enter applies, Escape cancels, and
 * focus comes back to the changed slot's row afterwards. Main moves any value between the file and the keychain
 * itself; when the change writes a key into the file in plain text, main asks once more in its own dialog.
 */
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { McpChange, McpChangePreview, McpChangeResult } from '../../../shared/mcp';
import { describeModeChange } from '../../../shared/exports';
import { useDebouncedPreview } from '../hooks/useDebouncedPreview';
import { useKeysStore } from '../keys/keysStore';
import { Dialog } from '../ui/Dialog';
import { DialogActions, FormError } from '../ui/DialogParts';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { McpPreview } from './McpPreview';
import { useMcpStore } from './mcpStore';
import '../exports/exports.css';
import './mcp.css';

const loadPreview = (change: McpChange) => vaultApi().mcp.preview(change);

export interface McpChangeFormProps {
  /** The change as chosen so far, or null while a field needs fixing (then `placeholder` says why). */
  change: McpChange | null;
  placeholder: string | null;
  applyLabel: string;
  busyLabel: string;
  /** The fields of the change. */
  children: ReactNode;
  onClose(): void;
  /** The toast after the change, e.g. "Imported API_KEY from github into the vault". */
  describe(result: McpChangeResult): string;
  /** While the change is being made the dialog around the form must not close (its Escape and close button). */
  busy: boolean;
  setBusy(busy: boolean): void;
  /** After the change, focus goes to the changed slot's row on the MCP clients screen (not when drawn elsewhere). */
  focusSlotAfter?: boolean;
}

/** The form alone, for a dialog that draws it among others (the Use dialog). */
export function McpChangeForm({ change, placeholder, applyLabel, busyLabel, children, onClose, describe, busy, setBusy, focusSlotAfter = true }: McpChangeFormProps) {
  const preview = useDebouncedPreview<McpChange, McpChangePreview>(loadPreview, change);
  const [error, setError] = useState<{ change: string; message: string } | null>(null);
  const changeKey = change ? JSON.stringify(change) : '';
  const toast = useUiStore((s) => s.toast);

  const current = !preview.stale && preview.request !== null && JSON.stringify(preview.request) === changeKey;
  const previewError = current && preview.error ? preview.error.message : null;
  const applyError = error && error.change === changeKey ? error.message : null;
  // Only the change previewed is made: not while its preview is loading, nor on an earlier change's preview.
  const disabledReason = !change
    ? (placeholder ?? 'Fix the highlighted fields first.')
    : !current
      ? 'Wait for the preview of this change.'
      : previewError
        ? 'This change cannot be made: see the preview.'
        : null;

  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!change || busy || disabledReason) return;
    setBusy(true);
    setError(null);
    try {
      const result = await vaultApi().mcp.apply(change);
      const said = describe(result);
      toast(result.tightened ? `${said}. ${describeModeChange(result.file, result.tightened)}` : said);
      // An import adds a key (or links one); every change moves a slot's state and the vault's records. The
      // dialog waits for both, so it closes on the new state.
      await Promise.all([useKeysStore.getState().loadKeys(), useMcpStore.getState().load()]);
      // The button that opened this dialog is gone (Import became Disconnect): the slot's row takes focus instead.
      if (focusSlotAfter) useMcpStore.getState().requestFocus(change.ref);
      onClose();
    } catch (err) {
      setError({ change: changeKey, message: errorMessage(err) });
      setBusy(false);
    }
  }

  return (
    <form className="dialog-form use-form mcp-change-form" onSubmit={apply} noValidate>
      <div className="dialog-body use-body">
        <div className="use-choices">
          {children}
          <FormError message={applyError} />
        </div>
        <div className="use-side">
          <McpPreview
            preview={preview.preview}
            stale={preview.stale}
            placeholder={change ? (previewError ?? null) : (placeholder ?? 'Fix the highlighted fields to see the preview.')}
            isError={change !== null && previewError !== null}
          />
        </div>
      </div>
      <DialogActions onCancel={onClose} busy={busy}>
        <button type="submit" className="button button-primary" disabled={busy || disabledReason !== null} title={disabledReason ?? undefined}>
          {busy ? busyLabel : applyLabel}
        </button>
      </DialogActions>
    </form>
  );
}

export type McpChangeDialogProps = Omit<McpChangeFormProps, 'busy' | 'setBusy'> & { title: string; subtitle?: ReactNode };

/** The form in a dialog of its own (the MCP clients screen's actions). */
export function McpChangeDialog({ title, subtitle, ...form }: McpChangeDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} subtitle={subtitle} onClose={form.onClose} size="large" busy={busy}>
      <McpChangeForm {...form} busy={busy} setBusy={setBusy} />
    </Dialog>
  );
}
