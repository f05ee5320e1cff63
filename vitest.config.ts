import { defineConfig } from 'vitest/config';

// Unit and integration tests: Node, real SQLite files in temp folders, the real HTTP server.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
