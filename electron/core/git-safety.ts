/**
 * Is a .env file safe from being committed? Asks the project's own git: `check-ignore` for ignore rules
 * (including global excludes), `ls-files` for files already tracked. Offers the one-click fix of adding
 * the file to the project's .gitignore.
 *
 * A project's `.git/config` is the project's, not ours: it can name programs for git to run (`core.fsmonitor`
 * runs on `ls-files`). Every git call here overrides each setting that runs a program, from the command line,
 * which wins over every config file.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { GitState } from '../../shared/exports';
import { detectEol } from '../../shared/env-file';
import { applyEnvFile } from './env-writer';

/** `-c` settings that switch off every program a repository's config could make these commands run. */
const NO_PROGRAMS = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.sshCommand=false',
  'core.pager=cat',
  'core.editor=false',
  'core.askPass=false',
  'sequence.editor=false',
  'diff.external=',
  'credential.helper=',
  'gpg.program=false',
  'protocol.allow=never',
].flatMap((setting) => ['-c', setting]);

/** No system config, no prompts, no pager, no optional index writes (a read must not rewrite the index). */
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_ASKPASS: 'false', SSH_ASKPASS: 'false' };

/** The arguments and environment of every git call. */
function gitInvocation(cwd: string, args: string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  return { args: ['--no-pager', ...NO_PROGRAMS, '-C', cwd, ...args], env: { ...process.env, ...GIT_ENV } };
}

function git(cwd: string, args: string[]): Promise<number> {
  const call = gitInvocation(cwd, args);
  return new Promise((resolve) => {
    execFile('git', call.args, { env: call.env, timeout: 10_000, windowsHide: true }, (error) => {
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

/**
 * Appends `/<fileName>` to the project's .gitignore (created 0644 if missing), keeping its line endings. Written
 * as a .env is: never through a link that leaves the project folder, never another user's file.
 */
export async function addToGitignore(projectRoot: string, fileName: string): Promise<void> {
  const entry = `/${fileName}`;
  const addEntry = (text: string) => {
    if (text.split(/\r?\n/).some((line) => line.trim() === entry || line.trim() === fileName)) return { text, changed: [] };
    const eol = detectEol(text);
    const separator = text.length > 0 && !text.endsWith('\n') ? eol : '';
    return { text: `${text}${separator}${entry}${eol}`, changed: [entry] };
  };
  await applyEnvFile(path.join(projectRoot, '.gitignore'), addEntry, { newMode: 0o644 });
}
