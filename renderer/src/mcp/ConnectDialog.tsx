/**
 * Connect key: a vault key reaches one of a server's slots — an existing one (its plain value or empty entry is
 * replaced) or a new one named here. A stdio server is started through the launcher; a remote one through the
 * proxy or with the header written into the file. Drawn as a dialog of its own from the MCP clients screen, and as
 * the "An MCP server" half of the Use dialog (with the server picker before its fields and the key fixed).
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { headerOfStyle } from '../../../shared/copy-format';
import { MCP_CLIENT_NAMES, type McpChange, type McpConnectionForm, type McpServerView, type McpSlot } from '../../../shared/mcp';
import { maskKey } from '../../../shared/key-format';
import { envVarNameSchema, httpHeaderNameSchema } from '../../../shared/schemas';
import type { KeyView } from '../../../shared/types';
import { unusableReason } from '../exports/usable';
import { useKeysStore } from '../keys/keysStore';
import { TextField } from '../keys/form/TextField';
import { useDefaultEnvVar } from '../settings/settingsStore';
import { FormChoice } from './FormChoice';
import { Dialog } from '../ui/Dialog';
import { McpChangeForm } from './McpChangeDialog';
import { isRemote, slotKindOf, slotLabel } from './mcpLabels';
import { serverKey } from './mcpStore';

/** The header a key is sent in, by its header style (Authorization for Bearer and ApiKey, X-API-Key). */
function headerOf(key: KeyView | undefined): string {
  return headerOfStyle(key?.httpHeader).header;
}

/** The slots a key can be connected to: not one already connected, nor a placeholder the client fills in itself. */
function openSlots(server: McpServerView): McpSlot[] {
  return server.slots.filter((s) => s.state !== 'connected' && s.state !== 'placeholder');
}

interface ConnectFieldsProps {
  server: McpServerView;
  /** The slot to connect, or null to name one here (an existing one, or a new one). */
  slot: McpSlot | null;
  /** The key chosen beforehand (Use → An MCP server): shown, not chosen here. */
  keyId?: string;
  /** Fields drawn before the key's (the Use dialog's target and server). */
  lead?: ReactNode;
  onClose(): void;
  busy: boolean;
  setBusy(busy: boolean): void;
  /** Drawn outside the MCP clients screen (the Use dialog): focus goes back to what opened the dialog, as usual. */
  elsewhere?: boolean;
}

export function ConnectForm({ server, slot, keyId: givenKeyId, lead, onClose, busy, setBusy, elsewhere = false }: ConnectFieldsProps) {
  const keySelectId = useId();
  const slotListId = useId();
  const allKeys = useKeysStore((s) => s.keys);
  const now = useKeysStore((s) => s.now);
  const keys = useMemo(() => allKeys.filter((k) => unusableReason(k, now) === null).sort((a, b) => a.name.localeCompare(b.name)), [allKeys, now]);
  const remote = isRemote(server);
  const defaultEnvVar = useDefaultEnvVar();

  const [pickedKeyId, setKeyId] = useState(givenKeyId ?? (slot?.state === 'vault-value' ? slot.keyId : keys[0]?.id) ?? '');
  // The slot's own key may be revoked or expired (not among `keys`): the select then shows the first key, and so does the form.
  const keyId = givenKeyId ?? (keys.some((k) => k.id === pickedKeyId) ? pickedKeyId : (keys[0]?.id ?? ''));
  const key = keys.find((k) => k.id === keyId);
  const fixedKey = givenKeyId !== undefined ? allKeys.find((k) => k.id === givenKeyId) : undefined;
  const [form, setForm] = useState<McpConnectionForm>(remote ? 'proxy' : 'launcher');
  const chosenForm: McpConnectionForm = remote ? (form === 'launcher' ? 'proxy' : form) : 'launcher';
  // A name typed for one server does not carry over to another (the Use dialog's picker changes the server).
  const [typed, setTyped] = useState<{ server: string; name: string } | null>(null);
  const candidates = openSlots(server);
  const typedName = typed?.server === serverKey(server) ? typed.name : null;
  // By default the slot waiting for a key (a plaintext key, an empty entry), else a new one by the usual name.
  const waiting = candidates.find((s) => s.state !== 'plaintext');
  const slotName = slot ? slot.name : (typedName ?? waiting?.name ?? (remote ? headerOf(key) : defaultEnvVar));
  const kind = slotKindOf(server);
  const checked = (kind === 'env' ? envVarNameSchema : httpHeaderNameSchema).safeParse(slotName);
  const nameError = slot || checked.success ? undefined : (checked.error.issues[0]?.message ?? 'Invalid name.');
  const existing = slot ?? server.slots.find((s) => s.kind === kind && (kind === 'header' ? s.name.toLowerCase() === slotName.toLowerCase() : s.name === slotName)) ?? null;

  const change: McpChange | null =
    key && !nameError ? { action: 'connect', ref: { configId: server.configId, server: server.name, slot: { kind, name: slotName } }, keyId: key.id, form: chosenForm } : null;
  let placeholder: string | null = null;
  if (!key) placeholder = givenKeyId !== undefined ? `${fixedKey?.name ?? 'This key'} cannot be connected: ${unusableReason(fixedKey!, now) ?? 'it is not in the vault.'}` : keys.length === 0 ? 'No key can be connected: create or import one first.' : 'Choose a key.';
  else if (nameError) placeholder = 'Fix the name to see the preview.';
  const replacesPlainValue = existing?.state === 'plaintext-key' || existing?.state === 'plaintext';

  return (
    <McpChangeForm
      change={change}
      placeholder={placeholder}
      applyLabel="Connect"
      busyLabel="Connecting…"
      onClose={onClose}
      describe={(result) => `Connected ${key?.name ?? 'the key'} to ${result.server}`}
      busy={busy}
      setBusy={setBusy}
      focusSlotAfter={!elsewhere}
    >
      {lead}
      {givenKeyId === undefined ? (
        <div className="field">
          <label htmlFor={keySelectId} className="field-label">
            Key
          </label>
          {keys.length === 0 ? (
            <p className="field-hint">No key can be connected: every key is revoked, expired or without a value. Create or import one first.</p>
          ) : (
            <select id={keySelectId} value={keyId} onChange={(event) => setKeyId(event.target.value)} data-autofocus="">
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} ({maskKey(k)})
                </option>
              ))}
            </select>
          )}
        </div>
      ) : null}
      {slot ? (
        <div className="field">
          <span className="field-label">{kind === 'env' ? 'Variable' : 'Header'}</span>
          <p className="mcp-dialog-lead mono">{slotLabel(slot)}</p>
        </div>
      ) : (
        <>
          <TextField
            label={kind === 'env' ? 'Variable' : 'Header'}
            value={slotName}
            onChange={(name) => setTyped({ server: serverKey(server), name })}
            error={nameError}
            required
            mono
            list={candidates.length ? slotListId : undefined}
            hint={
              kind === 'env'
                ? 'The environment variable the server reads its key from: one it has, or a new one.'
                : "The header the server expects: one it has, or by default the one of the key's header style."
            }
          />
          {candidates.length ? (
            <datalist id={slotListId}>
              {candidates.map((s) => (
                <option key={s.name} value={s.name} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
      {replacesPlainValue ? (
        <p className="field-note">The plain value now in the file is removed and kept nowhere. To keep it, use Import on the MCP clients screen instead.</p>
      ) : null}
      <FormChoice remote={remote} value={chosenForm} onChange={setForm} />
    </McpChangeForm>
  );
}

interface ConnectDialogProps {
  server: McpServerView;
  slot: McpSlot | null;
  onClose(): void;
}

export function ConnectDialog({ server, slot, onClose }: ConnectDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={`Connect a key to ${server.name}`}
      subtitle={`${MCP_CLIENT_NAMES[server.client]} · the key's value stays in the OS keychain; this window never sees it.`}
      onClose={onClose}
      size="large"
      busy={busy}
    >
      <ConnectForm server={server} slot={slot} onClose={onClose} busy={busy} setBusy={setBusy} />
    </Dialog>
  );
}
