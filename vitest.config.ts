import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores in CI: forks keep memory-heavy solver suites isolated.
    pool: 'forks',
  },
});
