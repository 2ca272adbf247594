/** `activity:*`: what happened to which key, newest first (the log never holds a secret). */
import type { ActivityLog } from '../../core/activity-log';
import type { HandlersOf } from './types';

export function activityHandlers({ activity }: { activity: Pick<ActivityLog, 'list'> }): HandlersOf<'activity'> {
  return {
    'activity:list': async (query) => activity.list(query),
  };
}
