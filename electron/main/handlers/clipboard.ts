/**
 * The handlers of copying, the clipboard, the activity log, settings and reminders (issue #5). Plain Node
 * like handlers.ts, which spreads these into the full table. No response carries a secret.
 */
import path from 'node:path';
import { expiryReminders } from '../../shared/reminders';
import { ActivityLog } from '../core/activity-log';
import type { ClipboardService } from '../core/clipboard';
import { textToCopy } from '../core/copy';
import { SettingsStore } from '../core/settings';
import type { Vault } from '../core/vault';
import type { Handlers } from './handlers';

export interface ActivityDeps {
  vault: Vault;
  clipboard: ClipboardService;
  /** Default: the log in the vault's folder (the same file the vault's ActivitySink appends to). */
  activity?: Pick<ActivityLog, 'list'>;
  /** Default: the settings in the vault file. */
  settings?: SettingsStore;
  now?: () => number;
}

export type ActivityChannel = 'keys:copy' | 'clipboard:clear' | 'clipboard:status' | 'activity:list' | 'settings:get' | 'settings:update' | 'vault:reminders';

export function createActivityHandlers(deps: ActivityDeps): Pick<Handlers, ActivityChannel> {
  const { vault, clipboard } = deps;
  const settings = deps.settings ?? new SettingsStore(vault.store);
  const activity = deps.activity ?? new ActivityLog(path.dirname(vault.store.path));
  const now = deps.now ?? Date.now;
  return {
    'keys:copy': async ({ id, format = 'key' }) => {
      const current = settings.get();
      const { text } = await textToCopy(vault, id, format, current);
      const seconds = current.clipboardClearSeconds;
      const result = await clipboard.copy(text, seconds === null ? null : seconds * 1000);
      await vault.recordUse(id, 'copied', format);
      return result;
    },
    'clipboard:clear': async () => ({ cleared: await clipboard.clearIfUnchanged() }),
    'clipboard:status': async () => clipboard.status(),
    'activity:list': async (query) => activity.list(query),
    'settings:get': async () => settings.get(),
    'settings:update': async (change) => settings.update(change),
    'vault:reminders': async () => expiryReminders(vault.list(), now()),
  };
}
