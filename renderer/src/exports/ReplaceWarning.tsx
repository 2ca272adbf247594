/**
 * Shown when the write would overwrite a variable that holds another vault key: names that key and asks. Once
 * replaced, that key stops being tracked in this file (its rotations no longer reach it).
 */
import type { ReplacedKey } from '../../../shared/exports';
import { Icon } from '../ui/Icon';

interface ReplaceWarningProps {
  fileName: string;
  replaces: ReplacedKey[];
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}

export function ReplaceWarning({ fileName, replaces, confirmed, onConfirm }: ReplaceWarningProps) {
  if (replaces.length === 0) return null;
  return (
    <div className="callout use-replace-warning" role="alert">
      <Icon name="alert" />
      <div className="use-git-text">
        {replaces.map((r) => (
          <strong key={r.variable}>
            <span className="mono">{r.variable}</span> in <span className="mono">{fileName}</span> holds key “{r.keyName}”: writing replaces it.
          </strong>
        ))}
        <span>{replaces.length === 1 ? 'That key' : 'Those keys'} will no longer be tracked in this file.</span>
        <label className="checkbox-row">
          <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} /> Replace{' '}
          {replaces.length === 1 ? 'it' : 'them'}
        </label>
      </div>
    </div>
  );
}
