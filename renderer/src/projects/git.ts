/** What a file's git state means for a secret written into it, in words. */
import type { GitState } from '../../../shared/exports';

/** True when a secret written to the file could end up in a commit. */
export function gitRisk(git: GitState): boolean {
  return git.repo && (!git.ignored || git.tracked);
}

/** `.env.example` and the like: templates meant to be committed, with no real values in them. */
export function isTemplate(fileName: string): boolean {
  return /\.(example|sample|template|dist)$/i.test(fileName);
}

export interface GitLabel {
  tone: 'ok' | 'warn' | 'danger' | 'quiet';
  text: string;
  explanation: string;
}

/** null when the project is not a git repository: nothing to say. */
export function gitLabel(git: GitState, fileName?: string): GitLabel | null {
  if (!git.repo) return null;
  if (fileName && isTemplate(fileName) && (git.tracked || !git.ignored)) {
    return { tone: 'quiet', text: git.tracked ? 'Tracked' : 'Not ignored', explanation: 'A template, meant to be committed: keep real keys out of it.' };
  }
  if (git.tracked) return { tone: 'danger', text: 'Tracked', explanation: 'Tracked by git: it is committed, so a key written here goes into the next commit.' };
  if (!git.ignored) return { tone: 'warn', text: 'Not ignored', explanation: 'Not ignored by git: a key written here could be committed.' };
  return { tone: 'ok', text: 'Ignored', explanation: 'Ignored by git: it is not committed.' };
}
