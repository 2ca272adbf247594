import { test as base, expect } from '@playwright/test';
import { App, type AppOptions } from './app';

export const test = base.extend<{ app: App; appOptions: AppOptions }>({
  appOptions: [{}, { option: true }],
  app: async ({ browser, appOptions }, use) => {
    const app = await App.start(browser, appOptions);
    await use(app);
    await app.close();
  },
});

export { expect };
