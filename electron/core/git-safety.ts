/**
 * Is a .env file safe from being committed? Asks the project's own git: `check-ignore` for ignore rules
 * (including global excludes), `ls-files` for files already tracked. Offers the one-click fix of adding
 * the file to the project's .gitignore.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GitState } from '../../shared/exports';
import { VaultError } from '../../shared/errors';
import { detectEol } from '../../shared/env-file';
import { writeFileAtomic } from './atomic-write';

function git(cwd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { timeout: 10_000, windowsHide: true }, (error) => {
      if (!error) return resolve(0);
      const code = (error as { code?: unknown }).code;
      resolve(typeof code === 'number' ? code : -1);
    });
  });
}

export async function gitState(projectRoot: string, fileName: string): Promise<GitState> {
  const inRepo = await git(projectRoot, ['rev-parse', '--is-inside-work-tree']);
  if (inRepo !== 0) return { repo: false, ignored: false, tracked: false };
  const [ignored, tracked] = await Promise.all([
    // --no-index: answer from the ignore rules even for a tracked file.
    git(projectRoot, ['check-ignore', '-q', '--no-index', '--', fileName]),
    git(projectRoot, ['ls-files', '--error-unmatch', '--', fileName]),
  ]);
  return { repo: true, ignored: ignored === 0, tracked: tracked === 0 };
}

/** True when writing a secret to this file could end up in a commit. */
export function gitRisk(state: GitState): boolean {
  return state.repo && (!state.ignored || state.tracked);
}

/** Appends `/<fileName>` to the project's .gitignore (created 0644 if missing), keeping its line endings. */
export async function addToGitignore(projectRoot: string, fileName: string): Promise<void> {
  const file = path.join(projectRoot, '.gitignore');
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new VaultError('FILE_ERROR', `Cannot read ${file}.`, { cause: error });
    }
  }
  const entry = `/${fileName}`;
  if (text.split(/\r?\n/).some((line) => line.trim() === entry || line.trim() === fileName)) return;
  const eol = detectEol(text);
  const separator = text.length > 0 && !text.endsWith('\n') ? eol : '';
  try {
    await writeFileAtomic(file, `${text}${separator}${entry}${eol}`, { mode: 0o644 });
  } catch (error) {
    throw new VaultError('FILE_ERROR', `Cannot write ${file}.`, { cause: error });
  }
}
