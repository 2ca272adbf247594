/** An activity type's icon. Decorative: the label next to it says the same in words. */
import type { ActivityType } from '../../../shared/types';
import { ACTIVITY_ICON_PATHS } from './activityLabels';

export function ActivityIcon({ type, size = 14 }: { type: ActivityType; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ACTIVITY_ICON_PATHS[type]} />
    </svg>
  );
}
