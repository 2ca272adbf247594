/**
 * Expiry reminders as OS notifications while the app runs: at most once a day, only when some keys are
 * expiring or have expired, and only when the `notifications` setting is on. When the last one was shown is
 * kept in the settings (`lastNotifiedAt`), so restarting the app does not repeat it.
 *
 * Plain Node: the notification and the timer are injected (Electron's Notification in main/index.ts, fakes
 * in tests). No `electron` import here but types.
 */
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import { expiryAlerts, reminderMessage } from '../../shared/reminders';
import type { SettingsStore } from '../core/settings';
import type { Vault } from '../core/vault';

export const NOTIFY_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often the scheduler looks (cheap: it reads metadata only). */
export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first look after start: give the window time to open first. */
export const FIRST_CHECK_AFTER_MS = 15_000;

export interface Notifier {
  isSupported(): boolean;
  show(message: { title: string; body: string }, onClick?: () => void): void;
}

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ReminderSchedulerOptions {
  vault: Pick<Vault, 'list'>;
  settings: Pick<SettingsStore, 'get' | 'markNotified'>;
  notifier: Notifier;
  timers?: SchedulerTimers;
  now?: () => number;
  /** Called when the user clicks the notification (e.g. show the window). */
  onClick?: () => void;
}

export class ReminderScheduler {
  private handle: unknown;
  private running = false;
  private checking: Promise<boolean> | undefined;
  private readonly timers: SchedulerTimers;
  private readonly now: () => number;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  start(firstCheckAfterMs = FIRST_CHECK_AFTER_MS): void {
    if (this.running) return;
    this.running = true;
    this.schedule(firstCheckAfterMs);
  }

  stop(): void {
    this.running = false;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  /** Shows the notification if it is due; true if it showed one. Never throws. */
  check(): Promise<boolean> {
    // One check at a time: two overlapping ones could both see "not notified today".
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private schedule(ms: number): void {
    this.handle = this.timers.setTimeout(() => {
      void this.check().finally(() => {
        if (this.running) this.schedule(CHECK_EVERY_MS);
      });
    }, ms);
  }

  private async checkOnce(): Promise<boolean> {
    try {
      const { notifier, settings, vault } = this.options;
      const current = settings.get();
      if (!current.notifications || !notifier.isSupported()) return false;
      const now = this.now();
      const last = current.lastNotifiedAt === null ? null : Date.parse(current.lastNotifiedAt);
      // (A "last" in the future means the clock was turned back: not a reason to stay silent for ever.)
      if (last !== null && last <= now && now - last < NOTIFY_INTERVAL_MS) return false;
      const message = reminderMessage(expiryAlerts(vault.list(), now));
      if (!message) return false;
      notifier.show(message, this.options.onClick);
      await settings.markNotified(new Date(now));
      return true;
    } catch {
      // A reminder is a courtesy: an unreadable vault or a failing notification must not disturb the app.
      return false;
    }
  }
}

/** Electron's Notification as a Notifier; main/index.ts passes the class in. */
export function electronNotifier(NotificationClass: {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}): Notifier {
  return {
    isSupported: () => NotificationClass.isSupported(),
    show(message, onClick) {
      const notification = new NotificationClass({ title: message.title, body: message.body });
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}
