/**
 * Reveal: no secret is anywhere in the page until the user asks; a revealed value shows for 20 s with a
 * countdown, then hides itself — and hides at once on Hide, on selecting another key, on closing the
 * details. After hiding, the page holds no secret again. Copy hands the value to main's clipboard.
 */
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { openDetail, row, toast } from './screen';

test('reveal shows the value for 20 s with a countdown, then hides it; nothing secret in the page before or after', async ({ app }) => {
  const { page } = app;
  const { secret: alpha } = await app.createKey('alpha');
  await app.createKey('beta');
  // Fake timers from here on (the page is reloaded so every timer is under the test's clock), paused once the
  // page is up: the countdown moves only by runFor, however slowly the machine runs.
  await page.clock.install();
  await app.reload();
  await expect(row(page, 'beta')).toBeVisible();
  await page.clock.pauseAt(Date.now() + 1_000);

  const secrets = await app.secrets();
  expect(secrets).toHaveLength(2);
  await expectNoSecretOnPage(page, secrets);

  const detail = await openDetail(page, 'alpha');
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
  const { secret: alpha } = await app.createKey('alpha');
  await app.createKey('beta');
  const secrets = await app.secrets();
  let detail = await openDetail(page, 'alpha');

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
  detail = await openDetail(page, 'alpha');
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
  const { secret: alpha } = await app.createKey('alpha');
  const detail = await openDetail(page, 'alpha');
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha, { exact: true })).toBeVisible();
  await app.cli(['revoke', 'alpha', '--yes']);
  // The badge and the "Revoked" date's term both say it (a strict single match met only a quick check).
  await expect(detail.getByText('Revoked', { exact: true })).toHaveCount(2);
  await expect(detail.getByText(alpha, { exact: true })).toBeHidden();
  expect((await page.content()).includes(alpha), 'holds the secret').toBe(false);
  await expect(detail.getByRole('button', { name: 'Reveal' })).toBeDisabled();
});

test('copy puts the value on the clipboard through main, counts a use, and never shows it', async ({ app }) => {
  const { page } = app;
  const { secret: alpha } = await app.createKey('alpha');
  const detail = await openDetail(page, 'alpha');
  await detail.getByRole('button', { name: 'Copy' }).click();
  await expect(toast(page, 'Copied')).toHaveText(/clipboard clears in \d+ s/);
  expect(await app.clipboardText()).toBe(alpha);
  await expect(detail).toContainText(/Usage count\s*1/);
  await expectNoSecretOnPage(page, [alpha]);
});

test('a few reveals a minute go through; more only when main\'s own dialog is confirmed (issue 12, item 1)', async ({ app }) => {
  const { page } = app;
  for (const name of ['k1', 'k2', 'k3', 'k4']) await app.createKey(name);
  await app.answerConfirmations(false);
  for (const name of ['k1', 'k2', 'k3']) {
    const detail = await openDetail(page, name);
    await detail.getByRole('button', { name: 'Reveal' }).click();
    await expect(detail.getByRole('timer')).toBeVisible();
  }
  expect(await app.confirmationsAsked()).toEqual([]);
  const detail = await openDetail(page, 'k4');
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail).toContainText('was not confirmed in the vault\'s own dialog');
  await expect(detail.getByRole('timer')).toHaveCount(0);
  await expectNoSecretOnPage(page, [await app.secretOf('k4')]);
  expect((await app.confirmationsAsked()).map((q) => q.message)).toEqual(['Reveal key “k4”?']);
  await app.answerConfirmations(true);
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(await app.secretOf('k4'), { exact: true })).toBeVisible();
});
