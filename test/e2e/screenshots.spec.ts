/**
 * Screenshots of the main screens, light and dark, written to docs/screenshots/. Each shot first checks
 * the screen shows what it should, so a broken screen fails here rather than being photographed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type AnyApp } from './fixtures';

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const DAY = 86_400_000;

/** One set of screenshots is enough: they come from the Chromium project. */
const onlyChromium = () => test.skip(test.info().project.name !== 'chromium-bridge', 'Screenshots come from the Chromium project only.');

async function cli(app: AnyApp, args: string[]): Promise<void> {
  const result = await app.cli(args);
  expect(result.code, result.stderr).toBe(0);
}

async function seed(app: AnyApp): Promise<void> {
  const env = (name: string) => path.join(app.home, `${name}.env`);
  await cli(app, ['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create', '-p', 'models:read', '--meta', 'environment=production', '--meta', 'team=support', '-e', '365']);
  await cli(app, ['create', 'anthropic-staging', '-d', 'Staging stack, nightly evals', '--owner', 'bo@acme.dev', '-p', 'chats:create', '--meta', 'environment=staging', '-e', '20']);
  await cli(app, ['create', 'github-ci-runner', '-d', 'Release workflow token', '--owner', 'ci@acme.dev', '-p', 'read', '-p', 'write', '-e', '5']);
  await cli(app, ['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '--owner', 'ana@acme.dev', '-p', 'contexts:read', '-p', 'contexts:write', '--meta', 'host=localhost', '-e', '90']);
  await cli(app, ['create', 'files-ingest', '-d', 'Document ingestion worker', '--owner', 'data@acme.dev', '-p', 'files:read', '-p', 'files:write', '-e', '0']);
  await cli(app, ['create', 'legacy-integration', '-d', 'Old partner integration (retired)', '--owner', 'bo@acme.dev', '-p', 'read', '-e', '0']);
  await cli(app, ['revoke', 'legacy-integration', '--yes']);
  await cli(app, ['create', 'analytics-readonly', '-d', 'Dashboards', '--owner', 'data@acme.dev', '-p', 'read', '-p', 'models:read', '-e', '180']);
  await cli(app, ['use', 'openai-production', '--env', env('a')]);
  await cli(app, ['use', 'mcp-context-server', '--env', env('b')]);
  await cli(app, ['use', 'openai-production', '--env', env('c')]);
  // Ten days on, so the list has an expired key and one expiring soon.
  await app.page.clock.install({ time: Date.now() + 10 * DAY });
  await app.reload();
  await expect(app.page.getByRole('row', { name: /^openai-production/ })).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

test('main screens, light and dark', async ({ app }) => {
  onlyChromium();
  const { page } = app;
  await page.setViewportSize({ width: 1180, height: 760 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    if (scheme === 'light') {
      await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
      await shoot(page, 'empty-state');
      await seed(app);
      await page.emulateMedia({ colorScheme: scheme });
    }
    // Dark really is dark, light really is light.
    const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 0] = (background.match(/\d+/g) ?? []).map(Number);
    expect(scheme === 'dark' ? r < 60 : r > 200, `${scheme} background ${background}`).toBe(true);

    await page.mouse.move(0, 0);
    await expect(page.getByRole('row', { name: /^github-ci-runner/ }).getByText('Expired', { exact: true })).toBeVisible();
    await shoot(page, `keys-list${suffix}`);

    await page.getByRole('row', { name: /^openai-production/ }).click();
    await expect(page.getByRole('complementary', { name: 'openai-production' })).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(page, `key-detail${suffix}`);

    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'New key' });
    await dialog.getByLabel('Name', { exact: true }).fill('vector-search');
    await dialog.getByLabel('Description').fill('Embeddings for the docs search');
    await dialog.getByLabel('Owner').fill('ana@acme.dev');
    await dialog.getByRole('checkbox', { name: 'read', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'models:read' }).check();
    await dialog.getByRole('button', { name: 'Add metadata' }).click();
    await dialog.getByLabel('Metadata name 1').fill('environment');
    await dialog.getByLabel('Metadata value 1').fill('production');
    await dialog.getByLabel('Name', { exact: true }).focus();
    await shoot(page, `create-dialog${suffix}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Close details' }).click();
  }
});

test.describe('keychain unavailable', () => {
  test.use({ appOptions: { keychain: 'unavailable' } });
  test('read-only banner', async ({ app }) => {
    onlyChromium();
    const { page } = app;
    await page.setViewportSize({ width: 1180, height: 760 });
    await cli(app, ['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create']);
    await cli(app, ['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '-p', 'contexts:read']);
    await page.getByRole('row', { name: /^openai-production/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'keychain is unavailable' })).toBeVisible();
    await shoot(page, 'keychain-unavailable');
  });
});
