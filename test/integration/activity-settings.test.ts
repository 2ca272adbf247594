/**
 * Activity log, settings, reminders and the copy/clipboard channels through the real IPC dispatcher, the real
 * keychain and store, and the real CLI — sharing one vault folder as the app and `mcpkv` do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent, KeyView, KeyWithSecret } from '../../shared/types';
import type { Settings } from '../../shared/settings';
import { ActivityLog } from '../../electron/core/activity-log';
import { KeytarSecretStore } from '../../electron/core/keychain';
import { openNodeStore } from '../../electron/core/conf-store';
import { Vault } from '../../electron/core/vault';
import { ExportsService } from '../../electron/core/exports/exports-service';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

const DAY = 86_400_000;
let t: TestVault;
let vault: Vault;
let ipc: IpcHarness;

/** The vault as the app opens it: with its activity log in the vault folder. */
function openVault(now?: () => number): Vault {
  return new Vault({ store: openNodeStore(t.home), secrets: new KeytarSecretStore(t.service), activity: new ActivityLog(t.home), now });
}

beforeEach(() => {
  t = makeTestVault();
  vault = openVault();
  ipc = makeIpcHarness(vault);
});
afterEach(async () => {
  await t.cleanup();
});

const ok = <T>(channel: string, payload: unknown = {}) => ipc.ok<T>(channel, payload);
const fails = (channel: string, payload: unknown, code: string) => ipc.fails(channel, payload, code);

const cli = (args: string[], input?: string) => runCli(args, t.env, { input, cwd: t.home });
const activityFile = () => path.join(t.home, 'activity.jsonl');
const logged = (): ActivityEvent[] => fs.readFileSync(activityFile(), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ActivityEvent);

describe('activity log', () => {
  it('records every kind of event from the app and the CLI in activity.jsonl — and never a secret', async () => {
    const secrets: string[] = [];
    const a = await ok<KeyWithSecret>('keys:create', { name: 'Alpha', permissions: ['chats:create'] });
    secrets.push(a.secret);
    const importedValue = 'sk-proj-IMPORTEDvalue0123456789';
    secrets.push(importedValue);
    const b = await ok<KeyView>('keys:create', { name: 'Bravo', importSecret: importedValue });
    expect((await ok<{ secret: string }>('keys:reveal', { id: a.id })).secret).toBe(a.secret);
    const copied = await ok<Record<string, unknown>>('keys:copy', { id: a.id, format: 'env' });
    secrets.push(ipc.clipboardText());
    expect(JSON.stringify(copied).includes(a.secret), 'holds the secret').toBe(false);
    fs.mkdirSync(path.join(t.home, 'project'));
    await new ExportsService(vault).use(a.id, { envPath: path.join(t.home, 'project', '.env') });
    await ok('keys:edit', { id: a.id, changes: { name: 'Alpha 2' } });
    const rotated = await ok<KeyWithSecret>('keys:rotate', { id: a.id });
    secrets.push(rotated.secret);
    const newImported = 'sk-proj-ROTATEDvalue9876543210';
    secrets.push(newImported);
    await ok('keys:rotate', { id: b.id, newSecret: newImported });
    await ok('keys:revoke', { id: b.id });
    await ok('keys:delete', { id: a.id, confirmName: 'Alpha 2' });

    // The CLI appends to the same log.
    const c = parseJson<KeyWithSecret>(await cli(['create', 'Charlie', '--json']));
    secrets.push(c.secret);
    expect((await cli(['use', 'Charlie', '--env', path.join(t.home, 'cli.env')])).code).toBe(0);
    const cRotated = parseJson<KeyWithSecret>(await cli(['rotate', 'Charlie', '--json']));
    secrets.push(cRotated.secret);

    const events = logged();
    expect(events.map((e) => `${e.type} ${e.keyName}`)).toEqual([
      'created Alpha',
      'imported Bravo',
      'revealed Alpha',
      'copied Alpha',
      'exported Alpha',
      'edited Alpha 2',
      'rotated Alpha 2',
      'rotated Bravo',
      'revoked Bravo',
      'deleted Alpha 2',
      'created Charlie',
      'exported Charlie',
      'rotated Charlie',
    ]);
    expect(events.find((e) => e.type === 'copied')!.detail).toBe('env');
    expect(events.find((e) => e.type === 'exported')!.detail).toContain(path.join(t.home, 'project', '.env'));
    for (const e of events) expect(Date.parse(e.at)).not.toBeNaN();
    if (process.platform !== 'win32') expect(fs.statSync(activityFile()).mode & 0o777).toBe(0o600);

    // No secret anywhere in the vault folder (activity.jsonl, vault.json, locks), nor in what activity:list returns.
    expect(secrets.every((s) => s.length >= 20)).toBe(true);
    const files = t.files().filter((f) => !f.file.endsWith('.env'));
    expect(files.map((f) => path.basename(f.file))).toContain('activity.jsonl');
    const listed = JSON.stringify(await ok('activity:list', { limit: 10_000 }));
    for (const secret of secrets) {
      for (const { file, content } of files) expect(content.includes(secret), `${secret.slice(0, 8)}… in ${file}`).toBe(false);
      expect(listed.includes(secret), 'holds the secret').toBe(false);
    }
  });

  it('activity:list filters by key, type and text, newest first, with limit/offset and total', async () => {
    const one = await ok<KeyWithSecret>('keys:create', { name: 'Production Key' });
    const two = await ok<KeyWithSecret>('keys:create', { name: 'Staging Key' });
    for (let i = 0; i < 3; i++) await ok('keys:copy', { id: one.id, format: i === 2 ? 'header' : 'key' });
    await ok('keys:reveal', { id: two.id });
    await ok('keys:revoke', { id: two.id });

    type Page = { events: ActivityEvent[]; total: number };
    const all = await ok<Page>('activity:list');
    expect(all.total).toBe(7);
    expect(all.events.map((e) => e.type)).toEqual(['revoked', 'revealed', 'copied', 'copied', 'copied', 'created', 'created']);

    const forOne = await ok<Page>('activity:list', { keyId: one.id });
    expect(forOne.total).toBe(4);
    expect(forOne.events.every((e) => e.keyId === one.id)).toBe(true);
    expect((await ok<Page>('activity:list', { types: ['revealed', 'revoked'] })).events.map((e) => e.keyName)).toEqual(['Staging Key', 'Staging Key']);
    expect((await ok<Page>('activity:list', { query: 'HEADER' })).events).toEqual([expect.objectContaining({ type: 'copied', detail: 'header' })]);
    expect((await ok<Page>('activity:list', { query: 'staging' })).total).toBe(3);

    const page = await ok<Page>('activity:list', { keyId: one.id, limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.events.map((e) => e.type)).toEqual(['copied', 'copied']);

    await fails('activity:list', { types: ['stolen'] }, 'VALIDATION');
    await fails('activity:list', { limit: 0 }, 'VALIDATION');
    await fails('activity:list', { keyId: 'not-an-id' }, 'VALIDATION');
    await fails('activity:list', { everything: true }, 'VALIDATION');

    // The CLI reads the same log, with the same filters; a deleted key's history is found by its old name.
    const cliPage = parseJson<Page>(await cli(['activity', 'Production Key', '--type', 'copied', '--limit', '2', '--json']));
    expect(cliPage.total).toBe(3);
    expect(cliPage.events).toHaveLength(2);
    await ok('keys:delete', { id: one.id, confirmName: 'Production Key' });
    const afterDelete = parseJson<Page>(await cli(['activity', 'production key', '--json']));
    expect(afterDelete.events[0]).toMatchObject({ type: 'deleted', keyId: one.id });
    const table = await cli(['activity', '--search', 'staging']);
    expect(table.stdout.split('\n')[0]).toMatch(/^WHEN \(UTC\)\s+EVENT\s+KEY\s+ID\s+DETAIL$/);
    expect(table.stdout).toContain('revoked');
    expect((await cli(['activity', '--type', 'stolen'])).code).not.toBe(0);
  });
});

describe('settings', () => {
  it('persist in vault.json and are shared by the CLI and the app', async () => {
    expect(await ok<Settings>('settings:get')).toEqual({
      clipboardClearSeconds: 30,
      defaultExpiryDays: 90,
      defaultEnvVar: 'MCP_API_KEY',
      notifications: true,
      lastNotifiedAt: null,
    });
    const updated = await ok<Settings>('settings:update', { clipboardClearSeconds: 120, defaultEnvVar: 'MY_SERVER_KEY' });
    expect(updated).toMatchObject({ clipboardClearSeconds: 120, defaultEnvVar: 'MY_SERVER_KEY', defaultExpiryDays: 90 });
    expect(JSON.parse(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8')).settings).toMatchObject({ clipboardClearSeconds: 120 });

    // The CLI sees the app's change…
    expect(parseJson<Settings>(await cli(['settings', '--json']))).toMatchObject({ clipboardClearSeconds: 120, defaultEnvVar: 'MY_SERVER_KEY' });
    expect((await cli(['settings'])).stdout).toContain('Clipboard clears after: 2 min');
    // …and the app sees the CLI's.
    expect((await cli(['settings', '--clear-after', '10', '--notifications', 'off', '--default-expiry', '30'])).code).toBe(0);
    expect(await ok<Settings>('settings:get')).toMatchObject({ clipboardClearSeconds: 10, notifications: false, defaultExpiryDays: 30, defaultEnvVar: 'MY_SERVER_KEY' });

    // Settings survive other changes to the vault file, from either side.
    await ok('keys:create', { name: 'after settings' });
    await cli(['create', 'from cli']);
    expect((await ok<Settings>('settings:get')).clipboardClearSeconds).toBe(10);

    // Copy uses them: the clear time and the env variable.
    const key = await ok<KeyWithSecret>('keys:copy', { id: (await ok<KeyView[]>('keys:list'))[0]!.id, format: 'env' });
    expect(key).toMatchObject({ clearAfterSeconds: 10 });
    expect(ipc.clipboardText()).toMatch(/^MY_SERVER_KEY=mcp_sk_/);
    await ok('settings:update', { clipboardClearSeconds: null });
    expect(await ok('keys:copy', { id: (await ok<KeyView[]>('keys:list'))[0]!.id })).toEqual({ clearsAt: null, clearAfterSeconds: null });
  });

  it('refuses invalid settings from the app and the CLI, changing nothing', async () => {
    await fails('settings:update', { clipboardClearSeconds: 45 }, 'VALIDATION');
    await fails('settings:update', { defaultEnvVar: 'bad name' }, 'VALIDATION');
    await fails('settings:update', { defaultExpiryDays: -1 }, 'VALIDATION');
    await fails('settings:update', { lastNotifiedAt: new Date().toISOString() }, 'VALIDATION');
    await fails('settings:update', { theme: 'dark' }, 'VALIDATION');
    const bad = await cli(['settings', '--clear-after', '45']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^mcpkv: Clipboard clear time must be one of 10, 30, 60, 120, 300 seconds, or never\n$/);
    expect((await cli(['settings', '--notifications', 'maybe'])).code).not.toBe(0);
    expect(await ok<Settings>('settings:get')).toMatchObject({ clipboardClearSeconds: 30, defaultEnvVar: 'MCP_API_KEY', defaultExpiryDays: 90 });
  });

  it('new keys without an expiry get the default-expiry setting; explicit expiries are kept', async () => {
    const days = (key: KeyView) => (key.expiresAt === null ? null : Math.round((Date.parse(key.expiresAt) - Date.parse(key.createdAt)) / DAY));
    expect(days(await ok<KeyView>('keys:create', { name: 'standard' }))).toBe(90);
    await ok('settings:update', { defaultExpiryDays: 30 });
    expect(days(await ok<KeyView>('keys:create', { name: 'thirty' }))).toBe(30);
    expect(days(await ok<KeyView>('keys:create', { name: 'five', expiresInDays: 5 }))).toBe(5);
    expect(days(await ok<KeyView>('keys:create', { name: 'never', expiresInDays: 0 }))).toBeNull();
    const exact = new Date(Date.now() + 7 * DAY).toISOString();
    expect((await ok<KeyView>('keys:create', { name: 'exact', expiresAt: exact })).expiresAt).toBe(exact);
    expect(days(parseJson<KeyView>(await cli(['create', 'cli default', '--json'])))).toBe(30);
    expect(days(parseJson<KeyView>(await cli(['create', 'cli explicit', '-e', '12', '--json'])))).toBe(12);
    await cli(['settings', '--default-expiry', '0']);
    expect(days(parseJson<KeyView>(await cli(['create', 'cli never', '--json'])))).toBeNull();
    expect(days(await ok<KeyView>('keys:create', { name: 'app never' }))).toBeNull();
    // Editing never applies the default.
    const edited = await ok<KeyView>('keys:edit', { id: (await ok<KeyView[]>('keys:list')).find((k) => k.name === 'five')!.id, changes: { description: 'x' } });
    expect(days(edited)).toBe(5);
  });
});

describe('copy, clipboard and reminders channels', () => {
  it('keys:copy formats in main and answers { clearsAt, clearAfterSeconds } only; clipboard:status/clear', async () => {
    const key = await ok<KeyWithSecret>('keys:create', { name: 'hdr', httpHeader: 'x-api-key' });
    expect(key.httpHeader).toBe('x-api-key');
    const before = Date.now();
    const result = await ok<{ clearsAt: string; clearAfterSeconds: number }>('keys:copy', { id: key.id, format: 'header' });
    expect(Object.keys(result).sort()).toEqual(['clearAfterSeconds', 'clearsAt']);
    expect(result.clearAfterSeconds).toBe(30);
    expect(Date.parse(result.clearsAt) - before).toBeGreaterThanOrEqual(30_000);
    expect(ipc.clipboardText()).toBe(`X-API-Key: ${key.secret}`);
    await ok('keys:copy', { id: key.id });
    expect(ipc.clipboardText()).toBe(key.secret);

    const status = await ok<{ clearsAt: string; secondsLeft: number }>('clipboard:status');
    expect(status.secondsLeft).toBeGreaterThan(25);
    expect(status.secondsLeft).toBeLessThanOrEqual(30);
    expect(await ok('clipboard:clear')).toEqual({ cleared: true });
    expect(ipc.clipboardText()).toBe('');
    expect(await ok('clipboard:status')).toBeNull();

    await ok('keys:copy', { id: key.id });
    ipc.userCopies('the user copied this');
    expect(await ok('clipboard:clear')).toEqual({ cleared: false });
    expect(ipc.clipboardText()).toBe('the user copied this');

    expect((await ok<KeyView>('keys:get', { id: key.id })).usageCount).toBe(3);
    await fails('keys:copy', { id: key.id, format: 'yaml' }, 'VALIDATION');
    await ok('keys:edit', { id: key.id, changes: { httpHeader: 'bearer' } });
    await ok('keys:copy', { id: key.id, format: 'header' });
    expect(ipc.clipboardText()).toBe(`Authorization: Bearer ${key.secret}`);
    await fails('keys:edit', { id: key.id, changes: { httpHeader: 'basic' } }, 'VALIDATION');
    await ok('keys:revoke', { id: key.id });
    ipc.userCopies('untouched');
    const refused = await fails('keys:copy', { id: key.id }, 'KEY_INACTIVE');
    expect(refused).toMatch(/revoked/);
    expect(ipc.clipboardText()).toBe('untouched');
  });

  it('vault:reminders lists expiring, expired and rotation-due keys, without secrets', async () => {
    const past = openVault(() => Date.now() - 100 * DAY);
    const created = [
      await past.create({ name: 'old and expired', expiresInDays: 30 }),
      await past.create({ name: 'old, never expires', expiresInDays: 0 }),
      await past.create({ name: 'old, expiring', expiresInDays: 105 }),
      await vault.create({ name: 'new, expiring', expiresInDays: 3 }),
      await vault.create({ name: 'new and fine', expiresInDays: 90 }),
    ];
    const revoked = await past.create({ name: 'revoked', expiresInDays: 30 });
    await vault.revoke(revoked.id);
    type Reminders = Record<'expiringSoon' | 'expired' | 'rotationDue', KeyView[]>;
    const reminders = await ok<Reminders>('vault:reminders');
    const names = (list: KeyView[]) => list.map((k) => k.name);
    expect(names(reminders.expiringSoon)).toEqual(['new, expiring', 'old, expiring']);
    expect(names(reminders.expired)).toEqual(['old and expired']);
    expect(names(reminders.rotationDue).sort()).toEqual(['old, expiring', 'old, never expires']);
    const json = JSON.stringify(reminders);
    for (const key of created) expect(json.includes(key.secret), 'holds the secret').toBe(false);
  });
});
