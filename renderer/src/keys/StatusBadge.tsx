import type { DisplayStatus } from '../../../shared/key-search';
import { STATUS_LABELS } from '../format';

/** A key's status in words (colour only adds to the text). */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
