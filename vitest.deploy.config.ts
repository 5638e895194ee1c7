// `npm run test:deploy`: the Dockerfile's steps run in a clean copy (production install, build,
// migrate, start, health check). Minutes, not seconds (better-sqlite3 compiles from source), so it
// is not part of `npm test`; CI runs it after the main suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/deploy/**/*.test.ts'],
    globalSetup: ['test/setup/scratch.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
