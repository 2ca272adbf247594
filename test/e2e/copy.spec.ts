/**
 * Copying safely: from a list row (button and Ctrl+C), from the details' format menu (the key, the `.env`
 * line with the configured variable, the key's HTTP header line) and right after create. Main writes the
 * clipboard; the page never holds the value. The toast counts down to main's clear, "Clear now" clears at
 * once, the clear time follows the setting (10 s runs out for real: main's timer is not the page's), "Never"
 * keeps the copy, and a reload picks the countdown up again. The HTTP header style is chosen in create and edit.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { forScreenshots, openDetail, row, screenshot, toast } from './screen';
import type { CliKey } from './session';

const copiedToast = (page: Page) => toast(page, 'Copied');

test('copy from a list row: a countdown toast, the key on the clipboard (never in the page); Clear now empties it', async ({ app }) => {
  const { page } = app;
  const alpha = await app.createKey('alpha');
  await app.createKey('beta');
  const copy = row(page, 'alpha').getByRole('button', { name: 'Copy alpha' });
  await expect(copy).toBeVisible();
  expect(await app.clipboardText()).toBe('');

  await copy.click();
  await expect(copiedToast(page)).toHaveText(/Copied — clipboard clears in (30|2\d) s/);
  expect(await app.clipboardText()).toBe(alpha.secret);
  // Copying from the row is not opening the key.
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expectNoSecretOnPage(page, await app.secrets());

  await copiedToast(page).getByRole('button', { name: 'Clear now' }).click();
  await expect(toast(page, 'Clipboard cleared')).toBeVisible();
  await expect(copiedToast(page)).toHaveCount(0);
  expect(await app.clipboardText()).toBe('');

  // Ctrl+C on a focused row copies its key too.
  await row(page, 'beta').click();
  await expect(row(page, 'beta')).toBeFocused();
  await page.keyboard.press('Control+c');
  await expect(copiedToast(page)).toHaveText(/clipboard clears in \d+ s/);
  expect(await app.clipboardText()).toBe((await app.secrets()).find((s) => s !== alpha.secret));

  // A revoked key has nothing to copy: its row button is off, and Ctrl+C says why.
  await app.cli(['revoke', 'alpha', '--yes']);
  await expect(row(page, 'alpha').getByRole('button', { name: 'Copy alpha' })).toBeDisabled();
  await row(page, 'alpha').click();
  await expect(row(page, 'alpha')).toBeFocused();
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('alert').filter({ hasText: 'revoked key cannot be copied' })).toBeVisible();
});

test('the details menu copies the key, MCP_API_KEY=… with the configured variable, and the HTTP header in the key’s style', async ({ app }) => {
  const { page } = app;
  await app.cli(['settings', '--default-var', 'OPENAI_API_KEY']);
  const svc = await app.createKey('svc', '--header', 'x-api-key');
  const detail = await openDetail(page, 'svc');
  const toggle = detail.getByRole('button', { name: 'More formats' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await toggle.click();
  const menu = page.getByRole('menu', { name: 'Copy formats' });
  await expect(menu.getByRole('menuitem')).toHaveText([/^Copy key/, /^Copy as OPENAI_API_KEY=…/, /^Copy as HTTP header/]);
  await expect(menu.getByRole('menuitem', { name: 'Copy as HTTP header' })).toHaveAccessibleDescription(`X-API-Key: mcp_sk_…${svc.secret.slice(-4)}`);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Copy as OPENAI_API_KEY=…' }).click();
  await expect(menu).toBeHidden();
  await expect(copiedToast(page)).toHaveText(/Copied as OPENAI_API_KEY=… — clipboard clears in \d+ s/);
  expect(await app.clipboardText()).toBe(`OPENAI_API_KEY=${svc.secret}`);

  // By keyboard: arrows into the menu, Enter copies, focus comes back to the menu button.
  await toggle.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy key' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Copy as HTTP header' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(copiedToast(page)).toHaveText(/Copied as HTTP header — clipboard clears/);
  expect(await app.clipboardText()).toBe(`X-API-Key: ${svc.secret}`);

  // Esc closes the menu only, not the details.
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(detail).toBeVisible();
  await expect(toggle).toBeFocused();

  // The split button's main part copies the bare key.
  await detail.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(copiedToast(page)).toHaveText(/^Copied — clipboard clears/);
  expect(await app.clipboardText()).toBe(svc.secret);
  await expectNoSecretOnPage(page, [svc.secret]);

  // Every copy is a use, with its format in the log.
  const log = await app.cliJson<{ events: { detail?: string }[] }>(['activity', 'svc', '--type', 'copied']);
  expect(log.events.map((e) => e.detail)).toEqual(['key', 'header', 'env']);
});

test('the HTTP header style is chosen in create and changed in edit; the header copy follows it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New key' }).click();
  let dialog = page.getByRole('dialog', { name: 'New key' });
  const header = dialog.getByLabel('HTTP header');
  await expect(header).toHaveValue('bearer');
  await expect(header.getByRole('option')).toHaveText(['Authorization: Bearer <key> (default)', 'X-API-Key: <key>', 'Authorization: ApiKey <key>']);
  await dialog.getByLabel('Name', { exact: true }).fill('hdr');
  await header.selectOption('x-api-key');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  // Right after create: the same menu, in the dialog.
  const created = page.getByRole('dialog', { name: 'Key created' });
  await expect(created).toBeVisible();
  const [secret] = await app.secrets();
  await created.getByRole('button', { name: 'More formats' }).click();
  await created.getByRole('menuitem', { name: 'Copy as HTTP header' }).click();
  await expect(created.getByRole('status').filter({ hasText: 'Copied as HTTP header' })).toBeVisible();
  expect(await app.clipboardText()).toBe(`X-API-Key: ${secret}`);
  await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible();
  await created.getByRole('button', { name: 'Done' }).click();

  let stored = await app.cliJson<CliKey>(['view', 'hdr']);
  expect(stored.httpHeader).toBe('x-api-key');

  const detail = page.getByRole('complementary', { name: 'hdr' });
  await detail.getByRole('button', { name: 'Edit' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit hdr' });
  await expect(dialog.getByLabel('HTTP header')).toHaveValue('x-api-key');
  await dialog.getByLabel('HTTP header').selectOption('apikey');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  stored = await app.cliJson<CliKey>(['view', 'hdr']);
  expect(stored.httpHeader).toBe('apikey');

  await detail.getByRole('button', { name: 'More formats' }).click();
  await page.getByRole('menuitem', { name: 'Copy as HTTP header' }).click();
  // The toast of the copy in the dialog may still be up: wait for the clipboard itself.
  await expect.poll(() => app.clipboardText()).toBe(`Authorization: ApiKey ${secret}`);
  await expect(copiedToast(page)).toHaveText(/Copied as HTTP header/);
  await expectNoSecretOnPage(page, [secret!]);
});

test('with the clear time at 10 s the toast counts down from 10 and main empties the clipboard', async ({ app }) => {
  const { page } = app;
  await app.cli(['settings', '--clear-after', '10']);
  const key = await app.createKey('short-lived');
  // The page's timers under the test's clock, paused, so its countdown moves only by runFor; main's 10 s timer runs for real.
  await page.clock.install();
  await app.reload();
  await expect(row(page, 'short-lived')).toBeVisible();
  await page.clock.pauseAt(Date.now() + 1_000);
  await row(page, 'short-lived').getByRole('button', { name: 'Copy short-lived' }).click();
  const countdown = copiedToast(page);
  await expect(countdown).toHaveText(/Copied — clipboard clears in 10 s/);
  expect(await app.clipboardText()).toBe(key.secret);

  await page.clock.runFor(4_000);
  await expect(countdown).toHaveText(/clipboard clears in 6 s/);
  // Main clears on its own clock, whatever the page's says (a generous wait: a hang guard, not a timing).
  await expect.poll(() => app.clipboardText(), { timeout: 20_000, intervals: [500] }).toBe('');
  await page.clock.runFor(7_000);
  await expect(countdown).toHaveCount(0);
});

test('"Never" keeps the copy and says so; a reload resumes a running countdown', async ({ app }) => {
  const { page } = app;
  const key = await app.createKey('kept');
  await app.cli(['settings', '--clear-after', 'never']);
  await row(page, 'kept').getByRole('button', { name: 'Copy kept' }).click();
  const kept = page.getByRole('status').filter({ hasText: 'Copied — kept on the clipboard' });
  await expect(kept).toBeVisible();
  await expect(kept.getByRole('button', { name: 'Clear now' })).toHaveCount(0);
  expect(await app.clipboardText()).toBe(key.secret);

  await app.cli(['settings', '--clear-after', '120']);
  await row(page, 'kept').getByRole('button', { name: 'Copy kept' }).click();
  await expect(copiedToast(page)).toHaveText(/clipboard clears in 1[12]\d s/);
  await app.reload();
  await expect(row(page, 'kept')).toBeVisible();
  // Picked up from main: seconds left of the same 2 minutes, and Clear now still works.
  await expect(copiedToast(page)).toHaveText(/Copied — clipboard clears in 1[01]\d s/);
  expect(await app.clipboardText()).toBe(key.secret);
  await copiedToast(page).getByRole('button', { name: 'Clear now' }).click();
  await expect(toast(page, 'Clipboard cleared')).toBeVisible();
  expect(await app.clipboardText()).toBe('');
  // Nothing pending now: another reload brings no countdown back.
  await app.reload();
  await expect(row(page, 'kept')).toBeVisible();
  await expect(copiedToast(page)).toHaveCount(0);
});

test('screenshot: the copy toast', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { reducedMotion: 'reduce' });
  await app.cli(['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create', '-p', 'models:read', '--meta', 'environment=production', '-e', '365']);
  await app.cli(['create', 'anthropic-staging', '-d', 'Staging stack, nightly evals', '--owner', 'bo@acme.dev', '-p', 'chats:create', '-e', '180']);
  await app.cli(['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '--owner', 'ana@acme.dev', '-p', 'contexts:read', '--header', 'x-api-key', '-e', '90']);
  await app.cli(['create', 'files-ingest', '-d', 'Document ingestion worker', '--owner', 'data@acme.dev', '-p', 'files:read', '-e', '0']);
  const detail = await openDetail(page, 'mcp-context-server');
  await detail.getByRole('button', { name: 'More formats' }).click();
  await page.getByRole('menuitem', { name: 'Copy as HTTP header' }).click();
  await expect(copiedToast(page)).toHaveText(/Copied as HTTP header — clipboard clears in (30|2\d) s/);
  await detail.getByRole('button', { name: 'More formats' }).click();
  await expect(page.getByRole('menuitem', { name: 'Copy key' })).toBeFocused();
  await screenshot(page, 'copy-toast');
});
