/**
 * An error main sends lands beside the field it names (`field` in the error, from zod's issue path or the vault's
 * own check), not where its wording suggests: a project folder gone while the Use dialog is open is said at the
 * Project picker, an unchanged value at the rotate dialog's value field, a taken name at Name.
 */
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { openDetail } from './screen';

test('Use: a project folder gone while the dialog is open is said at Project (field projectId)', async ({ app }) => {
  const { page } = app;
  await app.createKey('svc');
  const dir = app.makeProject('vanishing', { files: { '.env': 'A=1\n' } });

  const detail = await openDetail(page, 'svc');
  await detail.getByRole('button', { name: 'Use…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use svc' });
  await app.chooseFolderNext(dir);
  await dialog.getByRole('button', { name: 'Add project…' }).click();
  await expect(dialog.getByRole('region', { name: 'Changes to .env' })).toBeVisible();

  fs.rmSync(dir, { recursive: true });
  // A new variable name asks main for a new preview: it answers FILE_ERROR with field projectId.
  const variable = dialog.getByRole('textbox', { name: 'Variable for svc' });
  await variable.fill('SVC_API_KEY');
  const project = dialog.getByRole('combobox', { name: 'Project' });
  await expect(project).toHaveAccessibleDescription(/The project folder .*vanishing is gone\./);
  await expect(project).toHaveAttribute('aria-invalid', 'true');
  await expect(variable).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('combobox', { name: 'File' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Write to .env' })).toBeEnabled(); // the request itself is fine
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('Rotate and Create: an unchanged value is said at the value field (newSecret), a taken name at Name', async ({ app }) => {
  const { page } = app;
  const value = 'ghp_importedSameValue0003';
  await app.cli(['create', 'imp-key', '--import'], value);

  const detail = await openDetail(page, 'imp-key');
  await detail.getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate imp-key?' });
  const field = dialog.getByLabel('New key value');
  await field.fill(value);
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await expect(field).toHaveAccessibleDescription(/^The new key value is the same as the current one\./); // then the field's hint
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.secrets()).toEqual([value]);

  await page.getByRole('button', { name: 'New key' }).click();
  const create = page.getByRole('dialog', { name: 'New key' });
  const name = create.getByLabel('Name', { exact: true });
  await name.fill('imp-key');
  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAccessibleDescription('A key named "imp-key" already exists.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expectNoSecretOnPage(page, await app.secrets());
});

test('Create and Edit: a field’s error goes as soon as the field changes; the other fields keep theirs', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New key' }).click();
  const create = page.getByRole('dialog', { name: 'New key' });
  const name = create.getByLabel('Name', { exact: true });
  const other = create.getByLabel('Other permission');
  await other.fill('BAD SCOPE');
  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAccessibleDescription('Name is required');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(other).toHaveAttribute('aria-invalid', 'true');

  await name.fill('fresh-name');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(name).not.toHaveAccessibleDescription(/required/);
  await expect(other).toHaveAttribute('aria-invalid', 'true'); // not changed: its error stands
  await other.fill('');
  await expect(other).not.toHaveAttribute('aria-invalid', 'true');
  await create.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog', { name: 'Key created' }).getByRole('button', { name: 'Done' }).click();

  const detail = await openDetail(page, 'fresh-name');
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit fresh-name' });
  const editName = edit.getByLabel('Name', { exact: true });
  await editName.fill('');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(editName).toHaveAttribute('aria-invalid', 'true');
  await editName.fill('renamed');
  await expect(editName).not.toHaveAttribute('aria-invalid', 'true');
});
