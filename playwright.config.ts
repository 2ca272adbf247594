import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it off this closed network.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  // Every spec runs twice: in Chromium against the bridge, and in real Electron where its binary is installed
  // (test/e2e/fixtures.ts skips the second, saying why, where it is not).
  projects: [
    { name: 'chromium-bridge', testMatch: /.*\.spec\.ts$/ },
    { name: 'electron', testMatch: /.*\.spec\.ts$/, workers: 1 },
  ],
});
