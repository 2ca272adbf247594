/** Option parsers the CLI's commands share (commander calls them; a bad value becomes a one-line error). */
import { InvalidArgumentError } from 'commander';

/** A whole number of days; 0 means never. */
export function parseDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of days (0 = never).');
  return Number(value);
}
