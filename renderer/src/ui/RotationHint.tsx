/** In a key's details: "Not rotated for N days — rotate?" for keys due for rotation, with a way to do it. */
import { isRotationDue, ROTATION_DUE_DAYS } from '../../../shared/reminders';
import { DAY_MS } from '../../../shared/key-status';
import type { KeyView } from '../../../shared/types';
import { useUiStore } from './uiStore';
import { Icon } from './Icon';
import './banners.css';


export function RotationHint({ keyView: key, now, disabled }: { keyView: KeyView; now: number; disabled: string | null }) {
  const openDialog = useUiStore((s) => s.openDialog);
  if (!isRotationDue(key, now)) return null;
  const days = Math.floor((now - Date.parse(key.rotatedAt ?? key.createdAt)) / DAY_MS);
  return (
    <div className="rotation-hint" role="note">
      <Icon name="rotate" size={14} />
      <p>
        <strong>Not rotated for {days} days — rotate?</strong>{' '}
        <span>Keys older than {ROTATION_DUE_DAYS} days are due for a new value.</span>
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => openDialog({ kind: 'rotate', keyId: key.id })}
        disabled={disabled !== null}
        title={disabled ?? 'Replace the value; the id and details stay'}
      >
        Rotate now…
      </button>
    </div>
  );
}
