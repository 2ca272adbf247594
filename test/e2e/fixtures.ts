/**
 * The `app` fixture every E2E spec uses. In the `chromium-bridge` project it is the built renderer in
 * Debian's Chromium, bridged to the real main-process handlers; in the `electron` project it is the real
 * Electron app (`_electron.launch`), skipped — with the reason printed — where Electron's binary is missing.
 */
import { test as base, expect } from '@playwright/test';
import { App, type AppOptions } from './app';
import { ElectronApp, electronUnavailableReason } from './electron-app';

export type AnyApp = App | ElectronApp;

export const test = base.extend<{ app: AnyApp; appOptions: AppOptions }>({
  appOptions: [{}, { option: true }],
  app: async ({ browser, appOptions }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const reason = electronUnavailableReason();
      testInfo.skip(reason !== null, `Electron E2E skipped: ${reason}`);
      const app = await ElectronApp.start(appOptions);
      await use(app);
      await app.close();
      return;
    }
    const app = await App.start(browser, appOptions);
    await use(app);
    try {
      // After every test: no secret it created or touched sits in a file, a log or the page's storage.
      expect(await app.findLeaks(), 'secrets found where they must never be').toEqual([]);
    } finally {
      await app.close();
    }
  },
});

export { expect };
