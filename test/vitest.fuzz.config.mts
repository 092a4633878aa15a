import { defineConfig } from 'vitest/config';

// `npm run fuzz` (FUZZ_RUNS cases, default 100,000) and the CI share of it (run-all.mjs: 10,000).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/fuzz/**/*.test.ts'],
    setupFiles: ['test/fast-check.setup.ts'],
    pool: 'threads',
  },
});
