/**
 * The activity log as the UI and the CLI query it: event types and the filter. The query's schema is in
 * schemas.ts (this module stays free of zod for the renderer's first chunk).
 * Pure; the log file itself is electron/core/activity-log.ts.
 */
import type { z } from 'zod';
import type { activityQuerySchema } from './schemas';
import type { ActivityEvent, ActivityType } from './types';

export const ACTIVITY_TYPES = [
  'created',
  'imported',
  'revealed',
  'copied',
  'exported',
  'injected',
  'rotated',
  'revoked',
  'deleted',
  'edited',
] as const satisfies readonly ActivityType[];

export const ACTIVITY_DEFAULT_LIMIT = 100;
export const ACTIVITY_MAX_LIMIT = 10_000;

/** activity:list's request (schemas.ts: activityQuerySchema). Every filter is optional; results are newest first. */
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
