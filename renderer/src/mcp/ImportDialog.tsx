/**
 * Import: a plaintext key in a client's config moves into the vault (main reads it from the file and puts it in
 * the OS keychain; this page only ever sees it masked), and the server is connected to it. A value the vault
 * already has is linked to that key instead.
 */
import { useState } from 'react';
import { MCP_CLIENT_NAMES, type McpChange, type McpConnectionForm, type McpServerView, type McpSlot } from '../../../shared/mcp';
import { keyNameSchema } from '../../../shared/schemas';
import { TextField } from '../keys/form/TextField';
import { FormChoice } from './FormChoice';
import { McpChangeDialog } from './McpChangeDialog';
import { isRemote, slotLabel } from './mcpLabels';
import { refOf } from './mcpStore';

interface ImportDialogProps {
  server: McpServerView;
  slot: McpSlot;
  onClose(): void;
}

export function ImportDialog({ server, slot, onClose }: ImportDialogProps) {
  const remote = isRemote(server);
  const [name, setName] = useState('');
  const [form, setForm] = useState<McpConnectionForm>(remote ? 'proxy' : 'launcher');
  const linkedTo = slot.state === 'vault-value' ? slot.keyName : null;

  const parsed = name.trim() === '' ? null : keyNameSchema.safeParse(name);
  const nameError = parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? 'Invalid name.') : undefined;
  const change: McpChange | null = nameError
    ? null
    : { action: 'import', ref: refOf(server, slot), form, ...(linkedTo === null && parsed?.success ? { name: parsed.data } : {}) };

  return (
    <McpChangeDialog
      title={`Import ${slotLabel(slot)} from ${server.name}`}
      subtitle={`${MCP_CLIENT_NAMES[server.client]} · the value goes from the file into the OS keychain, never through this window.`}
      change={change}
      placeholder={nameError ? 'Fix the name to see the preview.' : null}
      applyLabel={linkedTo ? 'Link and connect' : 'Import'}
      busyLabel="Importing…"
      onClose={onClose}
      describe={() => (linkedTo ? `Connected ${server.name} to ${linkedTo}` : `Imported ${slot.name} from ${server.name} into the vault`)}
    >
      {linkedTo ? (
        <p className="mcp-dialog-lead">
          This value is already in the vault as <strong>{linkedTo}</strong>: the server is connected to that key, nothing is imported twice.
        </p>
      ) : (
        <TextField
          label="Name in the vault"
          value={name}
          onChange={setName}
          error={nameError}
          placeholder="Made from the client, server and variable"
          hint="Leave empty for the name the vault makes from the client, server and variable. The key is marked imported."
          autoFocus
        />
      )}
      <FormChoice remote={remote} value={form} onChange={setForm} />
    </McpChangeDialog>
  );
}
