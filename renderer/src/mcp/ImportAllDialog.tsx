/**
 * Import all: every plaintext key still in a client config, as a checklist, moved into the vault one after the
 * other (a value the vault already has is linked). Each stdio server is then started through the launcher and
 * each remote one reached through the proxy, so no key stays in any file. The previews are main's, masked.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { MCP_CLIENT_NAMES, type McpChange, type McpChangePreview } from '../../../shared/mcp';
import { plural } from '../format';
import { DiffLines } from '../exports/DiffLines';
import { useDebouncedPreview } from '../hooks/useDebouncedPreview';
import { useKeysStore } from '../keys/keysStore';
import { Dialog } from '../ui/Dialog';
import { DialogActions, FormError } from '../ui/DialogParts';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { isRemote, slotLabel } from './mcpLabels';
import { plaintextKeySlots, refOf, slotKey, useMcpStore } from './mcpStore';
import '../exports/exports.css';
import './mcp.css';

const loadPreviews = (changes: McpChange[]) => Promise.all(changes.map((change) => vaultApi().mcp.preview(change)));

export function ImportAllDialog({ onClose }: { onClose(): void }) {
  const servers = useMcpStore((s) => s.servers);
  const toast = useUiStore((s) => s.toast);
  // The list as it was when the dialog opened: imports made here must not shuffle it.
  const [items] = useState(() =>
    plaintextKeySlots(servers).map(({ server, slot }) => ({
      key: slotKey(refOf(server, slot)),
      server,
      slot,
      change: { action: 'import', ref: refOf(server, slot), form: isRemote(server) ? 'proxy' : 'launcher' } as McpChange,
    })),
  );
  const [unchecked, setUnchecked] = useState<Set<string>>(() => new Set());
  const chosen = useMemo(() => items.filter((i) => !unchecked.has(i.key)), [items, unchecked]);
  const changes = useMemo(() => chosen.map((i) => i.change), [chosen]);
  const previews = useDebouncedPreview<McpChange[], McpChangePreview[]>(loadPreviews, changes.length ? changes : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (key: string, on: boolean) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  async function importAll(event: FormEvent) {
    event.preventDefault();
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    let done = 0;
    try {
      for (const item of chosen) {
        try {
          await vaultApi().mcp.apply(item.change);
        } catch (err) {
          throw new Error(`${item.server.name} · ${item.slot.name}: ${errorMessage(err)}`);
        }
        done++;
      }
      toast(`Imported ${plural(done, 'key')} from client configs into the vault`);
      await Promise.all([useKeysStore.getState().loadKeys(), useMcpStore.getState().load()]);
      onClose();
    } catch (err) {
      setError(`${done ? `Imported ${done} of ${chosen.length}; then ` : ''}${(err as Error).message}`);
      await Promise.all([useKeysStore.getState().loadKeys(), useMcpStore.getState().load()]);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Import every plaintext key" subtitle="Each value goes from its file into the OS keychain, never through this window." onClose={onClose} size="large" busy={busy}>
      <form className="dialog-form use-form mcp-change-form" onSubmit={importAll} noValidate>
        <div className="dialog-body use-body">
          <div className="use-choices">
            <fieldset className="field">
              <legend className="field-label">
                {plural(items.length, 'plaintext key')} found
              </legend>
              <ul className="mcp-import-list">
                {items.map((item) => (
                  <li key={item.key}>
                    <label className="check-field">
                      <input type="checkbox" checked={!unchecked.has(item.key)} onChange={(event) => toggle(item.key, event.target.checked)} />
                      <span>
                        <strong>{item.server.name}</strong> <span className="mono">{slotLabel(item.slot)}</span>{' '}
                        <span className="muted">· {MCP_CLIENT_NAMES[item.server.client]}</span>
                        {item.slot.state === 'vault-value' ? <span className="muted"> · already in the vault as {item.slot.keyName}: linked</span> : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <p className="field-hint">
                New keys are named from the client, server and variable and marked imported. Stdio servers are then started through the launcher, remote ones
                reached through the local proxy: no key stays in a file.
              </p>
            </fieldset>
            <FormError message={error} />
          </div>
          <div className="use-side mcp-previews">
            {chosen.length === 0 ? (
              <p className="use-preview-empty">Choose at least one key to see the changes.</p>
            ) : previews.error && !previews.stale ? (
              <p className="use-preview-empty is-error" role="alert">
                {previews.error.message}
              </p>
            ) : !previews.preview ? (
              <p className="use-preview-empty">Loading the preview…</p>
            ) : (
              previews.preview.map((preview, i) => {
                const item = previews.request?.[i] ? items.find((it) => JSON.stringify(it.change) === JSON.stringify(previews.request![i])) : undefined;
                return (
                  <section key={i} className="mcp-preview-item" aria-label={`Preview of ${item?.server.name ?? preview.file}`}>
                    <h3 className="mcp-preview-title">
                      {item ? `${item.server.name} · ${slotLabel(item.slot)}` : ''} <span className="mono muted">{preview.file}</span>
                    </h3>
                    <DiffLines lines={preview.diff} label={`Changes to ${preview.file}`} stale={previews.stale} emptyText="Nothing changes in the file." />
                  </section>
                );
              })
            )}
          </div>
        </div>
        <DialogActions onCancel={onClose} busy={busy}>
          <button type="submit" className="button button-primary" disabled={busy || chosen.length === 0} title={chosen.length === 0 ? 'Choose at least one key.' : undefined}>
            {busy ? 'Importing…' : `Import ${plural(chosen.length, 'key')}`}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
