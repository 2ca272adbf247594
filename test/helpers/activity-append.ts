/** Test helper run as its own process: appends N events to the activity log in a folder, to race other processes. */
import { ActivityLog } from '../../electron/core/activity-log';

const [home, tag, count, maxEvents, compactAt] = process.argv.slice(2);
const log = new ActivityLog(home!, { maxEvents: Number(maxEvents), compactAt: Number(compactAt) });
for (let i = 0; i < Number(count); i++) {
  await log.record({ type: 'copied', keyId: `${tag}`.padEnd(16, '0'), keyName: `${tag}-${i}`, at: new Date().toISOString(), detail: 'key' });
}
