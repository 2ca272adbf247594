/**
 * The checks the app's Use dialog makes before a key goes into a .env file, for `mcpkv use` and `create -u`: git
 * (git-safety.ts: a file git would commit gets a warning, a tracked one is asked about) and another vault key the
 * variable holds now (named, and asked about). At a terminal the user is asked; a script is refused unless --force.
 */
import path from 'node:path';
import { Option } from 'commander';
import type { GitState, ReplacedKey } from '../../shared/exports';
import type { Output } from './respond';
import { confirmOrRefuse } from './terminal';
import type { VaultContext } from './vault-context';

export interface WriteCheckOptions {
  gitignore?: boolean;
  force?: boolean;
  /** The write is of references (mcpkv://<id>), no secret: git may commit the file. */
  reference?: boolean;
}

/** --gitignore and --force, for the commands that write a key into a .env file. */
export function writeCheckOptions(): Option[] {
  return [
    new Option('--gitignore', "add the .env file to its folder's .gitignore when git would otherwise commit it"),
    new Option('--force', 'write without asking into a file git tracks, or over another vault key the variable holds (without a terminal, such a write is refused unless --force is given)'),
  ];
}

/** Git's view of the file: a warning for a file git would commit, a question (or a refusal) for a tracked one. */
export async function checkGit(file: string, options: WriteCheckOptions, output: Output): Promise<void> {
  const { addToGitignore, gitState } = await import('../core/git-safety');
  const folder = path.dirname(file);
  const name = path.basename(file);
  let state = await gitState(folder, name);
  if (!state.repo) return;
  if (options.gitignore && !state.ignored) {
    await addToGitignore(folder, name);
    output.note(`Added /${name} to ${path.join(folder, '.gitignore')}.`);
    state = await gitState(folder, name);
  }
  if (state.tracked) {
    await confirmOrRefuse(`${file} is tracked by git: the key would go into its next commit. Write it anyway?`, {
      force: options.force,
      refusal: `${file} is tracked by git, so the key would go into its next commit; nothing was written. Untrack it (git rm --cached ${name}) and add it to .gitignore (--gitignore), or pass --force.`,
    });
  } else if (!state.ignored) {
    output.note(gitWarning(file, state)!);
  }
}

/** What git's view of the file means for a key in it, or null when git would not commit it. */
export function gitWarning(file: string, state: GitState): string | null {
  if (!state.repo) return null;
  if (state.tracked) return `Warning: ${file} is tracked by git, so the key would go into its next commit (mcpkv use asks first, or refuses without --force).`;
  if (!state.ignored) return `Warning: ${file} is not ignored by git, so the key could be committed. Pass --gitignore to add it to .gitignore.`;
  return null;
}

/** Names another vault key the variable holds now and asks before it is replaced (its record of the file then ends). */
export async function checkReplaced(file: string, replaced: readonly ReplacedKey[], options: WriteCheckOptions): Promise<void> {
  if (replaced.length === 0) return;
  const what = replaced.map((r) => `${r.variable} holds key "${r.keyName}" (id ${r.keyId})`).join('; ');
  await confirmOrRefuse(`In ${file}, ${what}. Replace it? That key stops being tracked in this file.`, {
    force: options.force,
    refusal: `In ${file}, ${what}; nothing was written. Choose another variable (--var NAME), or pass --force to replace it.`,
  });
}

/** Both checks, before a write of `keys` into `file` (a key not created yet has the keyId ''). */
export async function checkBeforeWrite(
  context: Pick<VaultContext, 'exports'>,
  file: string,
  keys: { keyId: string; variable: string }[],
  options: WriteCheckOptions,
  output: Output,
): Promise<void> {
  // The write's own checks first (an active key, a valid variable name): a write that would be refused asks nothing.
  const existing = keys.filter((k) => k.keyId !== '');
  if (existing.length > 0) await context.exports.assignments({ keys: existing, require: false });
  await checkReplaced(file, await context.exports.replacedKeys(file, keys), options);
  if (!options.reference) await checkGit(file, options, output);
}
