import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/unit/**/*.test.ts'],
    globalSetup: ['test/global-setup.mts'],
    setupFiles: ['test/fast-check.setup.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
