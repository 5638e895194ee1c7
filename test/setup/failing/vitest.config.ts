// The suite's global setup (embedded PostgreSQL included) around one failing test: what
// `test/setup/exit-code.test.ts` runs to prove a failure still fails the process.
import { defineConfig } from 'vitest/config';
import suite from '../../../vitest.config.ts';

export default defineConfig({
  test: {
    ...suite.test,
    include: ['test/setup/failing/fails.fixture.ts'],
    exclude: [],
  },
});
