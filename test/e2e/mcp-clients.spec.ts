/**
 * The MCP clients screen over a fixture HOME (Claude Desktop, Cursor, VS Code, Windsurf and Zed configs, two of them
 * holding keys in plain text): clients → config files → servers → slots with their states, the plaintext warning,
 * a file that does not parse in one line; Import moves a key into the vault (the file keeps none, the slot shows it
 * connected, "Used in" names the server), Disconnect puts the server back; one flow by keyboard alone; the empty
 * state says where it looked. No key's value is ever on the page; the leak scan after each test knows the fixture
 * keys as secrets.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { CliKey } from './session';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { forScreenshots, nav, openDetail, row, screenshot, toast } from './screen';

async function openMcp(page: Page) {
  await nav(page, 'MCP clients').click();
  await expect(page.getByRole('heading', { name: 'MCP clients', level: 2 })).toBeVisible();
}

const client = (page: Page, name: string) => page.getByRole('article', { name });
const slots = (page: Page, server: string) => page.getByRole('table', { name: `Keys of ${server}` });
const slot = (page: Page, server: string, name: string): Locator => slots(page, server).getByRole('row', { name: new RegExp(`^${name}\\b`) });

test('lists every client, its files, servers and slots with their states, warns of plaintext keys, and shows no value', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  await openMcp(page);

  await expect(page.getByRole('status').filter({ hasText: '2 plaintext keys in client configs' })).toBeVisible();
  for (const name of ['Claude Desktop', 'Cursor', 'VS Code', 'Windsurf', 'Zed']) await expect(client(page, name)).toBeVisible();
  // Claude Code has no file in this HOME: not listed as a client, but among the places looked at.
  await expect(client(page, 'Claude Code')).toHaveCount(0);
  await expect(page.getByText(/Where the vault looked and found no file/)).toBeVisible();

  const desktop = client(page, 'Claude Desktop');
  await expect(desktop.getByRole('region', { name: fx.files['claude-desktop'] })).toBeVisible();
  await expect(desktop.getByRole('listitem', { name: 'github' })).toContainText('npx -y @modelcontextprotocol/server-github');
  const token = slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN');
  await expect(token).toContainText('Plaintext key');
  await expect(token).toContainText('Anyone who can read this file has this key');
  await expect(token).toContainText(`ghp_…${fx.githubToken.slice(-4)}`);
  await expect(slot(page, 'github', 'LOG_LEVEL')).toContainText('Plain value');
  await expect(slot(page, 'search', 'Authorization header')).toContainText('Plaintext key');
  await expect(slot(page, 'docs', 'DOCS_API_KEY')).toContainText('Placeholder');
  await expect(slot(page, 'docs', 'DOCS_API_KEY')).toContainText('${input:docs-key}');
  await expect(slot(page, 'weather', 'WEATHER_API_KEY')).toContainText('Empty');
  // The Zed file that does not parse: one line, and no server of it.
  const zedError = client(page, 'Zed').getByRole('note');
  await expect(zedError).toHaveText(/settings\.json does not parse \(line \d+, column \d+\); it was left untouched\./);
  await expect(client(page, 'Zed').getByRole('table')).toHaveCount(0);

  await expectNoSecretOnPage(page, [fx.githubToken, fx.searchKey]);
});

test('Import moves the key into the vault and connects the server; Disconnect puts it back', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  const file = fx.files['claude-desktop'];
  await openMcp(page);

  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Import…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Import GITHUB_PERSONAL_ACCESS_TOKEN from github' });
  await expect(dialog).toBeVisible();
  // The preview: the server's part of the file, the key masked, started through mcpkv run afterwards.
  const diff = dialog.getByRole('region', { name: `Changes to ${file}` });
  await expect(diff.getByRole('deletion').filter({ hasText: 'GITHUB_PERSONAL_ACCESS_TOKEN' })).toContainText(`ghp_…${fx.githubToken.slice(-4)}`);
  await expect(diff.getByRole('insertion').filter({ hasText: '"run"' })).toBeVisible();
  await expect(dialog).toContainText('Afterwards the client starts the server through mcpkv run');
  await expectNoSecretOnPage(page, [fx.githubToken]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported GITHUB_PERSONAL_ACCESS_TOKEN from github into the vault')).toBeVisible();

  // The file keeps no key: the launcher starts the original command with the key from the vault.
  const name = 'Claude Desktop github GITHUB_PERSONAL_ACCESS_TOKEN';
  const imported = (await app.listKeys()).find((k: CliKey) => k.name === name);
  expect(imported?.source).toBe('imported');
  const written = fs.readFileSync(file, 'utf8');
  expect(written).not.toContain(fx.githubToken);
  const github = JSON.parse(written).mcpServers.github;
  expect(github.args).toEqual(expect.arrayContaining(['run', '--key', `${imported!.id}=GITHUB_PERSONAL_ACCESS_TOKEN`, '--', 'npx', '-y', '@modelcontextprotocol/server-github']));
  expect(github.env).toEqual({ LOG_LEVEL: 'debug' });
  // From here on the file must hold no key: the leak scan after the test reads it too.
  app.filesWithSecrets.delete(file);

  const token = slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN');
  await expect(token).toContainText('Connected');
  await expect(token).toContainText(name);
  await expect(token).toContainText('launcher');
  await expect(page.getByRole('status').filter({ hasText: '1 plaintext key in client configs' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'github' })).toContainText('Started through mcpkv run');

  // "Used in" on the key names the server beside its .env files.
  await nav(page, 'Keys').click();
  await expect(row(page, name)).toBeVisible();
  const usedIn = (await openDetail(page, name)).getByRole('region', { name: 'Used in' });
  await expect(usedIn.getByRole('list', { name: 'MCP servers' })).toContainText(/Claude Desktop\s*github/);
  await expect(usedIn).toContainText('GITHUB_PERSONAL_ACCESS_TOKEN');

  // Disconnect, without writing the value back: the server's plain form, no key in the file, the key still in the vault.
  await openMcp(page);
  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Disconnect…' }).click();
  dialog = page.getByRole('dialog', { name: `Disconnect ${name} from github` });
  await expect(dialog.getByRole('region', { name: `Changes to ${file}` }).getByRole('insertion').filter({ hasText: '"npx"' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, `Disconnected github from ${name}`)).toBeVisible();
  const plain = JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers.github;
  expect(plain).toEqual({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { LOG_LEVEL: 'debug' } });
  await expect(slots(page, 'github').getByRole('row', { name: /^GITHUB_PERSONAL_ACCESS_TOKEN/ })).toHaveCount(0);
  expect((await app.listKeys()).some((k) => k.name === name)).toBe(true);
  expect(await app.confirmationsAsked()).toEqual([]);

  // Connect key puts the vault key back, through the launcher again.
  // Focus went back to the server, its row being gone.
  await expect(page.getByRole('listitem', { name: 'github' }).getByRole('button', { name: 'Add a key…' })).toBeFocused();
  await page.getByRole('listitem', { name: 'github' }).getByRole('button', { name: 'Add a key…' }).click();
  dialog = page.getByRole('dialog', { name: 'Connect a key to github' });
  await dialog.getByLabel('Key', { exact: true }).selectOption(imported!.id);
  await dialog.getByLabel('Variable').fill('GITHUB_PERSONAL_ACCESS_TOKEN');
  await expect(dialog.getByRole('region', { name: `Changes to ${file}` })).toContainText(`${imported!.id}=GITHUB_PERSONAL_ACCESS_TOKEN`);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Connected');
  expect(fs.readFileSync(file, 'utf8')).not.toContain(fx.githubToken);

  await expectNoSecretOnPage(page, [fx.githubToken, fx.searchKey]);
});

test('Disconnect can write the value back, with a warning, after main asks', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  const file = fx.files['claude-desktop'];
  await openMcp(page);
  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Connected');

  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Disconnect…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Disconnect .* from github$/ });
  await dialog.getByLabel("Write the key's value back into the file").check();
  await expect(dialog.getByRole('alert').filter({ hasText: 'The file will hold the key in plain text' }).first()).toBeVisible();
  await expect(dialog).toContainText('After this change the file holds the key in plain text');
  await expectNoSecretOnPage(page, [fx.githubToken]);

  // Main asks in its own dialog; refused, nothing is written.
  await app.answerConfirmations(false);
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'was not confirmed' })).toBeVisible();
  expect(fs.readFileSync(file, 'utf8')).not.toContain(fx.githubToken);
  await app.answerConfirmations(true);
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect((await app.confirmationsAsked()).map((c) => c.title)).toEqual(['Write a key back into a config', 'Write a key back into a config']);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN).toBe(fx.githubToken);
  // Back in plain text, and now equal to a vault key's value: said so, with the key's name.
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('A plain copy of vault key');
  await expectNoSecretOnPage(page, [fx.githubToken]);
});

test('keyboard: Import a remote key into the proxy form, and Escape, Enter and focus as in every dialog', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  await openMcp(page);
  const header = slot(page, 'search', 'Authorization header');
  const importButton = header.getByRole('button', { name: 'Import…' });
  await importButton.focus();

  // Enter opens the dialog on its first field; Escape closes it and gives focus back.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import Authorization header from search' });
  await expect(dialog.getByLabel('Name in the vault')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();

  // Again: name the key, see the proxy form chosen, Enter imports.
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Name in the vault')).toBeFocused();
  await page.keyboard.type('search team key');
  await expect(dialog.getByRole('radio', { name: /Through the local proxy/ })).toBeChecked();
  const diff = dialog.getByRole('region', { name: `Changes to ${fx.files.cursor}` });
  await expect(diff).toContainText('"proxy"');
  await expect(diff.getByRole('deletion').filter({ hasText: 'Authorization' })).toContainText(`Bearer mcp_sk_…${fx.searchKey.slice(-4)}`);
  await expectNoSecretOnPage(page, [fx.githubToken, fx.searchKey]);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported Authorization from search into the vault')).toBeVisible();
  // Focus lands on the changed slot's row, on its new action.
  await expect(header.getByRole('button', { name: 'Disconnect…' })).toBeFocused();
  await expect(header).toContainText('search team key');
  await expect(header).toContainText('proxy');

  const cursor = fs.readFileSync(fx.files.cursor, 'utf8');
  expect(cursor).not.toContain(fx.searchKey);
  expect(cursor).toContain('// Cursor: MCP servers');
  app.filesWithSecrets.delete(fx.files.cursor);
  await expectNoSecretOnPage(page, [fx.githubToken, fx.searchKey]);
});

test('Import all moves every plaintext key out of the client configs', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  await openMcp(page);
  await page.getByRole('button', { name: 'Import all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import every plaintext key' });
  await expect(dialog.getByRole('checkbox')).toHaveCount(2);
  await expect(dialog.getByRole('region', { name: `Changes to ${fx.files['claude-desktop']}` })).toBeVisible();
  await expect(dialog.getByRole('region', { name: `Changes to ${fx.files.cursor}` })).toBeVisible();
  await expectNoSecretOnPage(page, [fx.githubToken, fx.searchKey]);
  await dialog.getByRole('button', { name: 'Import 2 keys' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported 2 keys from client configs into the vault')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'plaintext key' })).toHaveCount(0);
  for (const [file, secret] of [
    [fx.files['claude-desktop'], fx.githubToken],
    [fx.files.cursor, fx.searchKey],
  ] as const) {
    expect(fs.readFileSync(file, 'utf8')).not.toContain(secret);
    app.filesWithSecrets.delete(file);
  }
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Connected');
  await expect(slot(page, 'search', 'Authorization header')).toContainText('Connected');
});

test('no client config found: says so, and where it looked', async ({ app }) => {
  const { page } = app;
  await openMcp(page);
  await expect(page.getByRole('heading', { name: 'No MCP clients found' })).toBeVisible();
  const looked = page.getByRole('group').filter({ hasText: 'Where the vault looked' });
  await expect(looked).toContainText(`${app.clientHome}/.cursor/mcp.json`);
  await expect(looked).toContainText(`${app.clientHome}/.claude.json`);
});

test('the Use dialog connects a key to an MCP server, with the same preview', async ({ app }) => {
  const { page } = app;
  const fx = app.writeClientFixtures();
  await app.cli(['create', 'weather key']);
  const secret = await app.secretOf('weather key');
  await page.reload();

  const detail = await openDetail(page, 'weather key');
  await detail.getByRole('button', { name: 'Use…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use weather key' });
  await dialog.getByRole('radio', { name: /An MCP server/ }).check();
  await expect(dialog.getByRole('radio', { name: /An MCP server/ })).toBeFocused();
  const picker = dialog.getByRole('combobox', { name: 'MCP server' });
  await picker.selectOption({ label: 'weather (user)' });
  // The slot waiting for a key is offered first: Windsurf's empty WEATHER_API_KEY.
  await expect(dialog.getByRole('combobox', { name: 'Variable' })).toHaveValue('WEATHER_API_KEY');
  const diff = dialog.getByRole('region', { name: `Changes to ${fx.files.windsurf}` });
  await expect(diff).toContainText('=WEATHER_API_KEY');
  await expectNoSecretOnPage(page, [secret, fx.githubToken, fx.searchKey]);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Connected weather key to weather')).toBeVisible();

  const windsurf = JSON.parse(fs.readFileSync(fx.files.windsurf, 'utf8')).mcpServers.weather;
  expect(windsurf.args).toEqual(expect.arrayContaining(['run', '--', 'weather-mcp']));
  expect(fs.readFileSync(fx.files.windsurf, 'utf8')).not.toContain(secret);
  await expect(detail.getByRole('region', { name: 'Used in' }).getByRole('list', { name: 'MCP servers' })).toContainText(/Windsurf\s*weather/);
  // Focus is back on Use…, as after a write into a .env file.
  await expect(detail.getByRole('button', { name: 'Use…' })).toBeFocused();
});

test('screenshot: the MCP clients screen, and an import previewed in dark mode', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { colorScheme: 'light' });
  const fx = app.writeClientFixtures();
  await openMcp(page);
  await expect(slot(page, 'search', 'Authorization header')).toContainText('Plaintext key');
  await page.mouse.move(0, 0);
  await screenshot(page, 'mcp-clients');

  await page.emulateMedia({ colorScheme: 'dark' });
  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import GITHUB_PERSONAL_ACCESS_TOKEN from github' });
  await expect(dialog.getByRole('region', { name: `Changes to ${fx.files['claude-desktop']}` })).toBeVisible();
  await expect(dialog.getByRole('region', { name: `Changes to ${fx.files['claude-desktop']}` })).not.toHaveAttribute('aria-busy', 'true');
  await screenshot(page, 'mcp-import-dark');
});
