/**
 * Use: putting keys into a project's .env file from the app, as a user does it — from a key's details and
 * from several keys ticked in the list — with a masked preview, the git warning and its one-click fix,
 * and the file on disk checked line by line. Then what keeps those files in step: rotation updates every
 * file (and says so per file), revoke and delete can take the variable out again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { git } from '../helpers/process';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { forScreenshots, openDetail, row, screenshot, toast } from './screen';

/** A .env written on Windows: comments, a blank line, `export`, quotes, CRLF line endings. */
const CRLF_ENV = [
  '# Local settings for my-app',
  'DATABASE_URL=postgres://app:S3cretPass@localhost:5432/app',
  'DB_PASSWORD=hunter2-local-only',
  '',
  '# Feature flags',
  'export FEATURE_SEARCH=on',
  'LOG_LEVEL="debug" # verbose locally',
  '',
].join('\r\n');

const read = (file: string) => fs.readFileSync(file, 'utf8');

test('Use from a key: add a project, masked preview, git warning fixed in one click, written with every other line kept', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'openai-prod', '-d', 'Production completions']);
  const secret = await app.secretOf('openai-prod');
  const dir = app.makeProject('my-app', { git: true, files: { '.env': CRLF_ENV } });

  const detail = await openDetail(page, 'openai-prod');
  await expect(detail.getByRole('region', { name: 'Used in' })).toContainText('Not written to any .env file yet.');
  const useButton = detail.getByRole('button', { name: 'Use…' });
  await useButton.click();
  const dialog = page.getByRole('dialog', { name: 'Use openai-prod' });
  await expect(dialog).toBeVisible();

  // No project yet: the dialog leads to "Add project…" (the OS folder dialog, scripted here).
  await expect(dialog).toContainText('No projects yet.');
  const addProject = dialog.getByRole('button', { name: 'Add project…' });
  await expect(addProject).toBeFocused();
  await app.chooseFolderNext(dir);
  await addProject.click();
  const projectPicker = dialog.getByRole('combobox', { name: 'Project' });
  await expect(projectPicker.locator('option:checked')).toHaveText('my-app');
  await expect(dialog.getByRole('combobox', { name: 'File' })).toHaveValue('.env');
  const variable = dialog.getByRole('textbox', { name: 'Variable for openai-prod' });
  await expect(variable).toHaveValue('MCP_API_KEY');
  await expect(dialog.getByRole('checkbox', { name: 'Set API_KEY_REQUIRED=true' })).toBeChecked();

  // The preview: what is added, in green, masked; unchanged lines folded to a little context.
  const preview = dialog.getByRole('region', { name: 'Changes to .env' });
  const masked = `mcp_sk_…${secret.slice(-4)}`;
  await expect(preview.locator('ins .diff-text')).toHaveText([`MCP_API_KEY=${masked}`, 'API_KEY_REQUIRED=true']);
  await expect(preview.locator('del')).toHaveCount(0);
  // Every value of the file is hidden: names only, `••••` for values, `# …` for comments (issue 12, item 7).
  await expect(preview.getByText('LOG_LEVEL=••••', { exact: true })).toBeVisible();
  await expect(preview.getByText(/⋯ \d+ unchanged lines/)).toBeVisible();
  await expect(preview.getByText('# Local settings for my-app')).toHaveCount(0);
  await expect(dialog.getByText('Writes MCP_API_KEY, API_KEY_REQUIRED.')).toBeVisible();
  await expectNoSecretOnPage(page, await app.secrets());
  // No value (or comment) of the file reached the page, not even in the folded part.
  await expectNoSecretOnPage(page, ['S3cretPass', 'hunter2-local-only', 'verbose locally', 'postgres://', '"debug"']);

  // The preview follows every change: another name, an invalid one (said beside the field), back again.
  await variable.fill('OPENAI_API_KEY');
  await expect(preview.locator('ins .diff-text').first()).toHaveText(`OPENAI_API_KEY=${masked}`);
  await variable.fill('2 bad');
  await expect(variable).toHaveAccessibleDescription(/Variable name must start with a letter or _ and use only letters, digits and _/);
  await expect(dialog.getByRole('button', { name: 'Write to .env' })).toBeDisabled();
  await expect(dialog.getByText('Fix the highlighted fields to see the preview.')).toBeVisible();
  await variable.fill('MCP_API_KEY');
  await expect(preview.locator('ins .diff-text').first()).toHaveText(`MCP_API_KEY=${masked}`);

  // Not ignored by git: said plainly, and fixed in one click.
  const warning = dialog.getByRole('alert').filter({ hasText: 'This file is not ignored by git: the key could be committed.' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Add .env to .gitignore' }).click();
  await expect(warning).toBeHidden();
  await expect(toast(page, 'Added .env to .gitignore')).toBeVisible();
  expect(read(path.join(dir, '.gitignore'))).toBe('/.env\n');
  expect(git(dir, 'check-ignore', '.env').trim()).toBe('.env');
  await expect(dialog.getByRole('combobox', { name: 'File' }).locator('option:checked')).toHaveText('.env — ignored by git');

  // Enter on the primary button writes.
  const write = dialog.getByRole('button', { name: 'Write to .env' });
  await write.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Wrote MCP_API_KEY, API_KEY_REQUIRED to .env')).toBeVisible();
  await expect(useButton).toBeFocused();

  // On disk: the key under its variable, API_KEY_REQUIRED, and every line that was there, byte for byte, CRLF kept.
  const text = read(path.join(dir, '.env'));
  expect(text.startsWith(CRLF_ENV)).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  expect(parse(text)).toEqual({
    DATABASE_URL: 'postgres://app:S3cretPass@localhost:5432/app',
    DB_PASSWORD: 'hunter2-local-only',
    FEATURE_SEARCH: 'on',
    LOG_LEVEL: 'debug',
    MCP_API_KEY: secret,
    API_KEY_REQUIRED: 'true',
  });

  // "Used in" lists the file at once.
  const usedIn = detail.getByRole('region', { name: 'Used in' });
  await expect(usedIn.getByRole('listitem')).toHaveCount(1);
  await expect(usedIn.getByRole('listitem')).toContainText(/my-app\s*\.env\s*MCP_API_KEY · written just now/);

  // Again: nothing to change, and it says so.
  await useButton.click();
  await expect(dialog.getByText('Already up to date: writing changes nothing.')).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Write to .env' }).click();
  await expect(toast(page, '.env is already up to date')).toBeVisible();
  expect(parse(read(path.join(dir, '.env'))).MCP_API_KEY).toBe(secret);
  await expectNoSecretOnPage(page, await app.secrets());
});

test('ticks two keys in the list (click and Space), Use… (2) writes both under their own variables', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'alpha']);
  await app.cli(['create', 'beta']);
  await app.cli(['create', 'gamma']);
  await app.cli(['revoke', 'gamma', '--yes']);
  const dir = app.makeProject('service');
  await expect(row(page, 'gamma')).toBeVisible();

  // A revoked key cannot be chosen, and says why.
  const gammaBox = page.getByRole('checkbox', { name: 'gamma', exact: true });
  await expect(gammaBox).toBeDisabled();
  await expect(gammaBox).toHaveAttribute('title', /revoked/);

  // Tick by clicking the box (the key does not open) and by Space on a focused row.
  await page.getByRole('checkbox', { name: 'alpha', exact: true }).click();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await row(page, 'beta').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'beta', exact: true })).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'beta', exact: true })).not.toBeChecked();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Use… (2)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Use 2 keys' });
  await app.chooseFolderNext(dir);
  await dialog.getByRole('button', { name: 'Add project…' }).click();
  // No .env yet: a new file, named .env by default; no git, so no warning.
  await expect(dialog.getByRole('combobox', { name: 'File' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'New file name' })).toHaveValue('.env');
  const alphaVar = dialog.getByRole('textbox', { name: 'Variable for alpha' });
  const betaVar = dialog.getByRole('textbox', { name: 'Variable for beta' });
  await expect(alphaVar).toHaveValue('MCP_API_KEY');
  await expect(betaVar).toHaveValue('BETA_API_KEY');

  // The same name twice is refused before anything is sent.
  await betaVar.fill('MCP_API_KEY');
  await expect(betaVar).toHaveAccessibleDescription('Each key needs its own variable name.');
  await expect(dialog.getByRole('button', { name: 'Write to .env' })).toBeDisabled();
  await betaVar.fill('BETA_TOKEN');
  await expect(dialog.getByText('Creates the file with MCP_API_KEY, BETA_TOKEN, API_KEY_REQUIRED.')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Changes to .env' }).locator('ins')).toHaveCount(3);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Write to .env' }).click();

  await expect(toast(page, 'Wrote MCP_API_KEY, BETA_TOKEN, API_KEY_REQUIRED to .env')).toBeVisible();
  const file = path.join(dir, '.env');
  expect(parse(read(file))).toEqual({ MCP_API_KEY: await app.secretOf('alpha'), BETA_TOKEN: await app.secretOf('beta'), API_KEY_REQUIRED: 'true' });
  if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  // Written: the ticks are cleared.
  await expect(page.getByRole('button', { name: /^Use… \(/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'alpha', exact: true })).not.toBeChecked();

  // Shift-click ticks a range (revoked keys in it stay out), Ctrl-click on a row toggles one, Clear unticks all.
  await page.getByRole('checkbox', { name: 'alpha', exact: true }).click();
  await page.getByRole('checkbox', { name: 'gamma', exact: true }).click({ force: true, modifiers: ['Shift'] });
  await expect(page.getByRole('checkbox', { name: 'gamma', exact: true })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'beta', exact: true }).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('button', { name: 'Use… (2)' })).toBeVisible();
  await row(page, 'alpha').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('button', { name: 'Use… (1)' })).toBeVisible();
  // Shift-click on a row never selects the page's text (here it reaches a revoked key: nothing is ticked).
  await row(page, 'gamma').click({ modifiers: ['Shift'] });
  expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
  await expect(page.getByRole('button', { name: 'Use… (1)' })).toBeVisible();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('button', { name: /^Use… \(/ })).toHaveCount(0);

  // Next time, each key's variable in this project is remembered.
  const useBeta = (await openDetail(page, 'beta')).getByRole('button', { name: 'Use…' });
  await useBeta.click();
  const again = page.getByRole('dialog', { name: 'Use beta' });
  // It starts on the project (the last one written to), then goes file, variable, API_KEY_REQUIRED.
  await expect(again.getByRole('combobox', { name: 'Project' })).toBeFocused();
  await expect(again.getByRole('textbox', { name: 'Variable for beta' })).toHaveValue('BETA_TOKEN');
  for (const next of [again.getByRole('button', { name: 'Add project…' }), again.getByRole('combobox', { name: 'File' }), again.getByRole('textbox', { name: 'Variable for beta' })]) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(useBeta).toBeFocused();
  await expectNoSecretOnPage(page, await app.secrets());
});

test('no project yet: each variable is filled in already, the same rule for every key (an MCP key the default variable, an OpenAI key OPENAI_API_KEY)', async ({ app }) => {
  const { page } = app;
  await app.cli(['settings', '--default-var', 'SERVICE_KEY']);
  await app.cli(['create', 'openai', '--import'], `sk-proj-${'a1B2'.repeat(10)}`);
  await app.cli(['create', 'svc']);
  for (const name of ['openai', 'svc']) await page.getByRole('checkbox', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Use… (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use 2 keys' });
  await expect(dialog).toContainText('No projects yet.');
  await expect(dialog.getByRole('textbox', { name: 'Variable for svc' })).toHaveValue('SERVICE_KEY');
  await expect(dialog.getByRole('textbox', { name: 'Variable for openai' })).toHaveValue('OPENAI_API_KEY');
  await expect(dialog.getByRole('button', { name: 'Add project…' })).toBeFocused();
  await page.keyboard.press('Escape');
});

test('writing over a variable that holds another vault key names that key and asks first; that key stops being tracked there', async ({ app }) => {
  const { page } = app;
  const dir = app.makeProject('shared');
  const envFile = path.join(dir, '.env');
  await app.cli(['create', 'first']);
  await app.cli(['create', 'second']);
  // The CLI writes "first" and makes the folder one of the vault's projects.
  await app.cli(['use', 'first', '--env', envFile]);
  await app.reload();
  await page.getByRole('checkbox', { name: 'second', exact: true }).click();
  await page.getByRole('button', { name: 'Use… (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use second' });
  await expect(dialog.getByRole('textbox', { name: 'Variable for second' })).toHaveValue('MCP_API_KEY');
  const warning = dialog.getByRole('alert').filter({ hasText: 'holds key' });
  await expect(warning).toContainText('MCP_API_KEY in .env holds key “first”: writing replaces it.');
  const writeButton = dialog.getByRole('button', { name: 'Write to .env' });
  await expect(writeButton).toBeDisabled();
  await warning.getByRole('checkbox', { name: 'Replace it' }).check();
  await writeButton.click();
  await expect(dialog).toHaveCount(0);
  expect(parse(read(envFile)).MCP_API_KEY === (await app.secretOf('second'))).toBe(true);
  expect(JSON.parse(await app.cli(['exports', 'first', '--json']))).toEqual([]);
});

test('"Key created" offers Use…, straight into the Use dialog for the new key', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New key' }).click();
  const create = page.getByRole('dialog', { name: 'New key' });
  await create.getByLabel('Name', { exact: true }).fill('fresh');
  await create.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog', { name: 'Key created' }).getByRole('button', { name: 'Use…' }).click();
  const use = page.getByRole('dialog', { name: 'Use fresh' });
  await expect(use.getByRole('textbox', { name: 'Variable for fresh' })).toHaveValue('MCP_API_KEY');
  await expect(page.getByRole('dialog', { name: 'Key created' })).toHaveCount(0);
  await expectNoSecretOnPage(page, await app.secrets());
});

test('what cannot be written says why: expired and revoked keys, a link out of the project, a bad file name', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'short-lived', '-e', '1']);
  await app.cli(['create', 'live-key']);
  const outside = path.join(app.home, 'outside.env');
  fs.writeFileSync(outside, 'KEEP=1\n');
  const dir = app.makeProject('linked', { files: { '.env': 'A=1\n' } });
  fs.symlinkSync(outside, path.join(dir, '.env.linked'));
  await app.reloadDaysLater(2);

  // Expired: not choosable, in the list or the details.
  await expect(row(page, 'short-lived').getByText('Expired', { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'short-lived', exact: true })).toBeDisabled();
  let detail = await openDetail(page, 'short-lived');
  await expect(detail.getByRole('button', { name: 'Use…' })).toBeDisabled();
  await expect(detail.getByRole('button', { name: 'Use…' })).toHaveAttribute('title', 'short-lived has expired: rotate it or change its expiry to use it again.');

  detail = await openDetail(page, 'live-key');
  await detail.getByRole('button', { name: 'Use…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use live-key' });
  await app.chooseFolderNext(dir);
  await dialog.getByRole('button', { name: 'Add project…' }).click();
  // The link pointing outside is not offered; typed as a new file, main refuses it, said beside the field.
  const fileSelect = dialog.getByRole('combobox', { name: 'File' });
  await expect(fileSelect.locator('option')).toHaveText(['.env', 'New file…']);
  await fileSelect.selectOption({ label: 'New file…' });
  const newName = dialog.getByRole('textbox', { name: 'New file name' });
  await newName.fill('config.env');
  await expect(newName).toHaveAccessibleDescription(/File name must be .env or .env.<name>/);
  await newName.fill('.env.linked');
  await expect(newName).toHaveAccessibleDescription(/.env.linked is a link to a place outside the project; it is not written./);
  await expect(dialog.getByText('No preview: see the message beside the fields.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Write to .env.linked' }).click();
  await expect(newName).toHaveAccessibleDescription(/is a link to a place outside the project/);
  expect(read(outside)).toBe('KEEP=1\n');

  // A key revoked elsewhere while the dialog is open: it says so, and nothing can be written.
  await fileSelect.selectOption('.env');
  await expect(dialog.getByRole('region', { name: 'Changes to .env' })).toBeVisible();
  await app.cli(['revoke', 'live-key', '--yes']);
  await expect(dialog.getByText('live-key is revoked: its value was deleted, so there is nothing to write.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Write to .env' })).toBeDisabled();
  await expect(dialog.getByText('This key cannot be written.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(read(path.join(dir, '.env'))).toBe('A=1\n');
});

test('rotating a key updates every file it was written to, and the result says so per file', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'svc']);
  const old = await app.secretOf('svc');
  const a = path.join(app.makeProject('app-a', { files: { '.env': '# a\nPORT=3000\n' } }), '.env');
  const b = path.join(app.makeProject('app-b', { files: { '.env.local': 'DEBUG=1\n' } }), '.env.local');
  const byHand = path.join(app.makeProject('app-c'), '.env');
  const gone = path.join(app.makeProject('app-d'), '.env');
  for (const file of [a, b, byHand, gone]) await app.cli(['use', 'svc', '--env', file]);
  fs.writeFileSync(byHand, 'MCP_API_KEY=edited-by-hand\n');
  fs.rmSync(gone);

  const detail = await openDetail(page, 'svc');
  await expect(detail.getByRole('region', { name: 'Used in' }).getByRole('listitem')).toHaveCount(4);
  await detail.getByRole('button', { name: 'Rotate' }).click();
  await page.getByRole('dialog', { name: 'Rotate svc?' }).getByRole('button', { name: 'Rotate key' }).click();

  const result = page.getByRole('dialog', { name: 'Key rotated' });
  const files = result.getByRole('list', { name: 'Files the key was written to' });
  await expect(result.getByText('Updated 2 files; 2 files need a look.')).toBeVisible();
  await expect(files.getByRole('listitem').filter({ hasText: 'app-a/.env' })).toContainText('Updated');
  await expect(files.getByRole('listitem').filter({ hasText: 'app-b/.env.local' })).toContainText('Updated');
  await expect(files.getByRole('listitem').filter({ hasText: 'app-c/.env' })).toContainText('Changed by hand — left alone');
  await expect(files.getByRole('listitem').filter({ hasText: 'app-d/.env' })).toContainText('Missing: The file no longer exists.');

  const [fresh] = await app.secrets();
  expect(fresh).not.toBe(old);
  expect(parse(read(a))).toEqual({ PORT: '3000', MCP_API_KEY: fresh, API_KEY_REQUIRED: 'true' });
  expect(read(a).startsWith('# a\nPORT=3000\n')).toBe(true);
  expect(parse(read(b))).toEqual({ DEBUG: '1', MCP_API_KEY: fresh, API_KEY_REQUIRED: 'true' });
  expect(read(byHand)).toBe('MCP_API_KEY=edited-by-hand\n');
  expect(fs.existsSync(gone)).toBe(false);
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();
});

test('revoke and delete can take the key out of its files, and report each file', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'legacy']);
  await app.cli(['create', 'temp']);
  const a = path.join(app.makeProject('one', { files: { '.env': 'KEEP=1\n' } }), '.env');
  const b = path.join(app.makeProject('two', { files: { '.env': '# two\n' } }), '.env');
  const c = path.join(app.makeProject('three'), '.env');
  await app.cli(['use', 'legacy', '--env', a]);
  await app.cli(['use', 'legacy', '--env', b, '--no-require']);
  await app.cli(['use', 'temp', '--env', c]);

  // Revoke: the box is offered (off by default), names the variable and the files.
  let detail = await openDetail(page, 'legacy');
  await detail.getByRole('button', { name: 'Revoke' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke legacy?' });
  const also = revoke.getByRole('checkbox', { name: 'Also remove MCP_API_KEY from 2 .env files' });
  await expect(also).not.toBeChecked();
  await expect(revoke.getByRole('list', { name: 'Files this key was written to' }).getByRole('listitem')).toHaveCount(2);
  await also.check();
  await revoke.getByRole('button', { name: 'Revoke key' }).click();
  const revoked = page.getByRole('dialog', { name: 'Key revoked' });
  await expect(revoked.getByText('Removed from 2 files.')).toBeVisible();
  await expect(revoked.getByRole('listitem').filter({ hasText: 'Removed' })).toHaveCount(2);
  await revoked.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'legacy').getByText('Revoked', { exact: true })).toBeVisible();
  expect(parse(read(a))).toEqual({ KEEP: '1', API_KEY_REQUIRED: 'true' });
  expect(read(b)).toBe('# two\n');

  // Delete: a file changed by hand since is left alone, and the report says so.
  fs.writeFileSync(c, 'MCP_API_KEY=not-ours-anymore\n');
  detail = await openDetail(page, 'temp');
  // A copy first: its countdown toast is on screen while the report below is open.
  await detail.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Clear now' })).toHaveCount(1);
  await detail.getByRole('button', { name: 'Delete' }).click();
  const del = page.getByRole('dialog', { name: 'Delete temp?' });
  await del.getByLabel('Type temp to confirm').fill('temp');
  await del.getByRole('checkbox', { name: 'Also remove MCP_API_KEY from 1 .env file' }).check();
  await del.getByRole('button', { name: 'Delete key' }).click();
  const deleted = page.getByRole('dialog', { name: 'Key “temp” deleted' });
  await expect(deleted.getByText('1 file needs a look.')).toBeVisible();
  await expect(deleted.getByRole('listitem')).toContainText('Changed by hand — left alone');
  // The toast shows once, inside the report (the page behind a modal is inert), not a second time behind it.
  await expect(page.getByRole('button', { name: 'Clear now' })).toHaveCount(1);
  await expect(deleted.getByRole('button', { name: 'Clear now' })).toHaveCount(1);
  await deleted.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(row(page, 'temp')).toHaveCount(0);
  expect(read(c)).toBe('MCP_API_KEY=not-ours-anymore\n');

  // A revoked key's value is gone: delete does not offer to clean files it can no longer recognise.
  await (await openDetail(page, 'legacy')).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete legacy?' }).getByRole('checkbox')).toHaveCount(0);
});

test('screenshot: the Use screen', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { colorScheme: 'light' });
  await app.cli(['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create', '-e', '365']);
  await app.cli(['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '--owner', 'ana@acme.dev', '-p', 'contexts:read', '-e', '90']);
  await app.cli(['create', 'analytics-readonly', '-d', 'Dashboards', '--owner', 'data@acme.dev', '-p', 'read', '-e', '180']);
  const dir = app.makeProject('support-assistant', {
    git: true,
    files: {
      '.env': [
        '# support-assistant — local settings',
        'NODE_ENV=development',
        'PORT=3000',
        'DATABASE_URL=postgres://localhost:5432/support',
        '',
        '# Upstream services',
        'OPENAI_BASE_URL=https://api.openai.com/v1',
        'REDIS_URL=redis://localhost:6379',
        'LOG_LEVEL=debug',
        '',
      ].join('\n'),
      '.env.example': 'OPENAI_API_KEY=\n',
    },
  });
  await page.getByRole('checkbox', { name: 'openai-production', exact: true }).check();
  await page.getByRole('checkbox', { name: 'mcp-context-server', exact: true }).check();
  await page.getByRole('button', { name: 'Use… (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use 2 keys' });
  await app.chooseFolderNext(dir);
  await dialog.getByRole('button', { name: 'Add project…' }).click();
  await dialog.getByRole('textbox', { name: 'Variable for openai-production' }).fill('OPENAI_API_KEY');
  await expect(dialog.getByRole('region', { name: 'Changes to .env' }).locator('ins .diff-text').first()).toHaveText(/^OPENAI_API_KEY=mcp_sk_…/);
  await expect(dialog.getByRole('alert').filter({ hasText: 'not ignored by git' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Changes to .env' })).not.toHaveAttribute('aria-busy', 'true');
  await page.mouse.move(0, 0);
  await screenshot(page, 'use-screen');
  await expectNoSecretOnPage(page, await app.secrets());
});
