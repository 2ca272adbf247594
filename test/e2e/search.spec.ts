/**
 * Finding keys: search as you type over name, description, owner, permissions and metadata; the status
 * filter (Active = the CLI's active-only); the four sorts; "no matches"; and a long list that stays
 * virtualized and keyboard-navigable.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AnyApp } from './fixtures';
import { nav, openDetail, row } from './screen';

/** Names of the listed keys, top to bottom. */
async function listedNames(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Keys' });
  return grid.getByRole('row').evaluateAll((rows) =>
    rows
      .filter((r) => r.getAttribute('aria-rowindex') !== '1')
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((r) => r.querySelector('[role="gridcell"]')?.firstElementChild?.textContent ?? ''),
  );
}

/**
 * Five keys in every state. Expired and expiring-soon need time to pass: the page's clock is moved
 * 10 days ahead, so "ci-runner" (5 days) has expired and "anthropic-staging" (20 days) expires soon.
 */
async function seedStates(app: AnyApp): Promise<void> {
  await app.cli(['create', 'openai-prod', '-d', 'Production completions', '--owner', 'ana@example.com', '-p', 'completions:create', '--meta', 'environment=production', '-e', '90']);
  await app.cli(['create', 'anthropic-staging', '-d', 'Used by the staging stack', '--owner', 'bo@example.com', '-p', 'read', '--meta', 'environment=staging', '-e', '20']);
  await app.cli(['create', 'ci-runner', '-p', 'files:write', '-e', '5']);
  await app.cli(['create', 'legacy', '-e', '0']);
  await app.cli(['revoke', 'legacy', '--yes']);
  await app.cli(['create', 'zeta-tools', '--owner', 'ana@example.com', '-e', '365', '--meta', 'ticket=OPS-42']);
  await app.reloadDaysLater(10);
  await expect(row(app.page, 'zeta-tools')).toBeVisible();
}

test('search as you type matches name, description, owner, permissions and metadata', async ({ app }) => {
  const { page } = app;
  await seedStates(app);
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  const cases: [string, string[]][] = [
    ['OPENAI', ['openai-prod']],
    ['production completions', ['openai-prod']],
    ['staging stack', ['anthropic-staging']],
    ['ana@example', ['openai-prod', 'zeta-tools']],
    ['files:write', ['ci-runner']],
    ['environment', ['anthropic-staging', 'openai-prod']],
    ['environment=staging', ['anthropic-staging']],
    ['ops-42', ['zeta-tools']],
  ];
  for (const [query, expected] of cases) {
    await search.fill(query);
    await expect.poll(() => listedNames(page), { message: query }).toEqual(expected);
  }

  // Typed one key at a time, the list narrows as the user types.
  await search.fill('');
  await search.pressSequentially('zet', { delay: 30 });
  await expect.poll(() => listedNames(page)).toEqual(['zeta-tools']);
  await expect(page.getByText('1 of 5 keys')).toBeVisible();

  // No matches: a clear way back.
  await search.fill('no-such-key-anywhere');
  await expect(page.getByRole('heading', { name: 'No matching keys' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear search and filter' }).click();
  await expect(search).toHaveValue('');
  await expect.poll(() => listedNames(page)).toHaveLength(5);
});

test('a search or filter that hides the open key closes its details', async ({ app }) => {
  const { page } = app;
  await seedStates(app);
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await openDetail(page, 'openai-prod');
  await search.fill('openai');
  await expect(page.getByRole('complementary', { name: 'openai-prod' })).toBeVisible(); // still listed: stays open
  await search.fill('zeta');
  await expect(page.getByRole('complementary')).toHaveCount(0);

  await search.fill('');
  await openDetail(page, 'ci-runner');
  await page.getByRole('radio', { name: /^Revoked/ }).check();
  await expect(page.getByRole('complementary')).toHaveCount(0);
});

test('filters by status; Active includes expiring-soon keys, like the CLI', async ({ app }) => {
  const { page } = app;
  await seedStates(app);
  const filter = (name: string) => page.getByRole('radio', { name, exact: true });

  await filter('Active').check();
  await expect.poll(() => listedNames(page)).toEqual(['anthropic-staging', 'openai-prod', 'zeta-tools']);
  await filter('Expiring soon').check();
  await expect.poll(() => listedNames(page)).toEqual(['anthropic-staging']);
  await expect(row(page, 'anthropic-staging').getByText('Expiring soon', { exact: true })).toBeVisible();
  await filter('Expired').check();
  await expect.poll(() => listedNames(page)).toEqual(['ci-runner']);
  await expect(row(page, 'ci-runner').getByText('Expired', { exact: true })).toBeVisible();
  await expect(row(page, 'ci-runner')).toContainText('5 days ago');
  await filter('Revoked').check();
  await expect.poll(() => listedNames(page)).toEqual(['legacy']);
  await filter('All').check();
  await expect.poll(() => listedNames(page)).toHaveLength(5);

  // Filter and search combine.
  await filter('Active').check();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('ana@');
  await expect.poll(() => listedNames(page)).toEqual(['openai-prod', 'zeta-tools']);
  await filter('Revoked').check();
  await expect(page.getByRole('heading', { name: 'No matching keys' })).toBeVisible();

  // The CLI's active-only list agrees with the Active filter (by the real clock nothing has expired yet,
  // so compare on what both call active at the same moment: not revoked).
  const cliActive = await app.cliJson<{ name: string }[]>(['list', '--active-only']);
  expect(cliActive.map((k) => k.name).sort()).toEqual(['anthropic-staging', 'ci-runner', 'openai-prod', 'zeta-tools']);
});

test('sorts by name, newest, expiry and last used', async ({ app }) => {
  const { page } = app;
  await seedStates(app);
  await app.cli(['use', 'ci-runner', '--env', path.join(app.home, 'first.env')]);
  await app.cli(['use', 'openai-prod', '--env', path.join(app.home, 'second.env')]);
  const sort = page.getByRole('combobox', { name: 'Sort by' });

  await expect.poll(() => listedNames(page)).toEqual(['anthropic-staging', 'ci-runner', 'legacy', 'openai-prod', 'zeta-tools']);
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await sort.selectOption({ label: 'Newest' });
  await expect.poll(() => listedNames(page)).toEqual(['zeta-tools', 'legacy', 'ci-runner', 'anthropic-staging', 'openai-prod']);
  await sort.selectOption({ label: 'Expiry' });
  await expect.poll(() => listedNames(page)).toEqual(['ci-runner', 'anthropic-staging', 'openai-prod', 'zeta-tools', 'legacy']);
  await expect(page.getByRole('columnheader', { name: /Expires/ })).toHaveAttribute('aria-sort', 'ascending');
  await sort.selectOption({ label: 'Last used' });
  await expect.poll(() => listedNames(page)).toEqual(['openai-prod', 'ci-runner', 'anthropic-staging', 'legacy', 'zeta-tools']);
  await expect(page.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute('aria-sort', 'descending');
});

test('a long list is virtualized: few rows in the page, all reachable by keyboard and search', async ({ app }) => {
  const { page } = app;
  const count = 150;
  // Seeded through the app's own API (the CLI would take minutes for this many).
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      await window.vault.keys.create({ name: `svc-${String(i).padStart(3, '0')}`, description: `service number ${i}`, permissions: i % 2 ? ['read'] : ['write'] });
    }
  }, count);
  const grid = page.getByRole('grid', { name: 'Keys' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1));
  const rendered = await grid.getByRole('row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await page.locator('body').press('/');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('row', { name: /^svc-000/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('row', { name: /^svc-149/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'svc-149' })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('row', { name: /^svc-149/ })).not.toBeFocused();
  await expect(page.getByRole('row', { name: /^svc-1[0-4]\d/ }).and(page.locator(':focus'))).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search keys' }).fill('svc-123');
  await expect.poll(() => listedNames(page)).toEqual(['svc-123']);
});

test('typing in the search on another screen goes back to the keys it finds', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'findable-key']);
  await app.cli(['create', 'other-key']);
  await nav(page, 'Activity').click();
  await expect(nav(page, 'Activity')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('findable');
  await expect(nav(page, 'Keys')).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => listedNames(page)).toEqual(['findable-key']);
});

test('a list-focus request made while nothing matched does not take focus from the search box later', async ({ app }) => {
  const { page } = app;
  await app.cli(['create', 'findable-key']);
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.fill('zzz');
  await expect(page.getByRole('heading', { name: 'No matching keys' })).toBeVisible();
  // ↓ asks the list to take focus, but there is no list to take it.
  await search.press('ArrowDown');
  // Erasing the query brings the list back: the old request must not move focus there mid-typing.
  for (let i = 0; i < 3; i++) await search.press('Backspace');
  await expect.poll(() => listedNames(page)).toEqual(['findable-key']);
  await expect(search).toBeFocused();
  await search.pressSequentially('find');
  await expect(search).toHaveValue('find');
});
