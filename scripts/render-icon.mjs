// Renders build/icon.svg to build/icon.png (1024×1024), the icon electron-builder turns into each platform's format.
// Uses Debian's Chromium through playwright-core, as the tests do. Run after editing the SVG: npm run icon.
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
const svg = (await import('node:fs')).readFileSync('build/icon.svg', 'utf8');
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
