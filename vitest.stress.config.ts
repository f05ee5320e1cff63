import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the heavier reliability checks (more crash points, many more generated
// hostile files) that are too long for every `npm test`. TEIA_STRESS turns the extra cases on.
export default defineConfig({
  test: {
    include: ['test/integration/crash-*.test.ts', 'test/integration/fuzz-*.test.ts', 'test/integration/concurrency-*.test.ts'],
    environment: 'node',
    env: { TEIA_STRESS: '1' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
