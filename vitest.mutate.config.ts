// The tests that cover what `npm run mutate` mutates (src/rules, src/alerts/planner.ts): fast, pure,
// no database server needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/alerts/planner.test.ts'],
    testTimeout: 30_000,
  },
});
