/** The key fields `create` and `edit` both take: their options, and what they become in the vault's input. */
import { Command, InvalidArgumentError } from 'commander';
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

export function keyFieldOptions(command: Command): Command {
  return command
    .option('-d, --description <text>', 'what the key is for')
    .option('-e, --expires-in-days <days>', 'days until the key expires; 0 = never (default on create: the default-expiry setting, 90)', parseDays)
    .option('--expires-at <date>', 'an exact expiry date (ISO 8601, e.g. 2027-01-31T00:00:00Z)')
    .option('-p, --permission <scope>', `a permission scope, repeatable (e.g. chats:create)`, collect)
    .option('--owner <email>', 'who the key belongs to')
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
    metadata[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return metadata;
}
