/** Option parsers and argument meanings the CLI's commands share (commander calls the parsers; a bad value becomes a one-line error). */
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { VaultError } from '../../shared/errors';

/** A whole number of days; 0 means never. */
export function parseDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of days (0 = never).');
  return Number(value);
}

/** The .env file an option names, or ./.env, as an absolute path. */
export function resolveEnvPath(file: string | undefined): string {
  return path.resolve(file ?? '.env');
}

/** --follow-symlinks, for the commands that write a .env file (its --help words). */
export const FOLLOW_SYMLINKS_HELP =
  'write through a .env that is a symlink leading out of its own folder (refused by default: a link planted in a folder could send the key anywhere)';

/** A refused link, with the flag that lets the user write through it on purpose. */
export async function suggestFollowSymlinks(error: unknown): Promise<never> {
  // Loaded with import(), as the vault core is (build-cli.mjs): by now the command's action has loaded it anyway.
  const { LinkRefusedError } = await import('../core/contained-file');
  if (error instanceof LinkRefusedError) throw new VaultError('FORBIDDEN', `${error.message} To write through it anyway, pass --follow-symlinks.`);
  throw error;
}
