/** How activity events read: a label, a tone (the badge's colour) and an icon per type, and their details. */
import { COPY_FORMATS, type CopyFormat } from '../../../shared/copy-format';
import type { ActivityEvent, ActivityType } from '../../../shared/types';

export type ActivityTone = 'success' | 'accent' | 'warning' | 'danger' | 'neutral';

export const ACTIVITY_LABELS: Readonly<Record<ActivityType, string>> = {
  created: 'Created',
  imported: 'Imported',
  revealed: 'Revealed',
  copied: 'Copied',
  exported: 'Written to .env',
  injected: 'Given to a command',
  rotated: 'Rotated',
  revoked: 'Revoked',
  deleted: 'Deleted',
  edited: 'Edited',
};

export const ACTIVITY_TONES: Readonly<Record<ActivityType, ActivityTone>> = {
  created: 'success',
  imported: 'success',
  revealed: 'warning',
  copied: 'accent',
  exported: 'accent',
  injected: 'accent',
  rotated: 'accent',
  revoked: 'danger',
  deleted: 'danger',
  edited: 'neutral',
};

/** Line icons on a 24-unit grid, drawn like ui/Icon's. */
export const ACTIVITY_ICON_PATHS: Readonly<Record<ActivityType, string>> = {
  created: 'M12 5v14M5 12h14',
  imported: 'M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  revealed: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z',
  copied: 'M9 9h10v12H9zM5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1',
  exported: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9l-6-6Zm0 0v6h6M9 14h6',
  // a terminal prompt: the key went to a command's environment
  injected: 'M4 5h16v14H4zM7 10l3 2-3 2M12 15h5',
  rotated: 'M21 12a9 9 0 1 1-2.64-6.36M21 3v6h-6',
  revoked: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM5.6 5.6l12.8 12.8',
  deleted: 'M3 6h18M8 6V4h8v2m-9 0 1 14h8l1-14M10 10v7m4-7v7',
  edited: 'M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4',
};

const COPIED_AS: Readonly<Record<CopyFormat, string>> = {
  key: 'the key',
  env: 'as a .env line',
  header: 'as an HTTP header',
};

function isCopyFormat(value: string): value is CopyFormat {
  return (COPY_FORMATS as readonly string[]).includes(value);
}

/** The event's detail in words: "as .env line" for a copy, the file (and variable) for an export. */
export function describeDetail(event: ActivityEvent): string | null {
  if (!event.detail) return null;
  if (event.type === 'copied' && isCopyFormat(event.detail)) return COPIED_AS[event.detail];
  return event.detail;
}
