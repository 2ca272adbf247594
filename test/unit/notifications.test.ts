/** The expiry notification scheduler, with a fake notifier, a controllable clock and the real settings store. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toKeyView } from '../../shared/key-status';
import type { KeyRecord, KeyView } from '../../shared/types';
import { iso, keyRecord } from '../helpers/key-builders';
import { SettingsStore } from '../../electron/core/settings';
import { openNodeStore } from '../../electron/core/conf-store';
import { CHECK_EVERY_MS, NOTIFY_INTERVAL_MS, ReminderScheduler, type Notifier, type SchedulerTimers } from '../../electron/main/notifications';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2030-03-01T08:00:00Z');

class Clock implements SchedulerTimers {
  now = START;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    this.timers.set(this.next, { at: this.now + ms, callback });
    return this.next++;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  get pending() {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in order and letting their async work settle. */
  async advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
      // The scheduler sets its next timer once the check (file I/O) is done: wait for it, in real time.
      const waitUntil = Date.now() + 2_000;
      while (this.timers.size === 0 && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.now = end;
  }
}

class FakeNotifier implements Notifier {
  shown: { title: string; body: string }[] = [];
  supported = true;
  isSupported() {
    return this.supported;
  }
  show(message: { title: string; body: string }) {
    this.shown.push(message);
  }
}

/** A key named `name` at START, expiring at `expiresAt` (null: never), revoked at START if `revoked`. */
const record = (name: string, expiresAt: number | null, revoked = false): KeyRecord =>
  keyRecord(START, { name, expiresAt: expiresAt === null ? null : iso(expiresAt), revokedAt: revoked ? iso(START) : null });

let home: string;
let settings: SettingsStore;
let clock: Clock;
let notifier: FakeNotifier;
let keys: KeyRecord[];
const vault = { list: (): KeyView[] => keys.map((k) => toKeyView(k, clock.now)) };

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-notify-'));
  settings = new SettingsStore(openNodeStore(home));
  clock = new Clock();
  notifier = new FakeNotifier();
  keys = [record('far', START + 100 * DAY), record('soon', START + 3 * DAY)];
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

const scheduler = () => new ReminderScheduler({ vault, settings, notifier, timers: clock, now: () => clock.now });

describe('expiry notifications', () => {
  it('notifies at most once a day while keys are expiring, remembering when in the settings', async () => {
    const s = scheduler();
    s.start(0);
    await clock.advance(0);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]!.title).toBe('MCP Key Vault: 1 key expiring soon');
    expect(notifier.shown[0]!.body).toContain('soon');
    expect(settings.get().lastNotifiedAt).toBe(new Date(START).toISOString());

    await clock.advance(NOTIFY_INTERVAL_MS - CHECK_EVERY_MS); // hourly checks all day long
    expect(notifier.shown).toHaveLength(1);
    await clock.advance(CHECK_EVERY_MS);
    expect(notifier.shown).toHaveLength(2);
    await clock.advance(3 * DAY);
    expect(notifier.shown).toHaveLength(5); // one a day: the key expired meanwhile, still worth one a day
    expect(notifier.shown.at(-1)!.title).toContain('1 key expired');
    s.stop();
    expect(clock.pending).toBe(0);
  });

  it('a restart does not repeat the day\'s notification (lastNotifiedAt persists in the vault file)', async () => {
    const first = scheduler();
    expect(await first.check()).toBe(true);
    first.stop();
    clock.now += 2 * HOUR;
    const reopened = new ReminderScheduler({ vault, settings: new SettingsStore(openNodeStore(home)), notifier, timers: clock, now: () => clock.now });
    expect(await reopened.check()).toBe(false);
    clock.now += DAY;
    expect(await reopened.check()).toBe(true);
    expect(notifier.shown).toHaveLength(2);
  });

  it('stays silent with nothing expiring, with notifications off, or where the OS has none', async () => {
    keys = [record('far', START + 100 * DAY), record('never', null), record('revoked', START - DAY, true)];
    expect(await scheduler().check()).toBe(false);
    keys.push(record('soon', START + DAY));
    await settings.update({ notifications: false });
    expect(await scheduler().check()).toBe(false);
    await settings.update({ notifications: true });
    notifier.supported = false;
    expect(await scheduler().check()).toBe(false);
    expect(notifier.shown).toEqual([]);
    expect(settings.get().lastNotifiedAt).toBeNull();
    notifier.supported = true;
    expect(await scheduler().check()).toBe(true);
  });

  it('overlapping checks show one notification', async () => {
    const s = scheduler();
    await Promise.all([s.check(), s.check(), s.check()]);
    expect(notifier.shown).toHaveLength(1);
    expect(await s.check()).toBe(false);
  });

  it('a failing notifier or vault never throws into the app', async () => {
    notifier.show = () => {
      throw new Error('no notification daemon');
    };
    expect(await scheduler().check()).toBe(false);
    vault.list = () => {
      throw new Error('unreadable');
    };
    expect(await scheduler().check()).toBe(false);
    vault.list = (): KeyView[] => keys.map((k) => toKeyView(k, clock.now));
  });
});
