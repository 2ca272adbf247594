/**
 * The Projects screen, as a user meets it: empty at first, leading to "Add project…" (the OS folder dialog,
 * scripted); each project's .env files with what git would do with them, and the one-click fix; "Find keys
 * in this project" importing keys already sitting in .env files (or linking ones the vault has); remove,
 * after a confirmation, touching nothing on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { git } from '../helpers/process';
import { expect, test } from './fixtures';
import { expectNoSecretOnPage } from './page-checks';
import { forScreenshots, nav, openDetail, screenshot, toast } from './screen';

async function openProjects(page: Page) {
  await nav(page, 'Projects').click();
  await expect(page.getByRole('heading', { name: 'Projects', exact: true, level: 2 })).toBeVisible();
}

const project = (page: Page, name: string) => page.getByRole('article', { name });

test('empty state leads to Add project; files show what git does with them; remove asks first and touches nothing', async ({ app }) => {
  const { page } = app;
  const dir = app.makeProject('web-app', {
    git: true,
    files: { '.env': 'A=1\n', '.env.local': 'B=2\n', '.env.example': 'A=\n', '.env.test': 'A=test\n', '.gitignore': '/.env\n', 'README.md': '# web-app\n' },
  });
  git(dir, 'add', '.env.example', '.env.test', '.gitignore');
  git(dir, 'commit', '-q', '-m', 'init');
  await openProjects(page);

  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  const add = page.getByRole('button', { name: 'Add project…' });
  // Cancelled in the folder dialog: nothing happens.
  await app.chooseFolderNext(null);
  await add.click();
  await expect(add).toBeEnabled();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();

  await app.chooseFolderNext(dir);
  await add.click();
  await expect(toast(page, 'Project “web-app” added')).toBeVisible();
  const card = project(page, 'web-app');
  await expect(card).toContainText(fs.realpathSync(dir));
  const files = card.getByRole('table', { name: '.env files in web-app' });
  const file = (name: string) => files.getByRole('row', { name: new RegExp(`^${name.replace(/\./g, '\\.')} `) });
  await expect(files.getByRole('row')).toHaveCount(5); // header + .env, .env.example, .env.local, .env.test (README.md is not one)
  await expect(file('.env')).toContainText('Ignored');
  await expect(file('.env')).toContainText('4 B');
  await expect(file('.env.local')).toContainText('Not ignored');
  await expect(file('.env.test')).toContainText('Tracked');
  await expect(card).toContainText('A tracked file is already committed: adding it to .gitignore does not untrack it.');
  // A template is meant to be committed: said quietly, with nothing to fix.
  await expect(file('.env.example').getByText('Tracked')).toHaveAttribute('title', /template/);
  await expect(file('.env.example').getByRole('button')).toHaveCount(0);

  // One click ignores .env.local.
  await file('.env.local').getByRole('button', { name: 'Add to .gitignore' }).click();
  await expect(toast(page, 'Added .env.local to .gitignore')).toBeVisible();
  await expect(file('.env.local').getByText('Ignored', { exact: true })).toBeVisible();
  await expect(file('.env.local').getByRole('button')).toHaveCount(0);
  expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('/.env\n/.env.local\n');

  // The same folder again is not added twice.
  await app.chooseFolderNext(dir);
  await page.getByRole('button', { name: 'Add project…' }).click();
  await expect(toast(page, 'web-app is already in the list')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);

  // Remove: a confirmation that says nothing on disk changes; Cancel keeps it, Remove forgets it.
  await card.getByRole('button', { name: 'Remove' }).click();
  let confirm = page.getByRole('dialog', { name: 'Remove web-app?' });
  await expect(confirm).toContainText('Nothing in the folder is changed');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Remove' }).click();
  confirm = page.getByRole('dialog', { name: 'Remove web-app?' });
  await confirm.getByRole('button', { name: 'Remove project' }).click();
  await expect(confirm).toBeHidden();
  await expect(toast(page, 'Project “web-app” removed')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  expect(fs.readdirSync(dir).sort()).toEqual(['.env', '.env.example', '.env.local', '.env.test', '.git', '.gitignore', 'README.md']);
  expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe('A=1\n');
});

test('Find keys in this project: imports keys found in .env.local, links one the vault already has', async ({ app }) => {
  const { page } = app;
  const openai = 'sk-proj-Fo0undInLocalEnv1234wxyz';
  const stripe = 'sk_live_51StripeFoundValue9876abcd';
  const known = 'ghp_AlreadyInTheVault0000001234qrst';
  await app.cli(['create', 'github-ci', '--import'], known);
  await app.cli(['create', 'taken-name']);
  const dir = app.makeProject('billing', {
    files: {
      '.env': 'PORT=8080\n',
      '.env.local': [`OPENAI_API_KEY=${openai}`, `STRIPE_SECRET_KEY="${stripe}"`, `GITHUB_TOKEN=${known}`, 'DEBUG=true', 'API_KEY_REQUIRED=true', ''].join('\n'),
    },
  });
  await openProjects(page);
  await app.chooseFolderNext(dir);
  await page.getByRole('button', { name: 'Add project…' }).click();
  const card = project(page, 'billing');
  await card.getByRole('button', { name: 'Find keys in this project' }).click();

  const found = card.getByRole('table', { name: 'Keys found in billing' });
  await expect(card.getByRole('heading', { name: '3 keys found' })).toBeVisible();
  await expect(found.getByRole('row')).toHaveCount(4);
  const foundRow = (variable: string) => found.getByRole('row').filter({ hasText: variable });
  await expect(foundRow('OPENAI_API_KEY')).toContainText('.env.local');
  await expect(foundRow('OPENAI_API_KEY')).toContainText('sk-proj-…wxyz');
  await expect(foundRow('STRIPE_SECRET_KEY')).toContainText('…abcd');
  await expect(foundRow('GITHUB_TOKEN')).toContainText('Already in the vault as github-ci — will be linked');
  await expect(foundRow('DEBUG')).toHaveCount(0);
  // Found values are never in the page: only masks.
  await expectNoSecretOnPage(page, [openai, stripe, known]);

  const openaiName = found.getByRole('textbox', { name: 'Name for OPENAI_API_KEY from .env.local' });
  await expect(openaiName).toHaveValue('billing OPENAI_API_KEY');
  const stripeName = found.getByRole('textbox', { name: 'Name for STRIPE_SECRET_KEY from .env.local' });
  const importButton = card.getByRole('button', { name: 'Import selected (3)' });
  // Names are checked before anything is sent.
  await stripeName.fill('Taken-Name');
  await expect(stripeName).toHaveAccessibleDescription('A key with this name is already in the vault.');
  await expect(importButton).toBeDisabled();
  await stripeName.fill('openai-local');
  await openaiName.fill('openai-local');
  await expect(openaiName).toHaveAccessibleDescription('Two found keys have this name.');
  await stripeName.fill('stripe-billing');
  await expect(importButton).toBeEnabled();
  // Unticking a row leaves it out.
  await found.getByRole('checkbox', { name: 'Import STRIPE_SECRET_KEY from .env.local' }).uncheck();
  await expect(card.getByRole('button', { name: 'Import selected (2)' })).toBeEnabled();
  await found.getByRole('checkbox', { name: 'Import STRIPE_SECRET_KEY from .env.local' }).check();
  await importButton.click();

  await expect(toast(page, 'Imported 2 keys and linked 1 key already in the vault')).toBeVisible();
  await expect(found).toBeHidden();
  const keys = await app.listKeys();
  expect(keys.map((k) => k.name).sort()).toEqual(['github-ci', 'openai-local', 'stripe-billing', 'taken-name']);
  expect(keys.find((k) => k.name === 'openai-local')?.source).toBe('imported');
  const secrets = await app.secrets();
  expect(secrets).toEqual(expect.arrayContaining([openai, stripe, known]));
  expect(secrets).toHaveLength(4);
  // The file is as it was.
  expect(fs.readFileSync(path.join(dir, '.env.local'), 'utf8')).toContain(`OPENAI_API_KEY=${openai}`);

  // In the keys list, imported, and each knows the file it is used in.
  await nav(page, 'Keys').click();
  const detail = await openDetail(page, 'openai-local');
  await expect(detail).toContainText(/Source\s*Imported/);
  await expect(detail.getByRole('region', { name: 'Used in' }).getByRole('listitem')).toContainText(/billing\s*\.env\.local\s*OPENAI_API_KEY/);
  await expect((await openDetail(page, 'github-ci')).getByRole('region', { name: 'Used in' })).toContainText('GITHUB_TOKEN');
  await expectNoSecretOnPage(page, await app.secrets());
});

test('a project whose folder is gone says so', async ({ app }) => {
  const { page } = app;
  const dir = app.makeProject('moved-away', { files: { '.env': 'A=1\n' } });
  await openProjects(page);
  await app.chooseFolderNext(dir);
  await page.getByRole('button', { name: 'Add project…' }).click();
  await expect(project(page, 'moved-away').getByRole('table')).toBeVisible();
  fs.rmSync(dir, { recursive: true });
  await app.reload();
  await openProjects(page);
  const card = project(page, 'moved-away');
  await expect(card.getByText('Folder missing')).toBeVisible();
  await expect(card).toContainText('The folder is gone or cannot be read.');
  await expect(card.getByRole('button', { name: 'Find keys in this project' })).toBeDisabled();
});

test('screenshot: the Projects screen', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { colorScheme: 'light' });
  await app.cli(['create', 'openai-production', '-d', 'Chat completions']);
  const assistant = app.makeProject('support-assistant', {
    git: true,
    files: {
      '.env': 'PORT=3000\nMCP_API_KEY=placeholder\n',
      '.env.example': 'MCP_API_KEY=\n',
      '.env.local': 'OPENAI_API_KEY=sk-proj-ScreenshotValue000000a1b2\nANTHROPIC_API_KEY=sk-ant-api03-ScreenshotValue0000c3d4\nLOG_LEVEL=debug\n',
      '.gitignore': 'node_modules\n/.env\n',
    },
  });
  git(assistant, 'add', '.env.example', '.gitignore');
  git(assistant, 'commit', '-q', '-m', 'init');
  const docs = app.makeProject('web-dashboard', { files: { '.env': 'SITE_URL=http://localhost:4000\n' } });
  await openProjects(page);
  for (const dir of [assistant, docs]) {
    await app.chooseFolderNext(dir);
    await page.getByRole('button', { name: 'Add project…' }).click();
    await expect(project(page, path.basename(dir))).toBeVisible();
  }
  const card = project(page, 'support-assistant');
  await card.getByRole('button', { name: 'Find keys in this project' }).click();
  await expect(card.getByRole('heading', { name: '2 keys found' })).toBeVisible();
  await card.getByRole('textbox', { name: 'Name for OPENAI_API_KEY from .env.local' }).fill('openai-support');
  await card.getByRole('textbox', { name: 'Name for OPENAI_API_KEY from .env.local' }).blur();
  await expect(project(page, 'web-dashboard').getByRole('table')).toBeVisible();
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await page.getByRole('region', { name: 'Projects' }).evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await screenshot(page, 'projects');
});
