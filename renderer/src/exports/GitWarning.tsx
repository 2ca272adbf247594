/**
 * Shown when the target file could be committed: not ignored (one click adds it to .gitignore) or,
 * worse, already tracked (ignoring does not untrack; `git rm --cached` does).
 */
import type { GitState } from '../../../shared/exports';
import { gitRisk } from '../projects/git';
import { Icon } from '../ui/Icon';

interface GitWarningProps {
  fileName: string;
  git: GitState;
  onIgnore(): void;
  busy: boolean;
  error: string | null;
}

export function GitWarning({ fileName, git, onIgnore, busy, error }: GitWarningProps) {
  if (!gitRisk(git)) return null;
  return (
    <div className="callout use-git-warning" role="alert">
      <Icon name="alert" />
      <div className="use-git-text">
        {git.tracked ? (
          <>
            <strong>
              <span className="mono">{fileName}</span> is tracked by git: the key would go into the next commit.
            </strong>
            <span>
              Adding it to .gitignore does not untrack it. Run <code className="mono">git rm --cached {fileName}</code> and commit that first.
            </span>
          </>
        ) : (
          <strong>This file is not ignored by git: the key could be committed.</strong>
        )}
        {!git.ignored ? (
          <button type="button" className="button button-small" onClick={onIgnore} disabled={busy}>
            {busy ? 'Adding…' : `Add ${fileName} to .gitignore`}
          </button>
        ) : null}
        {error ? <span className="field-error">{error}</span> : null}
      </div>
    </div>
  );
}
