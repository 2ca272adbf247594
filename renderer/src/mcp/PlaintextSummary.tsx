/** "3 plaintext keys in client configs — Import all…": the one warning above the clients while any is left. */
import { plural } from '../format';
import { Icon } from '../ui/Icon';

export function PlaintextSummary({ count, onImportAll }: { count: number; onImportAll(): void }) {
  if (count === 0) return null;
  return (
    <div className="callout mcp-summary" role="status">
      <Icon name="alert" />
      <p>
        <strong>{plural(count, 'plaintext key')} in client configs.</strong> Anyone who can read those files has the keys, and rotation cannot reach them.
      </p>
      <button type="button" className="button button-small button-primary" onClick={onImportAll}>
        Import all…
      </button>
    </div>
  );
}
