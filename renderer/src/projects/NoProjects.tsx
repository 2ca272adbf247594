/** The Projects screen with nothing added yet: what a project is for, and the way to add one. */
import { Icon } from '../ui/Icon';

export function NoProjects({ onAdd, adding }: { onAdd(): void; adding: boolean }) {
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name="folder" size={28} />
      </div>
      <h3>No projects yet</h3>
      <p>
        Add a project folder to write keys into its .env files in one click, find keys already sitting in them, and have every file updated when a key is
        rotated.
      </p>
      <button type="button" className="button button-primary" onClick={onAdd} disabled={adding}>
        <Icon name="plus" /> {adding ? 'Choosing a folder…' : 'Add project…'}
      </button>
    </div>
  );
}
