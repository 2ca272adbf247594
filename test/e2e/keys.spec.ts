/**
 * The key lifecycle through the UI, as a user does it: create (generated and imported), what the list
 * shows, validation errors, edit, rotate, revoke and delete — each checked against the real vault (CLI,
 * keychain) as well as on screen.
 */
import { DAY_MS } from '../../shared/key-status';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { keytar } from '../helpers/process';
import { dateIn, openDetail, row, toast } from './screen';

test('empty state leads to Create; a generated key is shown once, copied, and listed masked', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Create your first key' }).click();

  const dialog = page.getByRole('dialog', { name: 'New key' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'Generate a new key' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '90 days' })).toBeChecked();
  await dialog.getByLabel('Name', { exact: true }).fill('openai-prod');
  await dialog.getByLabel('Description').fill('Production completions');
  await dialog.getByLabel('Owner').fill('ana@example.com');
  await dialog.getByRole('radio', { name: '30 days' }).check();
  await dialog.getByRole('checkbox', { name: 'completions:create' }).check();
  await dialog.getByRole('checkbox', { name: 'models:read' }).check();
  await dialog.getByLabel('Other permission').fill('billing:read');
  await dialog.getByRole('button', { name: 'Add permission' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove permission billing:read' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add metadata' }).click();
  await dialog.getByLabel('Metadata name 1').fill('environment');
  await dialog.getByLabel('Metadata value 1').fill('production');
  await dialog.getByRole('button', { name: 'Add metadata' }).click();
  await dialog.getByLabel('Metadata name 2').fill('scratch');
  await dialog.getByRole('button', { name: 'Remove metadata row 2' }).click();
  await expect(dialog.getByLabel('Metadata name 2')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create key' }).click();

  // The secret, shown once, is the one in the keychain.
  const created = page.getByRole('dialog', { name: 'Key created' });
  await expect(created).toBeVisible();
  const [secret] = await app.secrets();
  expect(secret).toMatch(/^mcp_sk_/);
  await expect(created.getByText(secret!, { exact: true })).toBeVisible();
  await expect(created).toContainText('Store it safely: copy it now.');

  await created.getByRole('button', { name: 'Copy' }).click();
  const copied = toast(page, 'Copied');
  await expect(copied).toHaveText(/Copied — clipboard clears in (30|2\d) s/);
  expect(await app.clipboardText()).toBe(secret);
  // The countdown is live.
  const secondsLeft = async () => Number(/in (\d+) s/.exec((await copied.textContent()) ?? '')?.[1]);
  const first = await secondsLeft();
  await expect.poll(secondsLeft).toBeLessThan(first);

  await created.getByRole('button', { name: 'Done' }).click();
  await expect(created).toBeHidden();
  await expectNoSecretOnPage(page, await app.secrets());

  // What was stored is what was entered.
  const [stored] = await app.listKeys();
  expect(stored).toMatchObject({
    name: 'openai-prod',
    description: 'Production completions',
    owner: 'ana@example.com',
    permissions: ['completions:create', 'models:read', 'billing:read'],
    metadata: { environment: 'production' },
    status: 'active',
  });
  const days = (Date.parse(stored!.expiresAt!) - Date.now()) / DAY_MS;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThan(30.1);

  // The list: masked key, badge, expiry, permissions.
  const listed = row(page, 'openai-prod');
  await expect(listed).toContainText(`mcp_sk_…${secret!.slice(-4)}`);
  await expect(listed.getByText('Active', { exact: true })).toBeVisible();
  await expect(listed).toContainText('in 30 days');
  await expect(listed).toContainText('completions:create, models:read, billing:read');
  // Copying counted as a use (the list reloaded by itself).
  await expect(listed).toContainText('just now');
  await expect(await openDetail(page, 'openai-prod')).toContainText(/Usage count\s*1/);
});

test('imports an existing key: a password field, trimmed and saying so, value never echoed', async ({ app }) => {
  const { page } = app;
  const value = 'sk-proj-Imp0rtedValue42XYZw';
  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByRole('radio', { name: 'Import an existing key' }).check();
  const field = dialog.getByLabel('Key value');
  await expect(field).toHaveAttribute('type', 'password');
  await dialog.getByRole('button', { name: 'Import key' }).click();
  await expect(field).toHaveAccessibleDescription(/Paste the key value to import/);

  await field.fill(`  ${value}\n`);
  await expect(field).toHaveAccessibleDescription(/will be trimmed/);
  // A typed value stays a property of the input: never in the markup.
  expect((await page.content()).includes(value), 'holds the secret').toBe(false);
  await dialog.getByLabel('Name', { exact: true }).fill('legacy-openai');
  await dialog.getByRole('radio', { name: 'Never' }).check();
  await dialog.getByRole('button', { name: 'Import key' }).click();

  await expect(dialog).toBeHidden();
  await expect(toast(page, 'imported')).toContainText('surrounding whitespace was trimmed');
  expect(await app.secrets()).toEqual([value]);
  const listed = row(page, 'legacy-openai');
  await expect(listed).toContainText('sk-proj-…XYZw');
  await expect(listed).toContainText('never');
  await expectNoSecretOnPage(page, [value]);
  const [stored] = await app.listKeys();
  expect(stored).toMatchObject({ name: 'legacy-openai', expiresAt: null });
});

test('shows validation errors next to their fields: duplicate name (from main), past expiry, bad scope', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'taken-name']);
  await expect(row(page, 'taken-name')).toBeVisible();

  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  const name = dialog.getByLabel('Name', { exact: true });

  // Empty name.
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAccessibleDescription('Name is required');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // Duplicate name: main's CONFLICT, shown at the Name field (case-insensitive, as main decides).
  await name.fill('TAKEN-NAME');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAccessibleDescription('A key named "TAKEN-NAME" already exists.');

  // A date in the past.
  await name.fill('fresh-name');
  await dialog.getByRole('radio', { name: 'On a date' }).check();
  const date = dialog.getByLabel('Expiry date');
  await date.fill('2020-01-31');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(date).toHaveAccessibleDescription('Expiry date must be in the future');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  // A permission outside the allowed characters.
  await dialog.getByLabel('Other permission').fill('Bad Scope!');
  await dialog.getByRole('button', { name: 'Add permission' }).click();
  await expect(dialog.getByLabel('Other permission')).toHaveAccessibleDescription(/Permission may use only a-z/);

  // Nothing was created by any of these.
  expect((await app.listKeys()).map((k) => k.name)).toEqual(['taken-name']);

  // Fixing the date creates the key with that expiry.
  await dialog.getByLabel('Other permission').fill('');
  const ymd = dateIn(40);
  await date.fill(ymd);
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('dialog', { name: 'Key created' })).toBeVisible();
  const stored = (await app.listKeys()).find((k) => k.name === 'fresh-name')!;
  expect(new Date(stored.expiresAt!).getDate()).toBe(Number(ymd.slice(8)));
});

test('edits every field but the value', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'edit-me', '-d', 'old description', '-p', 'read', '--meta', 'team=core']);
  const [before] = await app.secrets();
  const detail = await openDetail(page, 'edit-me');
  await detail.getByRole('button', { name: 'Edit' }).click();

  const dialog = page.getByRole('dialog', { name: 'Edit edit-me' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('edit-me');
  await expect(dialog.getByLabel('Description')).toHaveValue('old description');
  await expect(dialog.getByRole('checkbox', { name: 'read', exact: true })).toBeChecked();
  await expect(dialog.getByLabel('Metadata value 1')).toHaveValue('core');
  await expect(dialog.getByLabel('Key value')).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: /^Keep/ })).toBeChecked();

  await dialog.getByLabel('Name', { exact: true }).fill('edited');
  await dialog.getByLabel('Description').fill('new description');
  await dialog.getByLabel('Owner').fill('bo@example.com');
  await dialog.getByRole('checkbox', { name: 'read', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'write', exact: true }).check();
  await dialog.getByLabel('Metadata value 1').fill('platform');
  await dialog.getByRole('radio', { name: '365 days' }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(dialog).toBeHidden();
  await expect(toast(page, 'saved')).toBeVisible();
  const edited = page.getByRole('complementary', { name: 'edited' });
  await expect(edited).toContainText('new description');
  await expect(edited).toContainText('bo@example.com');
  await expect(row(page, 'edited')).toContainText('in 365 days');
  const [stored] = await app.listKeys();
  expect(stored).toMatchObject({ name: 'edited', description: 'new description', owner: 'bo@example.com', permissions: ['write'], metadata: { team: 'platform' } });
  expect(await app.secrets()).toEqual([before]);
});

test('rotates a generated key (new value shown once) and an imported key (pasted value)', async ({ app }) => {
  const { page } = app;
  const generated = await app.createKey('gen-key');
  await app.cli(['create', 'imp-key', '--import'], 'ghp_importedOldValue0001');

  // Generated: confirm, then the new value once.
  let detail = await openDetail(page, 'gen-key');
  await detail.getByRole('button', { name: 'Rotate' }).click();
  let dialog = page.getByRole('dialog', { name: 'Rotate gen-key?' });
  await expect(dialog).toContainText('replaces the current one in the OS keychain at once');
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  const rotated = page.getByRole('dialog', { name: 'Key rotated' });
  await expect(rotated).toBeVisible();
  const secrets = await app.secrets();
  expect(secrets.includes(generated.secret), 'holds the secret').toBe(false);
  const fresh = secrets.find((s) => s.startsWith('mcp_sk_'))!;
  await expect(rotated.getByText(fresh, { exact: true })).toBeVisible();
  await rotated.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'gen-key')).toContainText(`mcp_sk_…${fresh.slice(-4)}`);
  await expect(detail).toContainText(/Rotated\s*\w{3}/);

  // Imported: the new value is pasted, and never shown.
  detail = await openDetail(page, 'imp-key');
  await detail.getByRole('button', { name: 'Rotate' }).click();
  dialog = page.getByRole('dialog', { name: 'Rotate imp-key?' });
  const field = dialog.getByLabel('New key value');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(field).toBeFocused();
  await field.fill('ghp_importedNewValue0002');
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'rotated')).toBeVisible();
  expect(await app.secrets()).toContain('ghp_importedNewValue0002');
  expect(await app.secrets()).not.toContain('ghp_importedOldValue0001');
  await expect(row(page, 'imp-key')).toContainText('ghp_…0002');
  await expectNoSecretOnPage(page, await app.secrets());
});

test('revokes a key after explaining it: greyed, badge Revoked, value gone, reveal/copy off', async ({ app }) => {
  const { page } = app;
  const doomed = await app.createKey('doomed');
  await app.cli(['create', 'keeper']);
  const detail = await openDetail(page, 'doomed');
  await detail.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke doomed?' });
  await expect(dialog).toContainText('deleted from the OS keychain at once');
  await expect(dialog).toContainText('stays in the list, greyed out');
  await expect(dialog).toContainText('cannot be undone');
  // No .env file keeps its value: main asks once more in its own dialog, and the page says so first.
  await expect(dialog).toContainText('the vault asks you to confirm once more, in a system dialog');
  await app.answerConfirmations(false);
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dialog).toContainText('was not confirmed in the vault\'s own dialog');
  expect((await app.listKeys()).find((k) => k.name === 'doomed')?.status).toBe('active');
  await app.answerConfirmations(true);
  await dialog.getByRole('button', { name: 'Revoke key' }).click();

  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Key revoked')).toBeVisible();
  expect((await app.confirmationsAsked()).map((q) => q.message)).toEqual(['Revoke key “doomed”?', 'Revoke key “doomed”?']);
  const revokedRow = row(page, 'doomed');
  await expect(revokedRow.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(detail.getByText('Revoked', { exact: true }).first()).toBeVisible();
  // Greyed: the revoked row's name is drawn in a different (muted) colour from an active row's.
  const colour = (name: string) => row(page, name).getByText(name, { exact: true }).evaluate((el) => getComputedStyle(el).color);
  expect(await colour('doomed')).not.toBe(await colour('keeper'));

  for (const action of ['Reveal', 'Copy', 'Rotate', 'Revoke']) {
    await expect(detail.getByRole('button', { name: action })).toBeDisabled();
  }
  await expect(detail.getByRole('button', { name: 'Reveal' })).toHaveAttribute('title', /revoked/);
  await expect(detail.getByRole('button', { name: 'Edit' })).toBeEnabled();
  await expect(detail.getByRole('button', { name: 'Delete' })).toBeEnabled();
  expect((await app.secrets()).includes(doomed.secret), 'holds the secret').toBe(false);
  const stored = (await app.listKeys()).find((k) => k.name === 'doomed');
  expect(stored?.status).toBe('revoked');
});

test('revoking an imported key says it still works at its provider, in the dialog and in main\'s question', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'github-ci', '--import'], 'ghp_importedValueForRevoke0001');
  const detail = await openDetail(page, 'github-ci');
  await detail.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke github-ci?' });
  await expect(dialog).toContainText('It was imported: this only forgets it here. The key still works at its provider until you revoke it there.');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dialog).toBeHidden();
  const [asked] = await app.confirmationsAsked();
  expect(asked?.detail).toContain('still works at its provider');
});

test('deletes a key only once its exact name is typed', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'Delete Me']);
  await app.cli(['create', 'stays']);
  const detail = await openDetail(page, 'Delete Me');
  await detail.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Delete Me?' });
  const confirmField = dialog.getByLabel('Type Delete Me to confirm');
  const button = dialog.getByRole('button', { name: 'Delete key' });
  await expect(button).toBeDisabled();
  await confirmField.fill('delete me');
  await expect(button).toBeDisabled();
  await confirmField.fill('Delete M');
  await expect(button).toBeDisabled();
  await confirmField.press('Enter');
  await expect(dialog).toBeVisible();
  await confirmField.fill('Delete Me');
  await expect(button).toBeEnabled();
  await button.click();

  await expect(dialog).toBeHidden();
  await expect(toast(page, 'deleted')).toBeVisible();
  await expect(row(page, 'Delete Me')).toHaveCount(0);
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(row(page, 'stays')).toBeVisible();
  expect((await app.listKeys()).map((k) => k.name)).toEqual(['stays']);
  expect(await app.secrets()).toHaveLength(1);
});

test('a key whose value the keychain lost says so in its row and detail, and one click brings the value back (or deletes it)', async ({ app }) => {
  const { page } = app;
  const lost = await app.createKey('lost-key');
  await app.createKey('kept-key');
  await app.createKey('gone-key');
  for (const name of ['lost-key', 'gone-key']) {
    const key = (await app.listKeys()).find((k) => k.name === name)!;
    expect(await keytar.deletePassword(app.service, key.id)).toBe(true);
  }
  await app.reload();

  // The list: not "Active", and nothing to copy.
  await expect(row(page, 'lost-key').getByRole('gridcell').filter({ hasText: 'No value' })).toBeVisible();
  await expect(row(page, 'lost-key').getByRole('button', { name: 'Copy lost-key' })).toBeDisabled();
  await expect(row(page, 'lost-key').getByRole('button', { name: 'Copy lost-key' })).toHaveAttribute('title', /missing from the OS keychain/);
  await expect(row(page, 'kept-key').getByRole('gridcell').filter({ hasText: 'Active' })).toBeVisible();
  await expect(row(page, 'kept-key').getByRole('button', { name: 'Copy kept-key' })).toBeEnabled();

  // The detail: what happened, and its fixes.
  const detail = await openDetail(page, 'lost-key');
  await expect(detail.getByRole('alert')).toContainText('No value in the OS keychain.');
  await detail.getByRole('button', { name: 'Import its value…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import the value of lost-key' });
  await dialog.getByLabel('New key value').fill(lost.secret);
  await dialog.getByRole('button', { name: 'Import value' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'lost-key').getByRole('gridcell').filter({ hasText: 'Active' })).toBeVisible();
  await expect(detail.getByRole('alert')).toHaveCount(0);
  expect(await app.secretOf('lost-key')).toBe(lost.secret);

  const gone = await openDetail(page, 'gone-key');
  await gone.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: /Delete gone-key/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectNoSecretOnPage(page, await app.secrets());
});

test('at 1280×800 with the details open: masks keep their last four characters, Revoke and Delete share a line', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const key = await app.createKey('a-key-with-a-rather-long-name-for-the-column');
  const detail = await openDetail(page, 'a-key-with-a-rather-long-name-for-the-column');
  const cell = row(page, 'a-key-with-a-rather-long-name-for-the-column').locator('.cell-key');
  await expect(cell).toContainText(`…${key.secret.slice(-4)}`);
  // The last four characters are drawn whole, inside their cell (only the prefix may shorten).
  const tail = cell.locator('.masked-tail');
  const [tailBox, cellBox] = [await tail.boundingBox(), await cell.boundingBox()];
  expect(tailBox!.x + tailBox!.width).toBeLessThanOrEqual(cellBox!.x + cellBox!.width);
  expect(await tail.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const actions = detail.getByRole('group', { name: 'Key actions' });
  const revoke = await actions.getByRole('button', { name: 'Revoke' }).boundingBox();
  const del = await actions.getByRole('button', { name: 'Delete' }).boundingBox();
  expect(del!.y).toBe(revoke!.y);
});

test('toasts: at most two at once, one width, in one place whether or not a dialog is open', async ({ app }) => {
  const { page } = app;
  await app.createKey('svc');
  const detail = await openDetail(page, 'svc');
  for (const description of ['one', 'two', 'three']) {
    await detail.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit svc' });
    await edit.getByLabel('Description').fill(description);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toHaveCount(0);
  }
  const toasts = page.getByRole('region', { name: 'Notifications' }).locator('.toast');
  await expect(toasts).toHaveCount(2);
  const [first, second] = [await toasts.nth(0).boundingBox(), await toasts.nth(1).boundingBox()];
  expect(first!.width).toBe(second!.width);
  // A dialog opens: the toasts stay where they were (drawn inside the dialog, at the same place).
  await detail.getByRole('button', { name: 'Edit' }).click();
  const inDialog = page.getByRole('dialog', { name: 'Edit svc' }).locator('.toast').last();
  await expect(inDialog).toBeVisible();
  expect((await inDialog.boundingBox())!.x).toBe(second!.x);
});
