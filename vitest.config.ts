import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Dockerfile's steps take minutes: `npm run test:deploy`, after the suite in CI.
    exclude: ['test/deploy/**', '**/node_modules/**'],
    globalSetup: ['test/setup/scratch.ts', 'test/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Spawned processes and servers on loopback: two cores, keep the pool small.
    maxWorkers: 2,
  },
});
