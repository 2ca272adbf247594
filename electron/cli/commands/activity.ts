/** `mcpkv activity [ID] [--type T]... [--search TEXT] [--limit N] [--offset N] [--json]`: the activity log, newest first. */
import { Command, InvalidArgumentError } from 'commander';
import { ACTIVITY_MAX_LIMIT, ACTIVITY_TYPES } from '../../../shared/activity';
import { isVaultError } from '../../../shared/errors';
import { KEY_ID_PATTERN } from '../../../shared/key-format';
import type { ActivityEvent, ActivityType } from '../../../shared/types';
import type { ActivityLog } from '../../core/activity-log';
import { alignColumns, clip } from '../columns';
import type { CliIo } from '../io';
import { respond } from '../respond';

const DEFAULT_LIMIT = 50;

function collectType(value: string, previous: ActivityType[] = []): ActivityType[] {
  if (!(ACTIVITY_TYPES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${ACTIVITY_TYPES.join(', ')}.`);
  return [...previous, value as ActivityType];
}

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    return Number(value);
  };
}

export function formatActivity(events: ActivityEvent[], total: number, offset: number): string {
  if (total === 0) return 'No activity recorded yet.';
  if (events.length === 0) return `No events at offset ${offset} (${total} in all).`;
  const rows = events.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.type, clip(e.keyName, 32), e.keyId, e.detail ?? '']);
  const header = ['WHEN (UTC)', 'EVENT', 'KEY', 'ID', 'DETAIL'];
  const lines = alignColumns([header, ...rows]);
  if (offset + events.length < total || offset > 0) {
    lines.push('', `Events ${offset + 1}–${offset + events.length} of ${total}; --limit and --offset show others.`);
  }
  return lines.join('\n');
}

export function register(program: Command, io: CliIo): void {
  program
    .command('activity')
    .description('show the activity log (created, copied, exported, rotated, …), newest first; never a key value')
    .argument('[id]', 'only this key: id, unique id prefix, or name (also of a deleted key)')
    .option('-t, --type <type>', `only this kind of event, repeatable (${ACTIVITY_TYPES.join(', ')})`, collectType)
    .option('-s, --search <text>', 'only events whose key name, id or detail contains this text')
    .option('-n, --limit <n>', `at most this many events (default ${DEFAULT_LIMIT})`, wholeNumber(1, ACTIVITY_MAX_LIMIT))
    .option('--offset <n>', 'skip this many of the newest events', wholeNumber(0, Number.MAX_SAFE_INTEGER))
    .option('--json', 'print { events, total } as JSON')
    .action(async (ref: string | undefined, options: { type?: ActivityType[]; search?: string; limit?: number; offset?: number; json?: boolean }) => {
      const { vault, activity: log } = await io.session.open();
      let keyId: string | undefined;
      if (ref !== undefined) keyId = await resolveLogged(ref, () => vault.resolve(ref).id, log);
      const offset = options.offset ?? 0;
      const page = await log.list({
        ...(keyId !== undefined && { keyId }),
        ...(options.type && { types: options.type }),
        ...(options.search !== undefined && { query: options.search }),
        limit: options.limit ?? DEFAULT_LIMIT,
        offset,
      });
      respond(io, options, page, () => formatActivity(page.events, page.total, offset));
    });
}

/** A key of the vault, or — for history of a deleted key — a full id or a name found in the log. */
async function resolveLogged(ref: string, resolve: () => string, log: ActivityLog): Promise<string> {
  try {
    return resolve();
  } catch (error) {
    if (!isVaultError(error) || error.code !== 'NOT_FOUND') throw error;
    if (KEY_ID_PATTERN.test(ref)) return ref;
    const wanted = ref.toLocaleLowerCase();
    const ids = new Set((await log.readAll()).filter((e) => e.keyName.toLocaleLowerCase() === wanted).map((e) => e.keyId));
    if (ids.size === 1) return [...ids][0]!;
    throw error;
  }
}
