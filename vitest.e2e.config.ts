import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (playwright-core) against `teia serve` on a temporary catalogue.
// One file at a time: two cores cannot drive several browsers well.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
