/** An activity type's icon. Decorative: the label next to it says the same in words. */
import type { ActivityType } from '../../../shared/types';
import { PathIcon } from '../ui/Icon';
import { ACTIVITY_ICON_PATHS } from './activityLabels';

export function ActivityIcon({ type, size = 14 }: { type: ActivityType; size?: number }) {
  return <PathIcon d={ACTIVITY_ICON_PATHS[type]} size={size} strokeWidth={1.9} />;
}
