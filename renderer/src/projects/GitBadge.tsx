/** A file's git state as a badge: Ignored, Not ignored or Tracked ("No repository" outside git). */
import type { GitState } from '../../../shared/exports';
import { gitLabel } from './git';
import './projects.css';

export function GitBadge({ git, fileName }: { git: GitState; fileName?: string }) {
  const label = gitLabel(git, fileName);
  if (!label) return <span className="muted git-none">No repository</span>;
  return (
    <span className={`badge git-badge git-badge-${label.tone}`} title={label.explanation}>
      {label.text}
    </span>
  );
}
