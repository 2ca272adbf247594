/**
 * The app follows the vault live (the CLI's changes appear without a reload, selection kept), and turns
 * read-only, saying why, when the OS keychain cannot be reached.
 */
import { expect, test } from './fixtures';
import { openDetail, row } from './screen';

test('keys created, edited and revoked by the CLI appear in the open page without a reload; selection is kept', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  // Mark the page, so a reload (which would drop the mark) cannot pass for a live update.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await app.cli(['create', 'from-cli', '-d', 'made in a terminal']);
  await expect(row(page, 'from-cli')).toBeVisible();
  await expect(row(page, 'from-cli')).toContainText('made in a terminal');

  const detail = await openDetail(page, 'from-cli');

  await app.cli(['create', 'second']);
  await expect(row(page, 'second')).toBeVisible();
  await expect(detail).toBeVisible();
  await expect(row(page, 'from-cli')).toHaveAttribute('aria-selected', 'true');

  await app.cli(['edit', 'from-cli', '-d', 'changed by the CLI']);
  await expect(detail).toContainText('changed by the CLI');

  await app.cli(['revoke', 'from-cli', '--yes']);
  // Both the status badge and the "Revoked" date's term say it; which one a check meets first depends on the load.
  await expect(detail.getByText('Revoked', { exact: true })).toHaveCount(2);
  await expect(detail.getByText('Revoked', { exact: true }).first()).toBeVisible();
  await expect(row(page, 'from-cli').getByText('Revoked', { exact: true })).toBeVisible();

  await app.cli(['delete', 'second', '--yes']);
  await expect(row(page, 'second')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test.describe('keychain unavailable', () => {
  test.use({ appOptions: { keychain: 'unavailable' } });

  test('shows a banner with help and makes the app read-only, saying why', async ({ app }) => {
    const { page } = app;
    const banner = page.getByRole('alert').filter({ hasText: 'keychain is unavailable' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('read-only');
    await expect(banner).not.toHaveText(/read-only\.\s*$/); // it carries the keychain help too

    const newKey = page.getByRole('button', { name: 'New key' });
    await expect(newKey).toBeDisabled();
    await expect(newKey).toHaveAttribute('title', /keychain is unavailable/);
    await expect(page.getByRole('button', { name: 'Create your first key' })).toBeDisabled();
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be created' })).toBeVisible();

    // A key made by the CLI (which reaches the keychain) is listed; only what needs no keychain is on.
    await app.cli(['create', 'cli-made']);
    const detail = await openDetail(page, 'cli-made');
    for (const action of ['Reveal', 'Copy', 'Rotate', 'Revoke', 'Delete']) {
      const button = detail.getByRole('button', { name: action });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute('title', /keychain is unavailable/);
    }
    await expect(detail.getByRole('button', { name: 'Edit' })).toBeEnabled();
  });
});
