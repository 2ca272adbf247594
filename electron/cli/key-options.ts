/** The key fields `create` and `edit` both take: their options, and what they become in the vault's input. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { HTTP_HEADER_STYLES, type HttpHeaderStyle } from '../../shared/copy-format';
import { VaultError } from '../../shared/errors';
import type { EditKeyInput } from '../../shared/types';
import { parseDays } from './arguments';

export interface KeyOptions {
  description?: string;
  expiresInDays?: number;
  expiresAt?: string;
  permission?: string[];
  owner?: string;
  meta?: string[];
  header?: HttpHeaderStyle;
  json?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseHeaderStyle(value: string): HttpHeaderStyle {
  if (!(HTTP_HEADER_STYLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${HTTP_HEADER_STYLES.join(', ')}.`);
  return value as HttpHeaderStyle;
}

/**
 * `--expires-at`: a plain date is the end of that day where the user is (what "expires on the 31st" means);
 * anything else goes to the vault's check as an ISO 8601 date and time.
 */
export function parseExpiryDate(value: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return value;
  const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
  const end = new Date(year, month - 1, day, 23, 59, 59, 999);
  if (end.getFullYear() !== year || end.getMonth() !== month - 1 || end.getDate() !== day) throw new InvalidArgumentError('is not a date of the calendar.');
  return end.toISOString();
}

export function keyFieldOptions(command: Command): Command {
  return command
    .option('-d, --description <text>', 'what the key is for')
    .addOption(
      new Option('-e, --expires-in-days <days>', 'days until the key expires; 0 = never (default on create: the default-expiry setting, 90; none for --import)')
        .argParser(parseDays)
        .conflicts('expiresAt'),
    )
    .option('--expires-at <date>', 'the expiry: a date, 2026-12-31 (the end of that day in local time), or an ISO 8601 date and time, 2027-01-31T09:00:00Z', parseExpiryDate)
    .option('-p, --permission <scope>', `a permission scope, repeatable (e.g. chats:create)`, collect)
    .option('--owner <name or email>', 'who the key belongs to: a name or an email address, as you like (any text on one line)')
    .option('--meta <key=value>', 'a metadata pair, repeatable (e.g. environment=production)', collect)
    .option('--header <style>', 'how the key is sent over HTTP, for copy --format header: bearer (default), x-api-key or apikey', parseHeaderStyle);
}

export function keyFields(options: KeyOptions): Omit<EditKeyInput, 'name'> {
  return {
    ...(options.description !== undefined && { description: options.description }),
    ...(options.owner !== undefined && { owner: options.owner }),
    ...(options.permission !== undefined && { permissions: options.permission }),
    ...(options.expiresInDays !== undefined && { expiresInDays: options.expiresInDays }),
    ...(options.expiresAt !== undefined && { expiresAt: options.expiresAt }),
    ...(options.header !== undefined && { httpHeader: options.header }),
  };
}

export function parseMeta(pairs: string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    // The value is not echoed: it may be a key pasted into the wrong place.
    if (eq <= 0) throw new VaultError('VALIDATION', '--meta takes KEY=VALUE: one of the values has no "=".');
    const name = pair.slice(0, eq);
    // A repeated name is a conflict, not a correction: the user is told instead of the last one silently winning.
    if (Object.hasOwn(metadata, name)) throw new VaultError('VALIDATION', `--meta ${JSON.stringify(name)} is given twice; give each name once.`);
    metadata[name] = pair.slice(eq + 1);
  }
  return metadata;
}
