import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
