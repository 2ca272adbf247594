/** The places on screen the specs reach again and again, found as a user finds them: by role and name. */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DAY_MS } from '../../shared/key-status';
import { repoRoot } from '../helpers/process';
import { expect, test } from './fixtures';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's row in the list (its accessible name starts with the key's name). */
export const row = (page: Page, name: string): Locator => page.getByRole('row', { name: new RegExp(`^${escapeRegex(name)}\\b`) });

/** Opens a key's details from its row. */
export async function openDetail(page: Page, name: string): Promise<Locator> {
  await row(page, name).click();
  const detail = page.getByRole('complementary', { name });
  await expect(detail).toBeVisible();
  return detail;
}

/** A section's button in the side navigation (Keys, Projects, Activity, Settings). */
export const nav = (page: Page, section: string): Locator =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section, exact: true });

/** A toast (or any status message) holding `text`. */
export const toast = (page: Page, text: string): Locator => page.getByRole('status').filter({ hasText: text });

/**
 * Readies the page for docs/screenshots: one set is enough, so the test runs in the Chromium project only;
 * every shot has the same window size; `media` is passed to emulateMedia (colour scheme, reduced motion).
 */
export async function forScreenshots(page: Page, media?: Parameters<Page['emulateMedia']>[0]): Promise<void> {
  test.skip(test.info().project.name !== 'chromium-bridge', 'Screenshots come from the Chromium project only.');
  await page.setViewportSize({ width: 1180, height: 760 });
  if (media) await page.emulateMedia(media);
}

/** Writes docs/screenshots/<name>.png once the page's fonts are in. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots', `${name}.png`) });
}

/** yyyy-mm-dd, local, `days` from now: what the key form's expiry date field holds. */
export function dateIn(days: number): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
