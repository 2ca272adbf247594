import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Integration tests share one private keychain; each file isolates itself with its own service name.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
