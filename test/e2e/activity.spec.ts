/**
 * The activity log in the app: the Activity screen (events newest first from the app and the CLI, filtered by
 * type, text and key, 100 a page with "Load more", live as the vault changes), a key's own history in its
 * details, no secret ever in activity.jsonl; and the reminders: the banner for keys expiring within 14 days
 * or expired, whose Review filters the list, and the "not rotated for N days" hint that opens Rotate.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type AnyApp } from './fixtures';
import type { CliKey } from './session';
import { forScreenshots, nav, openDetail, row, screenshot, toast } from './screen';

async function openActivity(page: Page): Promise<Locator> {
  await nav(page, 'Activity').click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 2 })).toBeVisible();
  return page.getByRole('table', { name: 'Activity, newest first' });
}

/** The table's event rows (its body), top to bottom. */
const eventRows = (table: Locator) => table.getByRole('rowgroup').nth(1).getByRole('row');

/** Appends events to the log as the vault writes them (one JSON object a line), oldest first. */
function appendEvents(app: AnyApp, events: { type: string; keyId: string; keyName: string; detail?: string }[], start: number): void {
  const lines = events.map((event, i) => JSON.stringify({ at: new Date(start + i * 1000).toISOString(), ...event }));
  fs.appendFileSync(path.join(app.home, 'activity.jsonl'), `${lines.join('\n')}\n`);
}

test('lists created, imported, revealed, copied, edited, rotated and revoked events newest first; filters them; stays live', async ({ app }) => {
  const { page } = app;
  const alpha = await app.createKey('alpha');
  const beta = await app.createKey('beta');
  const importedValue = 'sk-live-ImportedGammaValue0042';
  await app.cli(['create', 'gamma', '--import'], importedValue);

  // In the app: reveal, copy, edit.
  const detail = await openDetail(page, 'alpha');
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.getByText(alpha.secret, { exact: true })).toBeVisible();
  await detail.getByRole('button', { name: 'Hide' }).click();
  await detail.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(toast(page, 'Copied')).toBeVisible();
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit alpha' });
  await edit.getByLabel('Description').fill('Production completions');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  // With the CLI: rotate and revoke.
  const rotated = await app.cliJson<CliKey>(['rotate', 'alpha']);
  await app.cli(['revoke', 'beta', '--yes']);

  const table = await openActivity(page);
  await expect(page.getByText('8 events', { exact: true })).toBeVisible();
  await expect(eventRows(table)).toHaveText([
    /Revoked\s*beta\s*—/,
    /Rotated\s*alpha/,
    /Edited\s*alpha/,
    /Copied\s*alpha\s*the key/,
    /Revealed\s*alpha/,
    /Imported\s*gamma/,
    /Created\s*beta/,
    /Created\s*alpha/,
  ]);
  await expect(table.getByRole('columnheader')).toHaveText(['When', 'Event', 'Key', 'Detail']);

  // Event types: chips that combine.
  await page.getByRole('checkbox', { name: 'Copied' }).check();
  await expect(eventRows(table)).toHaveText([/Copied\s*alpha/]);
  await expect(page.getByText('1 event matches')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Revoked' }).check();
  await expect(eventRows(table)).toHaveText([/Revoked\s*beta/, /Copied\s*alpha/]);
  await expect(page.getByText('2 events match')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Copied' }).uncheck();
  await page.getByRole('checkbox', { name: 'Revoked' }).uncheck();
  await expect(eventRows(table)).toHaveCount(8);

  // Text search.
  const search = page.getByRole('searchbox', { name: 'Search activity' });
  await search.fill('gam');
  await expect(eventRows(table)).toHaveText([/Imported\s*gamma/]);
  await search.fill('no such thing');
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(eventRows(table)).toHaveCount(8);

  // One key.
  const keyFilter = page.getByLabel('Key', { exact: true });
  await keyFilter.selectOption({ label: 'alpha' });
  await expect(eventRows(table)).toHaveText([/Rotated/, /Edited/, /Copied/, /Revealed/, /Created/]);
  await page.getByRole('checkbox', { name: 'Created' }).check();
  await expect(eventRows(table)).toHaveText([/Created\s*alpha/]);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(keyFilter).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Created' })).not.toBeChecked();
  await expect(eventRows(table)).toHaveCount(8);

  // Live: what the CLI does shows up at once.
  await app.cli(['create', 'delta']);
  await expect(eventRows(table).first()).toHaveText(/Created\s*delta/);
  await expect(page.getByText('9 events', { exact: true })).toBeVisible();

  // A key's name leads to its details.
  await eventRows(table).first().getByRole('button', { name: 'delta' }).click();
  await expect(page.getByRole('complementary', { name: 'delta' })).toBeVisible();
  await expect(nav(page, 'Keys')).toHaveAttribute('aria-current', 'page');

  // The log file itself never holds a value: not the live ones, not the rotated-away or revoked ones.
  const log = fs.readFileSync(path.join(app.home, 'activity.jsonl'), 'utf8');
  expect(log.trim().split('\n')).toHaveLength(9);
  const values = [...(await app.secrets()), alpha.secret, beta.secret, rotated.secret!, importedValue];
  expect(values.length).toBeGreaterThanOrEqual(6);
  for (const value of values) expect(log.includes(value), `activity.jsonl holds a value ending …${value.slice(-4)}`).toBe(false);
});

test('a long log comes 100 events a page with Load more; an empty log says so', async ({ app }) => {
  const { page } = app;
  let table = await openActivity(page);
  await expect(page.getByRole('heading', { name: 'No activity yet' })).toBeVisible();
  await expect(table).toHaveCount(0);

  const key = await app.createKey('busy-key');
  appendEvents(
    app,
    Array.from({ length: 250 }, (_, i) => ({ type: 'copied', keyId: key.id, keyName: 'busy-key', detail: i % 2 ? 'env' : 'header' })),
    Date.now() + 60_000,
  );
  await nav(page, 'Keys').click();
  table = await openActivity(page);
  await expect(eventRows(table)).toHaveCount(100);
  await expect(page.getByText('Showing 100 of 251 events')).toBeVisible();
  await expect(eventRows(table).first()).toHaveText(/Copied\s*busy-key\s*as a \.env line/);
  await page.getByRole('button', { name: 'Load 100 more' }).click();
  await expect(eventRows(table)).toHaveCount(200);
  await page.getByRole('button', { name: 'Load 51 more' }).click();
  await expect(eventRows(table)).toHaveCount(251);
  await expect(page.getByText('Showing 251 of 251 events')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Load \d+ more$/ })).toHaveCount(0);
  // The oldest event is last.
  await expect(eventRows(table).last()).toHaveText(/Created\s*busy-key/);
});

test('a key’s details show its own history, newest first, as things happen', async ({ app }) => {
  const { page } = app;
  const key = await app.createKey('hist');
  await app.createKey('other');
  const detail = await openDetail(page, 'hist');
  const history = detail.getByRole('list', { name: 'Events of hist, newest first' });
  await expect(history.getByRole('listitem')).toHaveText([/^Created · just now/]);

  await detail.getByRole('button', { name: 'Reveal' }).click();
  await expect(history.getByRole('listitem').first()).toHaveText(/^Revealed/);
  await detail.getByRole('button', { name: 'Hide' }).click();
  await detail.getByRole('button', { name: 'More formats' }).click();
  await page.getByRole('menuitem', { name: 'Copy as MCP_API_KEY=…' }).click();
  await expect(history.getByRole('listitem').first()).toHaveText(/^Copied · just now\s*as a \.env line$/);
  await app.cli(['edit', 'hist', '-d', 'edited from the CLI']);
  await app.cli(['rotate', 'hist']);
  await expect(history.getByRole('listitem')).toHaveText([/^Rotated/, /^Edited/, /^Copied/, /^Revealed/, /^Created/]);
  // Another key's events are not here.
  await app.cli(['revoke', 'other', '--yes']);
  await expect(row(page, 'other').getByText('Revoked', { exact: true })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(5);

  // The latest 20 only; the rest is one click away, filtered to this key.
  appendEvents(app, Array.from({ length: 25 }, () => ({ type: 'copied', keyId: key.id, keyName: 'hist', detail: 'key' })), Date.now() + 60_000);
  await app.cli(['edit', 'hist', '-d', 'again']);
  await expect(history.getByRole('listitem').first()).toHaveText(/^Edited/);
  await expect(history.getByRole('listitem')).toHaveCount(20);
  await detail.getByRole('button', { name: 'Full history (31 events)' }).click();
  const table = page.getByRole('table', { name: 'Activity, newest first' });
  await expect(page.getByLabel('Key', { exact: true })).toHaveValue(key.id);
  await expect(eventRows(table)).toHaveCount(31);
  await expect(page.getByText('31 events match')).toBeVisible();
});

test('reminders: a banner for keys expiring within 14 days or expired; Review filters the list to them', async ({ app }) => {
  const { page } = app;
  await app.createKey('fine', '-e', '200');
  await app.createKey('soon', '-e', '3');
  await expect(row(page, 'soon')).toBeVisible();
  const banner = page.getByRole('region', { name: 'Expiry reminders' });
  await expect(banner).toContainText('1 key expires within 14 days');
  await expect(banner).not.toContainText('expired');

  // Two days on: one more has expired.
  await app.createKey('gone', '-e', '1');
  await app.reloadDaysLater(2);
  await expect(row(page, 'gone')).toBeVisible();
  await expect(banner).toContainText('1 key expires within 14 days · 1 expired');
  // On every screen.
  await nav(page, 'Settings').click();
  await expect(banner).toBeVisible();

  await banner.getByRole('button', { name: 'Review' }).click();
  await expect(nav(page, 'Keys')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('radio', { name: /^Expiring soon/ })).toBeChecked();
  const grid = page.getByRole('grid', { name: 'Keys' });
  await expect(grid.getByRole('row')).toHaveCount(2); // header + soon
  await expect(row(page, 'soon')).toBeVisible();
  await expect(row(page, 'soon')).toBeFocused();

  await banner.getByRole('button', { name: 'Dismiss reminders' }).click();
  await expect(banner).toHaveCount(0);
  // Revoking the expiring key changes the picture: the banner is back, for the expired one only.
  await app.cli(['revoke', 'soon', '--yes']);
  await expect(banner).toContainText('1 key has expired');
  await banner.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('radio', { name: /^Expired/ })).toBeChecked();
  await expect(row(page, 'gone')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(2);
});

test('a key not rotated for 90 days or more shows "Not rotated for N days — rotate?", which opens Rotate', async ({ app }) => {
  const { page } = app;
  await app.createKey('old-key', '-e', '0');
  const detail = await openDetail(page, 'old-key');
  await expect(detail.getByRole('note')).toHaveCount(0);

  await app.reloadDaysLater(100);
  await row(page, 'old-key').click();
  const hint = detail.getByRole('note');
  await expect(hint).toContainText('Not rotated for 100 days — rotate?');
  await hint.getByRole('button', { name: 'Rotate now…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate old-key?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(hint.getByRole('button', { name: 'Rotate now…' })).toBeFocused();
});

async function seedActivity(app: AnyApp): Promise<void> {
  // Real project folders, each with its .env (the only files a key may be written to).
  const env = (project: string) => path.join(app.makeProject(project), '.env');
  await app.cli(['create', 'openai-production', '-d', 'Chat completions for the support assistant', '--owner', 'ana@acme.dev', '-p', 'completions:create', '-e', '365']);
  await app.cli(['create', 'anthropic-staging', '-d', 'Staging stack, nightly evals', '--owner', 'bo@acme.dev', '-e', '180']);
  await app.cli(['create', 'mcp-context-server', '-d', 'Context store for the local MCP server', '--owner', 'ana@acme.dev', '--header', 'x-api-key', '-e', '90']);
  await app.cli(['create', 'legacy-integration', '-d', 'Old partner integration', '-e', '0']);
  await app.cli(['use', 'openai-production', '--env', env('support-bot')]);
  await app.cli(['use', 'mcp-context-server', '--env', env('context')]);
  await app.cli(['edit', 'anthropic-staging', '-p', 'chats:create', '-p', 'models:read']);
  await app.cli(['rotate', 'openai-production']);
  await app.cli(['revoke', 'legacy-integration', '--yes']);
  await app.cli(['create', 'files-ingest', '--import', '-d', 'Document ingestion worker', '-e', '365'], 'sk-ingest-Value0123456789abcdef');
}

test('screenshots: the Activity screen, light and dark', async ({ app }) => {
  const { page } = app;
  await forScreenshots(page, { reducedMotion: 'reduce' });
  await seedActivity(app);
  const detail = await openDetail(page, 'mcp-context-server');
  await detail.getByRole('button', { name: 'Reveal' }).click();
  await detail.getByRole('button', { name: 'Hide' }).click();
  await detail.getByRole('button', { name: 'More formats' }).click();
  await page.getByRole('menuitem', { name: 'Copy as HTTP header' }).click();
  await detail.getByRole('button', { name: 'Close details' }).click();
  await page.getByRole('button', { name: 'Dismiss notification' }).click();

  const table = await openActivity(page);
  await expect(eventRows(table)).toHaveCount(12);
  await expect(eventRows(table).first()).toHaveText(/Copied\s*mcp-context-server\s*as an HTTP header/);
  await page.mouse.move(0, 0);
  await screenshot(page, 'activity');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'activity-dark');
});

test('the When column shows its date and "ago" whole at 1280×800', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.createKey('svc');
  await app.reloadDaysLater(10);
  await nav(page, 'Activity').click();
  const when = page.getByRole('table').locator('tbody td.col-when').first();
  await expect(when).toContainText('10 days ago');
  for (const part of [when.locator('time'), when.locator('.activity-ago')]) {
    expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
});
