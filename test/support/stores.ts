// Fresh databases for tests: a temporary SQLite file, or a new database on the test PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/db.ts';

export type Engine = 'sqlite' | 'postgres';

export const postgresUrl = (): string => inject('postgresUrl');
export const postgresSkipReason = (): string => inject('postgresSkipReason');

/** The engines this run can test; PostgreSQL is missing only when the global setup said why. */
export function engines(): Engine[] {
  if (!postgresUrl()) {
    process.stderr.write(`skipping PostgreSQL: ${postgresSkipReason()}\n`);
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export function tempSqlitePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'coverwatch-test-')), 'coverwatch.sqlite');
}

/** A database URL for a brand-new empty database on the given engine. */
export async function freshDatabaseUrl(engine: Engine): Promise<string> {
  if (engine === 'sqlite') return tempSqlitePath();
  const base = new URL(postgresUrl());
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  base.pathname = `/${name}`;
  return base.toString();
}

export async function freshStore(engine: Engine): Promise<Store> {
  return openStore(await freshDatabaseUrl(engine));
}
