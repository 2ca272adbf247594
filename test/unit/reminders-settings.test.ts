import { describe, expect, it } from 'vitest';
import { expiryAlerts, expiryReminders, isRotationDue, reminderMessage, ROTATION_DUE_DAYS } from '../../shared/reminders';
import { readSettings, settingsUpdateSchema } from '../../shared/schemas';
import { CLIPBOARD_CLEAR_CHOICES, DEFAULT_SETTINGS, describeClearTime } from '../../shared/settings';
import type { KeyRecord, KeyView } from '../../shared/types';
import { iso, keyView } from '../helpers/key-builders';

const DAY = 86_400_000;
const NOW = Date.parse('2030-06-01T12:00:00Z');

// Views computed a year before NOW: the reminders must derive status from `now`, not trust them.
const key = (name: string, fields: Partial<KeyRecord>): KeyView => keyView(NOW, { name, ...fields }, NOW - 365 * DAY);

describe('expiryReminders', () => {
  const keys = [
    key('fresh', { expiresAt: iso(NOW + 60 * DAY) }),
    key('soon-later', { expiresAt: iso(NOW + 14 * DAY) }),
    key('soon-first', { expiresAt: iso(NOW + 1 * DAY) }),
    key('just-expired', { expiresAt: iso(NOW) }),
    key('long-expired', { expiresAt: iso(NOW - 30 * DAY), createdAt: iso(NOW - 400 * DAY) }),
    key('revoked-expired', { expiresAt: iso(NOW - DAY), revokedAt: iso(NOW - 2 * DAY) }),
    key('revoked-old', { createdAt: iso(NOW - 400 * DAY), revokedAt: iso(NOW - 2 * DAY) }),
    key('old-never-rotated', { createdAt: iso(NOW - 200 * DAY) }),
    key('rotation-boundary', { createdAt: iso(NOW - 300 * DAY), rotatedAt: iso(NOW - ROTATION_DUE_DAYS * DAY) }),
    key('rotated-recently', { createdAt: iso(NOW - 300 * DAY), rotatedAt: iso(NOW - (ROTATION_DUE_DAYS - 1) * DAY) }),
    key('never-expires', { expiresAt: null }),
  ];
  const names = (list: KeyView[]) => list.map((k) => k.name);

  it('sorts keys into expiring soon (soonest first), expired (latest first) and rotation due (oldest first)', () => {
    const r = expiryReminders(keys, NOW);
    expect(names(r.expiringSoon)).toEqual(['soon-first', 'soon-later']);
    expect(names(r.expired)).toEqual(['just-expired', 'long-expired']);
    expect(names(r.rotationDue)).toEqual(['old-never-rotated', 'rotation-boundary']);
  });

  it('revoked keys are never reminded of; expired keys are not also "rotation due"', () => {
    const r = expiryReminders(keys, NOW);
    const all = [...r.expiringSoon, ...r.expired, ...r.rotationDue].map((k) => k.name);
    expect(all.filter((n) => n.startsWith('revoked'))).toEqual([]);
    expect(names(r.rotationDue)).not.toContain('long-expired');
  });

  it('moves keys along as time passes', () => {
    const later = expiryReminders(keys, NOW + 2 * DAY);
    expect(names(later.expiringSoon)).toEqual(['soon-later']);
    expect(names(later.expired)).toContain('soon-first');
    expect(expiryReminders([], NOW)).toEqual({ expiringSoon: [], expired: [], rotationDue: [] });
  });

  it("the banner's alerts and a key's rotation hint say what the full reminders say", () => {
    const full = expiryReminders(keys, NOW);
    expect(expiryAlerts(keys, NOW)).toEqual({ expiringSoon: full.expiringSoon, expired: full.expired });
    expect(names(keys.filter((k) => isRotationDue(k, NOW)))).toEqual(['old-never-rotated', 'rotation-boundary']);
    expect(isRotationDue(keys.find((k) => k.name === 'rotated-recently')!, NOW)).toBe(false);
    expect(isRotationDue(keys.find((k) => k.name === 'rotated-recently')!, NOW + DAY)).toBe(true);
  });

  it('a notification names the keys, or is null when nothing expires', () => {
    expect(reminderMessage({ expiringSoon: [], expired: [] })).toBeNull();
    const message = reminderMessage(expiryReminders(keys, NOW))!;
    expect(message.title).toBe('MCP Key Vault: 2 keys expired, 2 keys expiring soon');
    expect(message.body).toContain('just-expired, long-expired, soon-first and 1 more');
  });
});

describe('settings schema', () => {
  it('defaults: 30 s, 90 days, MCP_API_KEY, notifications on', () => {
    expect(DEFAULT_SETTINGS).toEqual({ clipboardClearSeconds: 30, defaultExpiryDays: 90, defaultEnvVar: 'MCP_API_KEY', notifications: true, lastNotifiedAt: null });
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('clipboard clear time: only 10/30/60/120/300 s or null (never)', () => {
    for (const s of [...CLIPBOARD_CLEAR_CHOICES, null]) expect(settingsUpdateSchema.safeParse({ clipboardClearSeconds: s }).success).toBe(true);
    for (const s of [0, 5, 45, 600, -30, '30', 30.5]) expect(settingsUpdateSchema.safeParse({ clipboardClearSeconds: s }).success).toBe(false);
  });

  it('validates every field and refuses unknown ones (lastNotifiedAt is not user-settable)', () => {
    expect(settingsUpdateSchema.safeParse({ defaultExpiryDays: 0 }).success).toBe(true);
    expect(settingsUpdateSchema.safeParse({ defaultExpiryDays: 3651 }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ defaultExpiryDays: 1.5 }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ defaultEnvVar: 'OPENAI_API_KEY' }).success).toBe(true);
    expect(settingsUpdateSchema.safeParse({ defaultEnvVar: '1BAD' }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ defaultEnvVar: 'A B' }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ notifications: 'yes' }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ lastNotifiedAt: iso(NOW) }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ theme: 'dark' }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({}).success).toBe(true);
  });

  it('reads stored settings leniently: a bad field takes its default, good ones are kept', () => {
    expect(readSettings({ clipboardClearSeconds: null, defaultExpiryDays: 'x', defaultEnvVar: 'MY_KEY', notifications: false, lastNotifiedAt: 'nope' })).toEqual({
      clipboardClearSeconds: null,
      defaultExpiryDays: 90,
      defaultEnvVar: 'MY_KEY',
      notifications: false,
      lastNotifiedAt: null,
    });
    expect(readSettings({ clipboardClearSeconds: 7 }).clipboardClearSeconds).toBe(30);
    expect(readSettings([1, 2]).defaultEnvVar).toBe('MCP_API_KEY');
    expect(readSettings({ lastNotifiedAt: '2030-01-01T00:00:00Z' }).lastNotifiedAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('describes clear times for labels', () => {
    expect([10, 30, 60, 120, 300, null].map(describeClearTime)).toEqual(['10 s', '30 s', '1 min', '2 min', '5 min', 'never']);
  });
});
