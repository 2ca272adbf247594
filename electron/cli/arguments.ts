/** Option parsers and argument meanings the CLI's commands share (commander calls the parsers; a bad value becomes a one-line error). */
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

/** A whole number of days; 0 means never. */
export function parseDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of days (0 = never).');
  return Number(value);
}

/** The .env file an option names, or ./.env, as an absolute path. */
export function resolveEnvPath(file: string | undefined): string {
  return path.resolve(file ?? '.env');
}
