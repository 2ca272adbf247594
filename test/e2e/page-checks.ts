/** Checks on what the page shows, shared by the specs. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** None of `secrets` is anywhere in the page: its markup, its text, or the value of any form field. */
export async function expectNoSecretOnPage(page: Page, secrets: string[]): Promise<void> {
  expect(secrets.length).toBeGreaterThan(0);
  const html = await page.content();
  const text = await page.locator('body').innerText();
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value).join('\n'),
  );
  for (const secret of secrets) {
    expect(html.includes(secret), 'secret in page HTML').toBe(false);
    expect(text.includes(secret), 'secret in page text').toBe(false);
    expect(values.includes(secret), 'secret in a form field').toBe(false);
  }
}
