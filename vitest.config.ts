import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Servers and browsers started by tests need more than the default 5 s to come up on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
