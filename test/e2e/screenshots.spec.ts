/**
 * Screenshots of the main screens, light and dark, written to docs/screenshots/. Each shot first checks
 * the screen shows what it should, so a broken screen fails here rather than being photographed.
 */
import path from 'node:path';
import { expect, test, type AnyApp } from './fixtures';
import { forScreenshots, openDetail, row, screenshot } from './screen';

async function seed(app: AnyApp): Promise<void> {
  const env = (name: string) => path.join(app.home, `${name}.env`);
  await app.cli(['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create', '-p', 'models:read', '--meta', 'environment=production', '--meta', 'team=support', '-e', '365']);
  await app.cli(['create', 'anthropic-staging', '-d', 'Staging stack, nightly evals', '--owner', 'bo@acme.dev', '-p', 'chats:create', '--meta', 'environment=staging', '-e', '20']);
  await app.cli(['create', 'github-ci-runner', '-d', 'Release workflow token', '--owner', 'ci@acme.dev', '-p', 'read', '-p', 'write', '-e', '5']);
  await app.cli(['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '--owner', 'ana@acme.dev', '-p', 'contexts:read', '-p', 'contexts:write', '--meta', 'host=localhost', '-e', '90']);
  await app.cli(['create', 'files-ingest', '-d', 'Document ingestion worker', '--owner', 'data@acme.dev', '-p', 'files:read', '-p', 'files:write', '-e', '0']);
  await app.cli(['create', 'legacy-integration', '-d', 'Old partner integration (retired)', '--owner', 'bo@acme.dev', '-p', 'read', '-e', '0']);
  await app.cli(['revoke', 'legacy-integration', '--yes']);
  await app.cli(['create', 'analytics-readonly', '-d', 'Dashboards', '--owner', 'data@acme.dev', '-p', 'read', '-p', 'models:read', '-e', '180']);
  await app.cli(['use', 'openai-production', '--env', env('a')]);
  await app.cli(['use', 'mcp-context-server', '--env', env('b')]);
  await app.cli(['use', 'openai-production', '--env', env('c')]);
  // Ten days on, so the list has an expired key and one expiring soon.
  await app.reloadDaysLater(10);
  await expect(row(app.page, 'openai-production')).toBeVisible();
}

test('main screens, light and dark', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    if (scheme === 'light') {
      await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
      await screenshot(page, 'empty-state');
      await seed(app);
      await page.emulateMedia({ colorScheme: scheme });
    }
    // Dark really is dark, light really is light.
    const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 0] = (background.match(/\d+/g) ?? []).map(Number);
    expect(scheme === 'dark' ? r < 60 : r > 200, `${scheme} background ${background}`).toBe(true);

    await page.mouse.move(0, 0);
    await expect(row(page, 'github-ci-runner').getByText('Expired', { exact: true })).toBeVisible();
    await screenshot(page, `keys-list${suffix}`);

    await openDetail(page, 'openai-production');
    await page.mouse.move(0, 0);
    await screenshot(page, `key-detail${suffix}`);

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
    await screenshot(page, `create-dialog${suffix}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Close details' }).click();
  }
});

test.describe('keychain unavailable', () => {
  test.use({ appOptions: { keychain: 'unavailable' } });
  test('read-only banner', async ({ app }) => {
    const { page } = app;
    await forScreenshots(page);
    await app.cli(['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create']);
    await app.cli(['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '-p', 'contexts:read']);
    await row(page, 'openai-production').click();
    await expect(page.getByRole('alert').filter({ hasText: 'keychain is unavailable' })).toBeVisible();
    await screenshot(page, 'keychain-unavailable');
  });
});
