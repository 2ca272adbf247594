/**
 * The activity log as the UI and the CLI query it: event types, the query schema and the filter.
 * Pure; the log file itself is electron/core/activity-log.ts.
 */
import { z } from 'zod';
import { keyIdSchema } from './schemas';
import type { ActivityEvent, ActivityType } from './types';

export const ACTIVITY_TYPES = [
  'created',
  'imported',
  'revealed',
  'copied',
  'exported',
  'rotated',
  'revoked',
  'deleted',
  'edited',
] as const satisfies readonly ActivityType[];

export const ACTIVITY_DEFAULT_LIMIT = 100;
export const ACTIVITY_MAX_LIMIT = 10_000;

export const activityTypeSchema = z.enum(ACTIVITY_TYPES, { error: `Activity type must be one of ${ACTIVITY_TYPES.join(', ')}` });

/** activity:list's request. Every filter is optional; results are newest first. */
export const activityQuerySchema = z.strictObject({
  keyId: keyIdSchema.optional(),
  types: z.array(activityTypeSchema).max(ACTIVITY_TYPES.length * 2).optional(),
  query: z.string({ error: 'Search text must be text' }).max(200, { error: 'Search text must be at most 200 characters' }).optional(),
  limit: z.number().int().min(1).max(ACTIVITY_MAX_LIMIT, { error: `Limit must be 1 to ${ACTIVITY_MAX_LIMIT}` }).optional(),
  offset: z.number().int().min(0, { error: 'Offset must be 0 or more' }).optional(),
});

export type ActivityQuery = z.input<typeof activityQuerySchema>;

export interface ActivityPage {
  /** Newest first. */
  events: ActivityEvent[];
  /** How many events match the filters (before limit and offset). */
  total: number;
}

/** Filters events given oldest first (as the log holds them) and returns one page, newest first. */
export function queryActivity(oldestFirst: readonly ActivityEvent[], query: ActivityQuery = {}): ActivityPage {
  const types = query.types?.length ? new Set<ActivityType>(query.types) : undefined;
  const text = query.query?.trim().toLocaleLowerCase() || undefined;
  const matches: ActivityEvent[] = [];
  for (let i = oldestFirst.length - 1; i >= 0; i--) {
    const event = oldestFirst[i]!;
    if (query.keyId !== undefined && event.keyId !== query.keyId) continue;
    if (types && !types.has(event.type)) continue;
    if (text && ![event.keyName, event.keyId, event.type, event.detail ?? ''].some((field) => field.toLocaleLowerCase().includes(text))) continue;
    matches.push(event);
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? ACTIVITY_DEFAULT_LIMIT;
  return { events: matches.slice(offset, offset + limit), total: matches.length };
}
