// Fresh databases for tests: a temporary SQLite file, or a new database on the test PostgreSQL.
// Suites that run on both engines use describeEngines(): where PostgreSQL is not available (only
// outside CI: the global setup fails a CI run without it), its half shows as skipped, with why.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { openStore, type Store } from '../../src/store/db.ts';

export type Engine = 'sqlite' | 'postgres';

export const postgresUrl = (): string => inject('postgresUrl');
export const postgresSkipReason = (): string => inject('postgresSkipReason');
export const postgresAvailable = (): boolean => Boolean(postgresUrl());

/** A suite per engine; the PostgreSQL one is reported as skipped, with the reason, when there is none. */
export function describeEngines(name: string, body: (engine: Engine) => void): void {
  describe(`${name} on sqlite`, () => body('sqlite'));
  if (postgresAvailable()) describe(`${name} on postgres`, () => body('postgres'));
  else describe.skip(`${name} on postgres — skipped: ${postgresSkipReason()}`, () => body('postgres'));
}

/** A test that needs PostgreSQL: skipped, with the reason in its name, when there is none. */
export function itOnPostgres(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (postgresAvailable()) it(name, fn, timeout);
  else it.skip(`${name} — skipped: ${postgresSkipReason()}`, fn);
}

/** A new SQLite file path inside the run's scratch directory (removed when the run ends). */
export function tempSqlitePath(): string {
  return join(mkdtempSync(join(inject('scratchDir'), 'db-')), 'coverwatch.sqlite');
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

/** Every table that holds a team's records (all have tenant_id). */
export const TENANT_TABLES = [
  'accounts',
  'sales_revisions',
  'sales_days',
  'amazon_connections',
  'certificate_drafts',
  'proof_requests',
  'policies',
  'claims',
  'claim_events',
  'manager_grants',
  'audit_log',
  'alerts',
] as const;

/** A team's rows in the given tables, as one comparable string. */
export async function tenantRows(
  db: Store['db'],
  tenant: number,
  tables: readonly (typeof TENANT_TABLES)[number][] = TENANT_TABLES,
): Promise<string> {
  const out: unknown[] = [];
  for (const t of tables)
    out.push(
      (await sql`select * from ${sql.table(t)} where tenant_id = ${tenant} order by id`.execute(db)).rows,
    );
  return JSON.stringify(out);
}
