/** The selected key: every field, its history, its value (Reveal / Copy) and what can be done to it. */
import type { KeyboardEvent } from 'react';
import { displayStatus } from '../../../shared/key-search';
import type { KeyView } from '../../../shared/types';
import { KeyHistory } from '../activity/KeyHistory';
import { describeExpiry } from '../../../shared/key-status';
import { formatDateTime, MISSING_VALUE } from '../format';
import { RotationHint } from '../ui/RotationHint';
import { Icon, type IconName } from '../ui/Icon';
import { useUiStore, type DialogState } from '../ui/uiStore';
import { useReadOnlyReason, useKeysStore } from './keysStore';
import { UsedIn } from '../exports/UsedIn';
import { UseKeyButton } from '../exports/UseKeyButton';
import { SecretReveal } from './SecretReveal';
import { StatusBadge } from './StatusBadge';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ActionProps {
  icon: IconName;
  label: string;
  dialog: DialogState;
  disabled: string | null;
  danger?: boolean;
}

function ActionButton({ icon, label, dialog, disabled, danger }: ActionProps) {
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <button
      type="button"
      className={`button button-small${danger ? ' button-danger-quiet' : ''}`}
      onClick={() => openDialog(dialog)}
      disabled={disabled !== null}
      title={disabled ?? undefined}
    >
      <Icon name={icon} size={14} />
      {label}
    </button>
  );
}

/** A key whose value the keychain lost (doctor's "missing-secret"): what happened and its two fixes, one click each. */
function MissingValue({ keyId, readOnly }: { keyId: string; readOnly: string | null }) {
  return (
    <div className="missing-value" role="alert">
      <p>
        <strong>No value in the OS keychain.</strong> This key cannot be copied, revealed or written to a file until its value is imported again. If
        you no longer have it, delete the key.
      </p>
      <div className="missing-value-actions">
        <ActionButton icon="key" label="Import its value…" dialog={{ kind: 'rotate', keyId }} disabled={readOnly} />
        <ActionButton icon="trash" label="Delete…" dialog={{ kind: 'delete', keyId }} disabled={readOnly} danger />
      </div>
    </div>
  );
}

export function KeyDetail({ keyView: key }: { keyView: KeyView }) {
  const now = useKeysStore((s) => s.now);
  const select = useKeysStore((s) => s.select);
  const requestListFocus = useUiStore((s) => s.requestListFocus);
  const readOnly = useReadOnlyReason();
  const status = displayStatus(key, now);
  const revoked = status === 'revoked';
  const revokedReason = revoked ? 'This key is revoked: its value was deleted from the keychain.' : null;
  const expiredReason = status === 'expired' ? 'This key has expired: rotate it or change its expiry to use it again.' : null;
  const missingReason = status === 'missing' ? MISSING_VALUE : null;
  const metadata = Object.entries(key.metadata);

  function close() {
    select(null);
    requestListFocus(key.id);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  }

  return (
    <aside className={`detail${revoked ? ' is-revoked' : ''}`} aria-labelledby="detail-title" onKeyDown={onKeyDown}>
      <header className="detail-header">
        <div className="detail-heading">
          <h2 id="detail-title">{key.name}</h2>
          <StatusBadge status={status} />
        </div>
        <button type="button" className="icon-button" aria-label="Close details" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      {key.description ? <p className="detail-description">{key.description}</p> : null}

      <RotationHint keyView={key} now={now} disabled={readOnly} />

      {missingReason ? <MissingValue keyId={key.id} readOnly={readOnly} /> : null}

      <SecretReveal
        key={`${key.fingerprint}|${key.status}`}
        keyView={key}
        revealDisabled={readOnly ?? revokedReason ?? missingReason}
        copyDisabled={readOnly ?? revokedReason ?? missingReason ?? expiredReason}
      />

      <div className="detail-actions" role="group" aria-label="Key actions">
        {/* Two groups that wrap as wholes: in a narrow pane the destructive pair moves down together, never "Delete" alone. */}
        <div className="detail-actions-group">
          <UseKeyButton keyView={key} />
          <ActionButton icon="pencil" label="Edit" dialog={{ kind: 'edit', keyId: key.id }} disabled={null} />
          <ActionButton icon="rotate" label="Rotate" dialog={{ kind: 'rotate', keyId: key.id }} disabled={readOnly ?? (revoked ? 'A revoked key cannot be rotated.' : null)} />
        </div>
        <div className="detail-actions-group">
          <ActionButton icon="ban" label="Revoke" dialog={{ kind: 'revoke', keyId: key.id }} disabled={readOnly ?? (revoked ? 'This key is already revoked.' : null)} danger />
          <ActionButton icon="trash" label="Delete" dialog={{ kind: 'delete', keyId: key.id }} disabled={readOnly} danger />
        </div>
      </div>

      <UsedIn keyId={key.id} revoked={revoked} />

      <section className="detail-section" aria-labelledby="detail-fields">
        <h3 id="detail-fields">Details</h3>
        <dl className="detail-list">
          <Row label="Owner">{key.owner || <span className="muted">—</span>}</Row>
          <Row label="Expires">
            {key.expiresAt === null ? 'never' : `${formatDateTime(key.expiresAt)} (${describeExpiry(key.expiresAt, now)})`}
          </Row>
          <Row label="Source">{key.source === 'imported' ? 'Imported' : 'Generated'}</Row>
          <Row label="Id">
            <code className="mono">{key.id}</code>
          </Row>
        </dl>
      </section>

      <section className="detail-section" aria-labelledby="detail-permissions">
        <h3 id="detail-permissions">Permissions</h3>
        {key.permissions.length ? (
          <ul className="chip-list">
            {key.permissions.map((scope) => (
              <li key={scope} className="chip mono">
                {scope}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No permissions.</p>
        )}
      </section>

      <section className="detail-section" aria-labelledby="detail-metadata">
        <h3 id="detail-metadata">Metadata</h3>
        {metadata.length ? (
          <dl className="detail-list">
            {metadata.map(([name, value]) => (
              <Row key={name} label={name}>
                {value}
              </Row>
            ))}
          </dl>
        ) : (
          <p className="muted">No metadata.</p>
        )}
      </section>

      <KeyHistory keyView={key} now={now} />
    </aside>
  );
}
