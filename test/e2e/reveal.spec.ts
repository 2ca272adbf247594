/**
 * Reveal: no secret is anywhere in the page until the user asks; a revealed value shows for 20 s with a
 * countdown, then hides itself — and hides at once on Hide, on selecting another key, on closing the
 * details. After hiding, the page holds no secret again. Copy hands the value to main's clipboard.
 */
import type { Page } from '@playwright/test';
import { expect, test, type AnyApp } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';

async function createKey(app: AnyApp, name: string): Promise<string> {
  const result = await app.cli(['create', name, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { secret: string }).secret;
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`^${name}\\b`) });

test('reveal shows the value for 20 s with a countdown, then hides it; nothing secret in the page before or after', async ({ app }) => {
  const { page } = app;
  const alpha = await createKey(app, 'alpha');
  await createKey(app, 'beta');
  // Fake timers from here on (the page is reloaded so every timer is under the test's clock).
  await page.clock.install();
  await app.reload();
  await expect(row(page, 'beta')).toBeVisible();

  const secrets = await app.secrets();
  expect(secrets).toHaveLength(2);
  await expectNoSecretOnPage(page, secrets);

  await row(page, 'alpha').click();
  const detail = page.getByRole('complementary', { name: 'alpha' });
  await expectNoSecretOnPage(page, secrets);
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  const timer = detail.getByRole('timer');
  await expect(timer).toHaveText('Hides in 20 s');

  await page.clock.runFor(5_000);
  await expect(timer).toHaveText('Hides in 15 s');
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();

  await page.clock.runFor(14_000);
  await expect(timer).toHaveText('Hides in 1 s');
  await page.clock.runFor(1_100);
  await expect(detail.getByText(alpha, { exact: true })).toBeHidden();
  await expect(timer).toHaveCount(0);
  await expect(detail.getByText(`mcp_sk_…${alpha.slice(-4)}`)).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Reveal' })).toBeVisible();
  await expectNoSecretOnPage(page, secrets);
});

test('a revealed value hides at once on Hide, on selecting another key, on closing the details and on Esc', async ({ app }) => {
  const { page } = app;
  const alpha = await createKey(app, 'alpha');
  await createKey(app, 'beta');
  const secrets = await app.secrets();
  await row(page, 'alpha').click();
  let detail = page.getByRole('complementary', { name: 'alpha' });

  // Hide button.
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  await detail.getByRole('button', { name: 'Hide' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeHidden();
  await expectNoSecretOnPage(page, secrets);

  // Selecting another key.
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  await row(page, 'beta').click();
  await expect(page.getByRole('complementary', { name: 'beta' })).toBeVisible();
  await expectNoSecretOnPage(page, secrets);
  // Coming back does not bring it back.
  await row(page, 'alpha').click();
  detail = page.getByRole('complementary', { name: 'alpha' });
  await expect(detail.getByRole('button', { name: 'Reveal' })).toBeVisible();
  await expectNoSecretOnPage(page, secrets);

  // Closing the details.
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  await detail.getByRole('button', { name: 'Close details' }).click();
  await expect(detail).toBeHidden();
  await expectNoSecretOnPage(page, secrets);

  // Esc in the details closes them, and focus goes back to the key's row.
  await row(page, 'alpha').click();
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  await detail.getByRole('button', { name: 'Hide' }).focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(row(page, 'alpha')).toBeFocused();
  await expectNoSecretOnPage(page, secrets);
});

test('a revealed value hides when the key is rotated or revoked elsewhere (the CLI)', async ({ app }) => {
  const { page } = app;
  const alpha = await createKey(app, 'alpha');
  await row(page, 'alpha').click();
  const detail = page.getByRole('complementary', { name: 'alpha' });
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  expect((await app.cli(['revoke', 'alpha', '--yes'])).code).toBe(0);
  await expect(detail.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(detail.getByText(alpha, { exact: true })).toBeHidden();
  expect((await page.content()).includes(alpha), 'holds the secret').toBe(false);
  await expect(detail.getByRole('button', { name: 'Reveal' })).toBeDisabled();
});

test('copy puts the value on the clipboard through main, counts a use, and never shows it', async ({ app }) => {
  const { page } = app;
  const alpha = await createKey(app, 'alpha');
  await row(page, 'alpha').click();
  const detail = page.getByRole('complementary', { name: 'alpha' });
  await detail.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(/clipboard clears in \d+ s/);
  expect(await app.clipboardText()).toBe(alpha);
  await expect(detail).toContainText(/Usage count\s*1/);
  await expectNoSecretOnPage(page, [alpha]);
});
