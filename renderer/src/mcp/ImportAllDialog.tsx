/**
 * Import all: every plaintext key still in a client config, as a checklist, moved into the vault one after the
 * other (a value the vault already has is linked). Each stdio server is then started through the launcher and
 * each remote one reached through the proxy, so no key stays in any file. The previews are main's, masked.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { MCP_CLIENT_NAMES, type McpChange, type McpChangePreview, type McpSlotRef } from '../../../shared/mcp';
import { plural } from '../format';
import { DiffLines } from '../exports/DiffLines';
import { useDebouncedPreview } from '../hooks/useDebouncedPreview';
import { useKeysStore } from '../keys/keysStore';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogParts';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { isRemote, slotLabel } from './mcpLabels';
import { plaintextKeySlots, refOf, slotKey, useMcpStore } from './mcpStore';
import '../exports/exports.css';
import './mcp.css';

/** Each item's preview on its own: main refusing one (its file changed, its server is gone) is said beside that item. */
type ItemPreview = { preview: McpChangePreview; error: null } | { preview: null; error: string };

const loadPreviews = async (changes: McpChange[]): Promise<ItemPreview[]> =>
  (await Promise.allSettled(changes.map((change) => vaultApi().mcp.preview(change)))).map((answer) =>
    answer.status === 'fulfilled' ? { preview: answer.value, error: null } : { preview: null, error: errorMessage(answer.reason) },
  );

const changeKey = (change: McpChange) => JSON.stringify(change);

export function ImportAllDialog({ onClose }: { onClose(): void }) {
  const servers = useMcpStore((s) => s.servers);
  const toast = useUiStore((s) => s.toast);
  // The list as it was when the dialog opened: imports made here must not shuffle it. Imported items leave it.
  const [items, setItems] = useState(() =>
    plaintextKeySlots(servers).map(({ server, slot }) => ({
      key: slotKey(refOf(server, slot)),
      server,
      slot,
      change: { action: 'import', ref: refOf(server, slot), form: isRemote(server) ? 'proxy' : 'launcher' } as McpChange,
    })),
  );
  const [unchecked, setUnchecked] = useState<Set<string>>(() => new Set());
  // Every item is previewed, checked or not: an item main refuses is said so and cannot be chosen.
  const allChanges = useMemo(() => items.map((i) => i.change), [items]);
  const previews = useDebouncedPreview<McpChange[], ItemPreview[]>(loadPreviews, allChanges.length ? allChanges : null);
  const answers = useMemo(() => {
    const byChange = new Map<string, ItemPreview>();
    previews.request?.forEach((change, i) => previews.preview?.[i] && byChange.set(changeKey(change), previews.preview[i]));
    return byChange;
  }, [previews.request, previews.preview]);
  const refusal = (item: (typeof items)[number]) => answers.get(changeKey(item.change))?.error ?? null;
  const chosen = items.filter((i) => !unchecked.has(i.key) && refusal(i) === null);
  const ready = !previews.stale && previews.preview !== null;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ imported: number; of: number; failures: string[] } | null>(null);
  // Focus goes to the first imported slot afterwards: the "Import all…" button is gone once no plaintext key is left.
  const firstImported = useRef<McpSlotRef | null>(null);

  const close = () => {
    if (firstImported.current) useMcpStore.getState().requestFocus(firstImported.current);
    onClose();
  };

  const toggle = (key: string, on: boolean) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  async function importAll(event: FormEvent) {
    event.preventDefault();
    if (busy || !ready || chosen.length === 0) return;
    setBusy(true);
    setOutcome(null);
    const imported = new Set<string>();
    const failures: string[] = [];
    // One failing item does not stop the others: each is said on its own line afterwards.
    for (const item of chosen) {
      try {
        await vaultApi().mcp.apply(item.change);
        imported.add(item.key);
        firstImported.current ??= item.change.ref;
      } catch (err) {
        failures.push(`${item.server.name} · ${slotLabel(item.slot)}: ${errorMessage(err)}`);
      }
    }
    if (failures.length === 0) toast(`Imported ${plural(imported.size, 'key')} from client configs into the vault`);
    await Promise.all([useKeysStore.getState().loadKeys(), useMcpStore.getState().load()]);
    if (failures.length === 0) return close();
    // Applied again, an imported item would be refused (already connected): a retry is of the others only.
    setItems((current) => current.filter((i) => !imported.has(i.key)));
    setOutcome({ imported: imported.size, of: chosen.length, failures });
    setBusy(false);
  }

  return (
    <Dialog title="Import every plaintext key" subtitle="Each value goes from its file into the OS keychain, never through this window." onClose={close} size="large" busy={busy}>
      <form className="dialog-form use-form mcp-change-form" onSubmit={importAll} noValidate>
        <div className="dialog-body use-body">
          <div className="use-choices">
            <fieldset className="field">
              <legend className="field-label">
                {plural(items.length, 'plaintext key')} found
              </legend>
              <ul className="mcp-import-list">
                {items.map((item) => {
                  const refused = refusal(item);
                  return (
                    <li key={item.key}>
                      <label className="check-field">
                        <input
                          type="checkbox"
                          checked={!unchecked.has(item.key) && refused === null}
                          disabled={refused !== null}
                          onChange={(event) => toggle(item.key, event.target.checked)}
                        />
                        <span>
                          <strong>{item.server.name}</strong> <span className="mono">{slotLabel(item.slot)}</span>{' '}
                          <span className="muted">· {MCP_CLIENT_NAMES[item.server.client]}</span>
                          {item.slot.state === 'vault-value' ? <span className="muted"> · already in the vault as {item.slot.keyName}: linked</span> : null}
                        </span>
                      </label>
                      {refused !== null ? <p className="field-error">{refused}</p> : null}
                    </li>
                  );
                })}
              </ul>
              <p className="field-hint">
                New keys are named from the client, server and variable and marked imported. Stdio servers are then started through the launcher, remote ones
                reached through the local proxy: no key stays in a file.
              </p>
            </fieldset>
            {outcome ? (
              <div className="form-error" role="alert">
                <p>{outcome.imported ? `Imported ${outcome.imported} of ${outcome.of}; not imported:` : 'Not imported:'}</p>
                <ul>
                  {outcome.failures.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
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
              chosen.map((item) => {
                const preview = answers.get(changeKey(item.change))?.preview;
                return preview ? (
                  <section key={item.key} className="mcp-preview-item" aria-label={`Preview of ${item.server.name}`}>
                    <h3 className="mcp-preview-title">
                      {item.server.name} · {slotLabel(item.slot)} <span className="mono muted">{preview.file}</span>
                    </h3>
                    <DiffLines lines={preview.diff} label={`Changes to ${preview.file}`} stale={previews.stale} emptyText="Nothing changes in the file." />
                  </section>
                ) : null;
              })
            )}
          </div>
        </div>
        <DialogActions onCancel={close} busy={busy}>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !ready || chosen.length === 0}
            title={!ready ? 'Wait for the preview.' : chosen.length === 0 ? 'Choose at least one key.' : undefined}
          >
            {busy ? 'Importing…' : `Import ${plural(chosen.length, 'key')}`}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
