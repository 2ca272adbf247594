/** An event's type as a small badge: icon and label, coloured by kind (the words carry the meaning). */
import type { ActivityType } from '../../../shared/types';
import { ActivityIcon } from './ActivityIcon';
import { ACTIVITY_LABELS, ACTIVITY_TONES } from './activityLabels';
import './activity.css';

export function ActivityTypeBadge({ type }: { type: ActivityType }) {
  return (
    <span className={`activity-badge tone-${ACTIVITY_TONES[type]}`}>
      <ActivityIcon type={type} size={12} />
      {ACTIVITY_LABELS[type]}
    </span>
  );
}
