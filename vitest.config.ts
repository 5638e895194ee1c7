import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/scratch.ts', 'test/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Spawned processes and servers on loopback: two cores, keep the pool small.
    maxWorkers: 2,
  },
});
