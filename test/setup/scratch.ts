// Vitest global setup: one scratch directory for the whole run, removed at the end, so the
// SQLite files and other litter that tests create never outlive the run in /tmp.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    scratchDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'coverwatch-test-'));
  project.provide('scratchDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
