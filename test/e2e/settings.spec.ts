/**
 * Settings: each saves at once with a quiet "Saved" (errors in words, checked as main checks them), is what
 * the CLI reads, survives a reload, and follows changes the CLI makes; the default expiry presets the New key
 * form. The vault: its file location, "Check the vault" (healthy; then an orphan keychain entry found and
 * repaired), and what opening the vault had to mend shown once in a dismissible banner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Settings } from '../../shared/settings';
import { keytar } from '../helpers/process';
import { App } from './app';
import { expect, test, type AnyApp } from './fixtures';
import { dateIn, forScreenshots, nav, openDetail, row, screenshot } from './screen';

const cliSettings = (app: AnyApp) => app.cliJson<Settings>(['settings']);
const setting = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const saved = (page: Page, name: string) => setting(page, name).getByRole('status').filter({ hasText: 'Saved' });

async function openSettings(page: Page): Promise<void> {
  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
}

test('each setting saves at once, says "Saved", is what the CLI reads, and survives a reload', async ({ app }) => {
  const { page } = app;
  await openSettings(page);
  expect(await cliSettings(app)).toMatchObject({ clipboardClearSeconds: 30, defaultExpiryDays: 90, defaultEnvVar: 'MCP_API_KEY', notifications: true });

  // Clipboard clear time.
  const clear = page.getByRole('radiogroup', { name: 'Clear the clipboard after' });
  await expect(clear.getByRole('radio')).toHaveCount(6);
  await expect(clear.getByRole('radio', { name: '30 s' })).toBeChecked();
  await clear.getByRole('radio', { name: '10 s' }).check();
  await expect(saved(page, 'Clear the clipboard after')).toBeVisible();
  expect((await cliSettings(app)).clipboardClearSeconds).toBe(10);
  await clear.getByRole('radio', { name: 'Never' }).check();
  await expect.poll(async () => (await cliSettings(app)).clipboardClearSeconds).toBeNull();
  // "Saved" is quiet: it goes by itself.
  await expect(saved(page, 'Clear the clipboard after')).toHaveCount(0);

  // Default expiry: a preset, then any number of days (checked as main checks it).
  const expiry = page.getByRole('radiogroup', { name: 'Default expiry' });
  await expiry.getByRole('radio', { name: '365 days' }).check();
  await expect(saved(page, 'Default expiry')).toBeVisible();
  expect((await cliSettings(app)).defaultExpiryDays).toBe(365);
  await expiry.getByRole('radio', { name: 'Other…' }).check();
  const days = page.getByLabel('Days until new keys expire');
  await expect(days).toBeFocused();
  await days.fill('5000');
  await days.press('Enter');
  await expect(setting(page, 'Default expiry').getByRole('alert')).toHaveText('Expiry must be at most 3650 days');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('abc');
  await days.press('Enter');
  await expect(setting(page, 'Default expiry').getByRole('alert')).toHaveText('Enter a whole number of days.');
  expect((await cliSettings(app)).defaultExpiryDays).toBe(365);
  await days.fill('45');
  await days.press('Enter');
  await expect(saved(page, 'Default expiry')).toBeVisible();
  await expect(setting(page, 'Default expiry').getByRole('alert')).toHaveCount(0);
  expect((await cliSettings(app)).defaultExpiryDays).toBe(45);

  // Default variable name: main's rule, in words; saved on Enter or on leaving the field.
  const variable = page.getByRole('textbox', { name: 'Default variable name' });
  await expect(variable).toHaveValue('MCP_API_KEY');
  await variable.fill('1-BAD NAME');
  await variable.press('Enter');
  await expect(variable).toHaveAccessibleDescription(/Variable name must start with a letter or _ and use only letters, digits and _/);
  await expect(variable).toHaveAttribute('aria-invalid', 'true');
  expect((await cliSettings(app)).defaultEnvVar).toBe('MCP_API_KEY');
  await variable.fill('OPENAI_API_KEY');
  await variable.blur();
  await expect(saved(page, 'Default variable name')).toBeVisible();
  await expect(variable).not.toHaveAttribute('aria-invalid', 'true');
  expect((await cliSettings(app)).defaultEnvVar).toBe('OPENAI_API_KEY');

  // Notifications.
  const notify = page.getByRole('switch', { name: 'Expiry notifications' });
  await expect(notify).toBeChecked();
  await notify.uncheck();
  await expect(saved(page, 'Expiry notifications')).toBeVisible();
  expect((await cliSettings(app)).notifications).toBe(false);

  expect(await cliSettings(app)).toMatchObject({ clipboardClearSeconds: null, defaultExpiryDays: 45, defaultEnvVar: 'OPENAI_API_KEY', notifications: false });

  // After a reload, the screen shows what was saved.
  await app.reload();
  await openSettings(page);
  await expect(clear.getByRole('radio', { name: 'Never' })).toBeChecked();
  await expect(expiry.getByRole('radio', { name: 'Other…' })).toBeChecked();
  await expect(page.getByLabel('Days until new keys expire')).toHaveValue('45');
  await expect(variable).toHaveValue('OPENAI_API_KEY');
  await expect(notify).not.toBeChecked();

  // The New key form starts from the default expiry; the copy menu uses the default variable.
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog.getByRole('radio', { name: 'On a date' })).toBeChecked();
  await expect(dialog.getByLabel('Expiry date')).toHaveValue(dateIn(45));
  await page.keyboard.press('Escape');
  await app.cli(['create', 'env-key']);
  await nav(page, 'Keys').click();
  await (await openDetail(page, 'env-key')).getByRole('button', { name: 'More formats' }).click();
  await expect(page.getByRole('menuitem', { name: 'Copy as OPENAI_API_KEY=…' })).toBeVisible();
});

test('a change made with the CLI shows on the Settings screen at once', async ({ app }) => {
  const { page } = app;
  await openSettings(page);
  const clear = page.getByRole('radiogroup', { name: 'Clear the clipboard after' });
  await expect(clear.getByRole('radio', { name: '30 s' })).toBeChecked();
  await app.cli(['settings', '--clear-after', '120', '--default-var', 'ANTHROPIC_API_KEY', '--default-expiry', '0']);
  await expect(clear.getByRole('radio', { name: '2 min' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Default variable name' })).toHaveValue('ANTHROPIC_API_KEY');
  await expect(page.getByRole('radiogroup', { name: 'Default expiry' }).getByRole('radio', { name: 'Never' })).toBeChecked();
  // And the New key form follows: never expires.
  await page.getByRole('button', { name: 'New key' }).click();
  await expect(page.getByRole('dialog', { name: 'New key' }).getByRole('radio', { name: 'Never' })).toBeChecked();
});

test('Check the vault: healthy; an orphan keychain entry is found, Repair adds it back', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'alpha']);
  await app.cli(['create', 'beta']);
  await openSettings(page);
  await expect(page.getByLabel('Vault file location')).toHaveText(path.join(app.home, 'vault.json'));

  const check = page.getByRole('button', { name: 'Check the vault' });
  await check.click();
  const result = setting(page, 'Health check').getByRole('status');
  await expect(result).toHaveText('The vault is healthy: 2 keys, 2 keychain entries, 0 .env exports, 0 MCP servers checked.');
  await expect(page.getByRole('button', { name: 'Repair' })).toHaveCount(0);

  // A value in the keychain with no record (as a lost vault file would leave it).
  const orphanId = '0123456789abcdef';
  const orphanValue = 'mcp_sk_OrphanedValueFromTheKeychain0042';
  await keytar.setPassword(app.service, orphanId, orphanValue);
  await check.click();
  await expect(result).toContainText('1 problem found');
  await expect(result).toContainText(`The keychain holds a key (${orphanId}) the vault has no record of.`);
  await expect(result).toContainText(`Repair will add it back as "Recovered key ${orphanId}".`);

  await page.getByRole('button', { name: 'Repair' }).click();
  await expect(result).toContainText('Repaired');
  await expect(result).toContainText(`Added the keychain's key ${orphanId} back as "Recovered key ${orphanId}".`);
  await expect(result).toContainText('The vault is healthy: 3 keys, 3 keychain entries, 0 .env exports, 0 MCP servers checked.');
  await expect(page.getByRole('button', { name: 'Repair' })).toHaveCount(0);
  const listed = await app.listKeys();
  expect(listed.map((k) => k.name).sort()).toEqual(['Recovered key 0123456789abcdef', 'alpha', 'beta']);
  // The recovered key is in the list, masked like any other.
  await nav(page, 'Keys').click();
  await expect(row(page, 'Recovered key 0123456789abcdef')).toContainText(`mcp_sk_…${orphanValue.slice(-4)}`);
  expect((await page.content()).includes(orphanValue), 'holds the secret').toBe(false);
});

test('Check the vault brings its results into view, however far down they appear', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1000, height: 520 });
  await app.cli(['create', 'alpha']);
  await openSettings(page);
  const check = page.getByRole('button', { name: 'Check the vault' });
  // The button at the very bottom of the window: the results, below it, start out of view.
  await check.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await check.click();
  const result = setting(page, 'Health check').getByRole('status');
  await expect(result).toContainText('The vault is healthy');
  await expect(result).toBeInViewport({ ratio: 1 });
});

test('what opening the vault had to mend is said once, in a banner that can be dismissed', async ({ browser }) => {
  test.skip(test.info().project.name !== 'chromium-bridge', 'Prepares a broken vault file before the bridge starts (the Chromium project).');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-e2e-notice-'));
  fs.writeFileSync(path.join(home, 'vault.json'), '{"keys": {"broken', { mode: 0o600 });
  const app = await App.start(browser, { home });
  try {
    const { page } = app;
    const notice = page.getByRole('status').filter({ hasText: 'The vault needed a repair when it opened' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The vault file could not be read. It was kept as');
    await expect(notice).toContainText('0 key(s) recovered');
    // The broken file was kept, not lost.
    expect(fs.readdirSync(home).some((f) => f !== 'vault.json' && f.startsWith('vault.json'))).toBe(true);

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // Once: a reload of the window does not bring it back.
    await app.reload();
    await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'The vault needed a repair' })).toHaveCount(0);
    expect(await app.findLeaks()).toEqual([]);
  } finally {
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('screenshots: the Settings screen, light and dark', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { reducedMotion: 'reduce' });
  await app.cli(['create', 'openai-production', '-e', '365']);
  await app.cli(['create', 'mcp-context-server', '-e', '90']);
  await app.cli(['create', 'files-ingest', '-e', '0']);
  await openSettings(page);
  await page.getByRole('radiogroup', { name: 'Clear the clipboard after' }).getByRole('radio', { name: '1 min' }).check();
  await expect(saved(page, 'Clear the clipboard after')).toBeVisible();
  await page.getByRole('button', { name: 'Check the vault' }).click();
  await expect(setting(page, 'Health check').getByRole('status')).toContainText('The vault is healthy: 3 keys');
  // Tall enough for the whole screen, the check's answer included.
  await page.setViewportSize({ width: 1180, height: 1000 });
  await page.locator('.settings-screen').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await screenshot(page, 'settings');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'settings-dark');
});
