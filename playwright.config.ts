import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium';

// Debian's Chromium, never a downloaded browser. The flags keep it off this closed network.

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Hang guards, not timings: a long flow (six CLI processes and the UI) took over 60 s on a CPU-starved CI machine
  // (two suites and stress-ng on 2 CPUs) where a quiet one needs 20 s. Nothing in the E2E tests is timed.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
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
