/**
 * The keyboard: `/` and Ctrl+F focus search, Ctrl+N opens Create, Esc closes dialogs and gives focus back
 * to what opened them, arrows move through rows and Enter opens a key; focus is always visible and
 * stays inside an open dialog.
 */
import { expect, test, type AnyApp } from './fixtures';
import { row } from './screen';

async function seed(app: AnyApp, names: string[]): Promise<void> {
  for (const name of names) await app.cli(['create', name]);
}

test('/ and Ctrl+F focus search; typing filters; Esc clears; ArrowDown goes to the list', async ({ app }) => {
  const { page } = app;
  await seed(app, ['apple', 'banana', 'cherry']);
  await expect(row(page, 'cherry')).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search keys' });

  await page.locator('body').press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('ban');
  await expect(page.getByRole('row')).toHaveCount(2); // header + banana
  await expect(row(page, 'banana')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('row')).toHaveCount(4);

  await search.blur();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'apple')).toBeFocused();
});

test('arrow keys move through rows with a visible focus ring; Enter opens the key', async ({ app }) => {
  const { page } = app;
  await seed(app, ['apple', 'banana', 'cherry']);
  await expect(row(page, 'cherry')).toBeVisible();
  await page.locator('body').press('/');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'apple')).toBeFocused();
  await expect(row(page, 'apple')).toHaveCSS('outline-style', 'solid');

  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'banana')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'cherry')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'cherry')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 'banana')).toBeFocused();
  await expect(page.getByRole('complementary')).toHaveCount(0);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'banana' })).toBeVisible();
  await expect(row(page, 'banana')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('End');
  await expect(row(page, 'cherry')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row(page, 'apple')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'apple' })).toBeVisible();
});

test('Ctrl+N opens Create; Esc closes it and returns focus to where it was', async ({ app }) => {
  const { page } = app;
  await seed(app, ['apple']);
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.focus();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  // Shortcuts do not fire behind a dialog.
  await page.keyboard.press('Control+f');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();

  // The same for a dialog opened from a button.
  await row(page, 'apple').click();
  const revoke = page.getByRole('complementary', { name: 'apple' }).getByRole('button', { name: 'Revoke' });
  await revoke.click();
  await expect(page.getByRole('dialog', { name: 'Revoke apple?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(revoke).toBeFocused();
  // Nothing was revoked by Esc.
  expect((await app.listKeys())[0]!.status).toBe('active');
});

test('an open dialog keeps focus inside it and has a title', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const active = document.activeElement;
      return active === document.body || active === null || active.closest('dialog[open]') !== null;
    });
    expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true);
  }
  await expect(dialog).toHaveAttribute('aria-labelledby', /.+/);
  // Shift+Tab too.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null || document.activeElement === document.body)).toBe(true);
  }
});

test('"?" lists the keyboard shortcuts (Ctrl+C on a row among them); tooltips name them too', async ({ app }) => {
  const { page } = app;
  await app.createKey('svc');
  await expect(page.getByRole('button', { name: 'Copy svc' })).toHaveAttribute('title', /Ctrl\+C on the row/);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveAttribute('title', 'Keyboard shortcuts (?)');
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Ctrl C.*Copy the focused key/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /Ctrl N.*New key/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  // Typed into the search, "?" is just a character.
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.fill('');
  await search.press('?');
  await expect(search).toHaveValue('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
