/**
 * The MCP clients screen over the fixture HOME of all six clients (test/helpers/mcp-client-home.ts; plaintext keys
 * in env and headers, plain values, placeholders, an empty key, and a project file that does not parse): clients →
 * config files → servers → slots with their states, the plaintext warning, a file that does not parse in one line;
 * Import moves a key into the vault (the file keeps none, the slot shows it connected, "Used in" names the server),
 * Disconnect puts the server back; one flow by keyboard alone; the empty state says where it looked. No key's value
 * is ever on the page; the leak scan after each test knows the fixture keys as secrets.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ClientHome } from '../helpers/mcp-client-home';
import type { CliKey } from './session';
import { expect, test, type AnyApp } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { forScreenshots, nav, openDetail, row, screenshot, toast } from './screen';

async function openMcp(page: Page) {
  await nav(page, 'MCP clients').click();
  await expect(page.getByRole('heading', { name: 'MCP clients', level: 2 })).toBeVisible();
}

const client = (page: Page, name: string) => page.getByRole('article', { name });
const slots = (page: Page, server: string) => page.getByRole('table', { name: `Keys of ${server}` });
const slot = (page: Page, server: string, name: string): Locator => slots(page, server).getByRole('row', { name: new RegExp(`^${name}\\b`) });
/** What a masked key looks like on the page: its prefix and its last four characters. */
const masked = (prefix: string, value: string) => `${prefix}…${value.slice(-4)}`;

/** Adds the fixture project to the vault (its own configs are looked at from then on), through the Projects screen. */
async function addProject(app: AnyApp, h: ClientHome) {
  await nav(app.page, 'Projects').click();
  await app.chooseFolderNext(h.project);
  await app.page.getByRole('button', { name: 'Add project…' }).first().click();
  await expect(toast(app.page, 'Project “project” added')).toBeVisible();
}

test('lists every client, its files, servers and slots with their states, warns of plaintext keys, and shows no value', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  // Claude Desktop has no file in this HOME: not listed as a client, but among the places looked at.
  fs.rmSync(h.userFile('claude-desktop'));
  await addProject(app, h);
  await openMcp(page);

  await expect(page.getByRole('status').filter({ hasText: '10 plaintext keys in client configs' })).toBeVisible();
  for (const name of ['Claude Code', 'Cursor', 'VS Code', 'Windsurf', 'Zed']) await expect(client(page, name)).toBeVisible();
  await expect(client(page, 'Claude Desktop')).toHaveCount(0);
  await expect(page.getByText(/Where the vault looked and found no file/)).toBeVisible();

  const claudeCode = client(page, 'Claude Code');
  await expect(claudeCode.getByRole('region', { name: h.userFile('claude-code'), exact: true })).toBeVisible();
  await expect(claudeCode.getByRole('listitem', { name: 'sentry' })).toContainText('npx -y @sentry/mcp-server');
  const bearer = slot(page, 'cloud', 'Authorization header');
  await expect(bearer).toContainText('Plaintext key');
  await expect(bearer).toContainText('Anyone who can read this file has this key');
  await expect(bearer).toContainText(masked('mcp_sk_', h.keys.cloud!));
  await expect(slot(page, 'cloud', 'X-Team header')).toContainText('Plain value');
  await expect(slot(page, 'recherche-équipe 🔎', 'SEARCH_API_KEY')).toContainText(masked('pmcp_', h.keys.search!));
  await expect(slot(page, 'perplexity', 'PERPLEXITY_API_KEY')).toContainText('Placeholder');
  await expect(slot(page, 'perplexity', 'PERPLEXITY_API_KEY')).toContainText('${input:perplexity-key}');
  await expect(slot(page, 'brave-search', 'BRAVE_API_KEY')).toContainText('Empty');
  // The project's Cursor file that does not parse: one line, and no server of it.
  const broken = client(page, 'Cursor').getByRole('region', { name: h.file('project/.cursor/mcp.json') });
  await expect(broken.getByRole('note')).toHaveText(/mcp\.json does not parse \(line \d+, column \d+\); it was left untouched\./);
  await expect(broken.getByRole('table')).toHaveCount(0);

  await expectNoSecretOnPage(page, Object.values(h.keys));
});

test('Import moves the key into the vault and connects the server; Disconnect puts it back', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  const file = h.userFile('claude-desktop');
  const github = h.keys.github!;
  await openMcp(page);
  await expect(page.getByRole('status').filter({ hasText: '10 plaintext keys in client configs' })).toBeVisible();

  // Import waits for the preview of the change: disabled as the dialog opens, in the same task as the click (the
  // preview is asked for only after a debounce, so it cannot be there yet).
  const disabledAtOnce = await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')
    .getByRole('button', { name: 'Import…' })
    .evaluate(async (button: HTMLElement) => {
      button.click();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return document.querySelector<HTMLButtonElement>('dialog button[type="submit"]')?.disabled ?? 'no dialog';
    });
  expect(disabledAtOnce).toBe(true);
  let dialog = page.getByRole('dialog', { name: 'Import GITHUB_PERSONAL_ACCESS_TOKEN from github' });
  await expect(dialog).toBeVisible();
  // The preview: the server's part of the file, the key masked, started through mcpkv run afterwards.
  const diff = dialog.getByRole('region', { name: `Changes to ${file}` });
  await expect(diff.getByRole('deletion').filter({ hasText: 'GITHUB_PERSONAL_ACCESS_TOKEN' })).toContainText(masked('mcp_sk_', github));
  await expect(diff.getByRole('insertion').filter({ hasText: '"run"' })).toBeVisible();
  await expect(dialog).toContainText('Afterwards the client starts the server through mcpkv run');
  await expectNoSecretOnPage(page, Object.values(h.keys));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported GITHUB_PERSONAL_ACCESS_TOKEN from github into the vault')).toBeVisible();

  // The file keeps no key of github: the launcher starts the original command with the key from the vault.
  const name = 'Claude Desktop github GITHUB_PERSONAL_ACCESS_TOKEN';
  const imported = (await app.listKeys()).find((k: CliKey) => k.name === name);
  expect(imported?.source).toBe('imported');
  const written = fs.readFileSync(file, 'utf8');
  expect(written).not.toContain(github);
  const server = JSON.parse(written).mcpServers.github;
  expect(server.args).toEqual(expect.arrayContaining(['run', '--key', `${imported!.id}=GITHUB_PERSONAL_ACCESS_TOKEN`, '--', 'npx', '-y', '@modelcontextprotocol/server-github']));
  expect(server.env).toBeUndefined();

  const token = slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN');
  await expect(token).toContainText('Connected');
  await expect(token).toContainText(name);
  await expect(token).toContainText('launcher');
  await expect(page.getByRole('status').filter({ hasText: '9 plaintext keys in client configs' })).toBeVisible();
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
  expect(plain).toEqual({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] });
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
  expect(fs.readFileSync(file, 'utf8')).not.toContain(github);

  await expectNoSecretOnPage(page, Object.values(h.keys));
});

test('Disconnect can write the value back, with a warning, after main asks', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  const file = h.userFile('claude-desktop');
  const github = h.keys.github!;
  await openMcp(page);
  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Connected');

  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Disconnect…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Disconnect .* from github$/ });
  await dialog.getByLabel("Write the key's value back into the file").check();
  await expect(dialog.getByRole('alert').filter({ hasText: 'The file will hold the key in plain text' }).first()).toBeVisible();
  await expect(dialog).toContainText('After this change the file holds the key in plain text');
  await expectNoSecretOnPage(page, Object.values(h.keys));

  // Main asks in its own dialog; refused, nothing is written.
  await app.answerConfirmations(false);
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'was not confirmed' })).toBeVisible();
  expect(fs.readFileSync(file, 'utf8')).not.toContain(github);
  await app.answerConfirmations(true);
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect((await app.confirmationsAsked()).map((c) => c.title)).toEqual(['Write a key back into a config', 'Write a key back into a config']);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN).toBe(github);
  // Back in plain text, and now equal to a vault key's value: said so, with the key's name.
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('A plain copy of vault key');
  await expectNoSecretOnPage(page, Object.values(h.keys));
});

test('keyboard: Import a remote key into the proxy form, and Escape, Enter and focus as in every dialog', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  const file = h.userFile('zed');
  await openMcp(page);
  const header = slot(page, 'plex-remote', 'Authorization header');
  const importButton = header.getByRole('button', { name: 'Import…' });
  await importButton.focus();

  // Enter opens the dialog on its first field; Escape closes it and gives focus back.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import Authorization header from plex-remote' });
  await expect(dialog.getByLabel('Name in the vault')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();

  // Again: name the key, see the proxy form chosen, Enter imports.
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Name in the vault')).toBeFocused();
  await page.keyboard.type('plex team key');
  await expect(dialog.getByRole('radio', { name: /Through the local proxy/ })).toBeChecked();
  const diff = dialog.getByRole('region', { name: `Changes to ${file}` });
  await expect(diff).toContainText('"proxy"');
  await expect(diff.getByRole('deletion').filter({ hasText: 'Authorization' })).toContainText(masked('ApiKey pmcp_', h.keys.plexzed!));
  await expectNoSecretOnPage(page, Object.values(h.keys));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported Authorization from plex-remote into the vault')).toBeVisible();
  // Focus lands on the changed slot's row, on its new action.
  await expect(header.getByRole('button', { name: 'Disconnect…' })).toBeFocused();
  await expect(header).toContainText('plex team key');
  await expect(header).toContainText('proxy');

  // Zed's settings keep their comments and every other setting; the server's key is gone (postgres still has its own).
  const zed = fs.readFileSync(file, 'utf8');
  expect(zed).not.toContain(h.keys.plexzed);
  expect(zed).toContain('// For information on how to configure Zed');
  expect(zed).toContain('"tab_size": 4, // PEP 8');
  await expectNoSecretOnPage(page, Object.values(h.keys));
});

test('Import all moves every plaintext key out of the client configs', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  await openMcp(page);
  await page.getByRole('button', { name: 'Import all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import every plaintext key' });
  // Every user-scope key, and Claude Code's local section of the fixture project in ~/.claude.json.
  await expect(dialog.getByRole('checkbox')).toHaveCount(10);
  for (const client of ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed'] as const) {
    await expect(dialog.getByRole('region', { name: `Changes to ${h.userFile(client)}` }).first()).toBeVisible();
  }
  await expectNoSecretOnPage(page, Object.values(h.keys));
  await dialog.getByRole('button', { name: 'Import 10 keys' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported 10 keys from client configs into the vault')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'plaintext key' })).toHaveCount(0);
  for (const name of ['github', 'weather', 'cloud', 'db', 'search', 'keysapi', 'tools', 'plex', 'postgres', 'plexzed']) {
    for (const { file, content } of h.all()) expect(content.includes(h.keys[name]!), `${name} in ${file}`).toBe(false);
  }
  // Only the project's own files hold keys still: the vault does not know the project.
  app.forgetFilesWithoutKeys();
  expect([...app.filesWithSecrets].sort()).toEqual([h.file('project/.cursor/mcp.json'), h.file('project/.mcp.json'), h.file('project/.vscode/mcp.json')].sort());
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Connected');
  await expect(slot(page, 'cloud', 'Authorization header')).toContainText('Connected');
});

test('Import all: a key main refuses is said beside it and left out, the others are imported', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  const windsurf = h.userFile('windsurf');
  await openMcp(page);
  await expect(page.getByRole('status').filter({ hasText: '10 plaintext keys in client configs' })).toBeVisible();
  // Windsurf's file stops parsing after the screen read it: main refuses its one key's import.
  fs.appendFileSync(windsurf, '\n{');
  await page.getByRole('button', { name: 'Import all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import every plaintext key' });
  const refused = dialog.getByRole('listitem').filter({ hasText: 'Windsurf' });
  await expect(refused).toContainText('does not parse');
  await expect(refused.getByRole('checkbox')).not.toBeChecked();
  await expect(refused.getByRole('checkbox')).toBeDisabled();
  await expect(dialog.getByRole('region', { name: `Changes to ${h.userFile('zed')}` }).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 9 keys' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Imported 9 keys from client configs into the vault')).toBeVisible();
  expect(fs.readFileSync(windsurf, 'utf8')).toContain(h.keys.plex!);
  for (const [client, name] of [['claude-desktop', 'github'], ['claude-code', 'cloud'], ['zed', 'plexzed']] as const) {
    expect(fs.readFileSync(h.userFile(client), 'utf8')).not.toContain(h.keys[name]!);
  }
  // The "Import all…" button is gone: focus is on the first imported slot's new action.
  await expect(page.locator(':focus')).toHaveText('Disconnect…');
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
  const h = app.writeClientFixtures();
  const file = h.userFile('windsurf');
  await app.cli(['create', 'brave key']);
  const secret = await app.secretOf('brave key');
  await page.reload();

  const detail = await openDetail(page, 'brave key');
  await detail.getByRole('button', { name: 'Use…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use brave key' });
  await dialog.getByRole('radio', { name: /An MCP server/ }).check();
  await expect(dialog.getByRole('radio', { name: /An MCP server/ })).toBeFocused();
  const picker = dialog.getByRole('combobox', { name: 'MCP server' });
  await picker.selectOption({ label: 'brave-search (user)' });
  // The slot waiting for a key is offered first: Windsurf's empty BRAVE_API_KEY.
  await expect(dialog.getByRole('combobox', { name: 'Variable' })).toHaveValue('BRAVE_API_KEY');
  const diff = dialog.getByRole('region', { name: `Changes to ${file}` });
  await expect(diff).toContainText('=BRAVE_API_KEY');
  await expectNoSecretOnPage(page, [secret, ...Object.values(h.keys)]);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, 'Connected brave key to brave-search')).toBeVisible();

  const brave = JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers['brave-search'];
  expect(brave.args).toEqual(expect.arrayContaining(['run', '--', 'npx', '-y', '@modelcontextprotocol/server-brave-search']));
  expect(brave.env).toBeUndefined();
  expect(fs.readFileSync(file, 'utf8')).not.toContain(secret);
  await expect(detail.getByRole('region', { name: 'Used in' }).getByRole('list', { name: 'MCP servers' })).toContainText(/Windsurf\s*brave-search/);
  // Focus is back on Use…, as after a write into a .env file.
  await expect(detail.getByRole('button', { name: 'Use…' })).toBeFocused();
});

test('revoke can take the key out of its MCP servers too: the launcher is gone, the report names the server', async ({ app }) => {
  const { page } = app;
  const h = app.writeClientFixtures();
  const file = h.userFile('windsurf');
  const env = path.join(app.makeProject('search-app'), '.env');
  const key = await app.createKey('brave key');
  await app.cli(['use', 'brave key', '--env', env]);
  await page.reload();

  // Connected to Windsurf's brave-search through the launcher (its empty slot).
  await openMcp(page);
  await slot(page, 'brave-search', 'BRAVE_API_KEY').getByRole('button', { name: 'Connect key…' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect a key to brave-search' });
  await connect.getByLabel('Key', { exact: true }).selectOption(key.id);
  await connect.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(slot(page, 'brave-search', 'BRAVE_API_KEY')).toContainText('Connected');
  expect(fs.readFileSync(file, 'utf8')).toContain(`${key.id}=BRAVE_API_KEY`);

  // Revoke names the .env file and the server, and offers to take the key out of both.
  await nav(page, 'Keys').click();
  await (await openDetail(page, 'brave key')).getByRole('button', { name: 'Revoke' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke brave key?' });
  const also = revoke.getByRole('checkbox', { name: 'Also take the key out of 1 .env file and 1 MCP server' });
  await expect(also).not.toBeChecked();
  await expect(revoke.getByRole('list', { name: 'Files this key was written to' }).getByRole('listitem')).toHaveCount(1);
  await expect(revoke.getByRole('list', { name: 'MCP servers this key is connected to' })).toHaveText(/^Windsurf · brave-search · BRAVE_API_KEY \(launcher\)$/);
  await also.check();
  await revoke.getByRole('button', { name: 'Revoke key' }).click();
  const report = page.getByRole('dialog', { name: 'Key revoked' });
  await expect(report.getByText('Removed from 1 .env file and 1 MCP server.')).toBeVisible();
  const items = report.getByRole('list', { name: '.env files and MCP servers' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'brave-search' })).toContainText(/Windsurf\s*brave-search\s*BRAVE_API_KEY · launcher\s*Removed/);
  await report.getByRole('button', { name: 'Done' }).click();

  // The server is back to its own command: no launcher, no key id; the .env file keeps no value.
  const brave = JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers['brave-search'];
  expect(brave).toEqual({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'] });
  expect(fs.readFileSync(file, 'utf8')).not.toContain(key.id);
  expect(fs.readFileSync(env, 'utf8')).not.toContain(key.secret);
  await expect(page.getByRole('complementary', { name: 'brave key' }).getByRole('list', { name: 'MCP servers' })).toHaveCount(0);
});

test('screenshot: the MCP clients screen, and an import previewed in dark mode', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { colorScheme: 'light' });
  const h = app.writeClientFixtures();
  await openMcp(page);
  await expect(slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN')).toContainText('Plaintext key');
  await page.mouse.move(0, 0);
  await screenshot(page, 'mcp-clients');

  await page.emulateMedia({ colorScheme: 'dark' });
  await slot(page, 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN').getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import GITHUB_PERSONAL_ACCESS_TOKEN from github' });
  const diff = dialog.getByRole('region', { name: `Changes to ${h.userFile('claude-desktop')}` });
  await expect(diff).toBeVisible();
  await expect(diff).not.toHaveAttribute('aria-busy', 'true');
  await screenshot(page, 'mcp-import-dark');
});
