// Opens the database named by DATABASE_URL: a file path means SQLite (better-sqlite3), a
// postgres:// URL means PostgreSQL (pg). Same schema, same migrations, same store functions.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type Compilable,
  type CompiledQuery,
  Kysely,
  type Kysely as KyselyType,
  type MigrationResultSet,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = KyselyType<Database>;
/** Either the database or an open transaction: store functions accept both. */
export type Executor = Db | Transaction<Database>;

export interface Store {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, with any password removed: safe to log. */
  readonly location: string;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (trx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs one write statement, which commits by itself. PostgreSQL: sent alone, one round trip
   * instead of three (BEGIN, it, COMMIT). SQLite: in a transaction, so waiting for another process's
   * lock happens between attempts instead of freezing the event loop.
   */
  statement<T>(fn: (db: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Whether an executor talks to PostgreSQL (for the few statements that differ by engine). */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** How long a single statement outside a transaction may wait for a lock, blocking (ms). */
const SYNC_BUSY_MS = 25;

const isBusy = (err: unknown) => /^SQLITE_BUSY/.test(String((err as { code?: unknown })?.code ?? ''));

function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '');
}

/** The database a URL names, fit for logs and messages: a SQLite path, or a URL without its password. */
export function databaseLabel(url: string): string {
  if (!isPostgresUrl(url)) return sqlitePath(url);
  try {
    const safe = new URL(url);
    safe.password = '';
    return safe.toString();
  } catch {
    return 'the PostgreSQL URL in DATABASE_URL (not a valid URL)';
  }
}

/** int8 (bigint) columns hold money in minor units: read them as numbers, refusing any beyond 2^53. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${value} is outside the safe range`);
  return n;
}

export interface OpenOptions {
  /** PostgreSQL: how long to wait for a connection (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Apply pending migrations (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** SQLite: how long a transaction waits for the write lock, in ms, without blocking (default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite: `normal` (default) — a commit survives a killed process, but a power loss or an
   * operating-system crash may undo the last commits before it; `full` — every commit waits for the
   * disk, and survives those too, at the cost of a disk flush per commit.
   */
  readonly synchronous?: 'normal' | 'full';
}

export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const store = isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url, options);
  if (options.migrate !== false) {
    try {
      await migrate(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

/**
 * Bulk reads by the hundred thousand rows (sales in a sweep) as arrays of column values, not
 * objects: the drivers build each row's object with its keys, which is most of such a read's cost.
 * Only for a store's own executor: a transaction reads as usual.
 */
const ARRAY_READERS = new WeakMap<
  object,
  (query: CompiledQuery, shape: ArrayShape) => Promise<unknown[][]>
>();

/** The columns a bulk read selects, in order; those holding integers; the columns its rows are ordered by. */
export interface ArrayShape {
  readonly columns: readonly string[];
  readonly numbers: readonly string[];
  readonly orderBy: readonly string[];
}

/** The query's rows as arrays of values in the order it selects them, or undefined (read as usual). */
export function readArrays(
  db: Executor,
  query: Compilable,
  shape: ArrayShape,
): Promise<unknown[][]> | undefined {
  const reader = ARRAY_READERS.get(db);
  return reader?.(query.compile(), shape);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n.replace(/"/g, '""')}"`).join(', ');

/**
 * PostgreSQL's bulk read: the server joins each row's values with commas and the rows with newlines
 * into one text, which the client splits; per row and column, the driver's protocol messages and
 * value parsers cost a third of a first sweep's CPU, and JSON built by the server costs it twice
 * as much as this (docs/benchmarks.md). The text is only taken when it is exactly `count` lines of
 * exactly as many fields as columns: a separator inside a value adds a field or a line, and a null
 * drops one, so then (undefined) the rows are read one by one instead. Numbers beyond 2^53 come
 * back rounded to values Number.isSafeInteger refuses, so the row checks still reject them.
 */
export function splitRows(text: string, count: number, shape: ArrayShape): unknown[][] | undefined {
  if (count === 0) return text === '' ? [] : undefined;
  const lines = text.split('\n');
  if (lines.length !== count) return undefined;
  const numeric = shape.columns.map((c) => shape.numbers.includes(c));
  const rows: unknown[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const fields: unknown[] = lines[i]!.split(',');
    if (fields.length !== numeric.length) return undefined;
    for (let f = 0; f < fields.length; f++) if (numeric[f]) fields[f] = Number(fields[f]);
    rows[i] = fields;
  }
  return rows;
}

function openSqlite(url: string, options: OpenOptions): Store {
  const path = sqlitePath(url);
  if (path !== ':memory:') {
    // The database holds every team's records: a new directory is the owner's alone, and the file
    // is created readable by its owner only (SQLite gives its -wal and -shm files the same mode).
    mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
  }
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, freezing the event loop (health checks, other
  // teams' reads) for as long as it waits: a statement outside a transaction waits briefly, and a
  // transaction waits for the write lock asynchronously, between attempts, with the connection free.
  database.pragma(`busy_timeout = ${SYNC_BUSY_MS}`);
  const busyWait = options.busyTimeoutMs ?? 5000;
  // WAL + NORMAL survives a killed process (a committed transaction is in the WAL); FULL adds
  // power-loss safety for a flush of the WAL per commit (SQLITE_SYNCHRONOUS=full).
  database.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  // Statements of its own: raw mode is a statement's setting, and kysely's must keep returning objects.
  const arrayStatements = new Map<string, SQLite.Statement>();
  ARRAY_READERS.set(db, async (query) => {
    let statement = arrayStatements.get(query.sql);
    if (!statement) {
      statement = database.prepare(query.sql).raw(true);
      if (arrayStatements.size >= 50) arrayStatements.clear();
      arrayStatements.set(query.sql, statement);
    }
    return statement.all(query.parameters as unknown[]) as unknown[][];
  });
  const store: Omit<Store, 'statement'> = {
    db,
    dialect: 'sqlite',
    location: path,
    // BEGIN IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
    transaction: async (fn) => {
      const deadline = Date.now() + busyWait;
      for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
        let began = false;
        try {
          return await db.connection().execute(async (conn) => {
            await sql`begin immediate`.execute(conn);
            began = true;
            try {
              const result = await fn(conn);
              await sql`commit`.execute(conn);
              return result;
            } catch (err) {
              await sql`rollback`.execute(conn).catch(() => undefined);
              throw err;
            }
          });
        } catch (err) {
          // Only a BEGIN that found the database locked is tried again: nothing has run yet.
          if (began || !isBusy(err) || Date.now() >= deadline) throw err;
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    },
    close: () => db.destroy(),
  };
  return { ...store, statement: store.transaction };
}

/**
 * kysely prepares every query anew; preparing is most of a small query's cost in SQLite. Statements
 * are reusable (kysely runs each to completion), so remember the most recent few hundred.
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, key, receiver) {
      if (key !== 'prepare') return Reflect.get(target, key, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source); // re-insert: the Map's order is the recency order
        } else {
          statement = prepare(source);
          if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

function openPostgres(url: string, options: OpenOptions): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Every call to another service has a time limit: an unreachable server fails in seconds, a
    // stuck query is cancelled by the server.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20
          ? parseInt8
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process: an idle client's error is the pool's, a busy
  // client's is its own (its query fails, and is answered with "try again"); the next query gets a
  // fresh connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  ARRAY_READERS.set(db, async (query, shape) => {
    const values = query.parameters as unknown[];
    const joined = await pool.query<{ n: number; rows: string | null }>({
      text: `select count(*)::int4 as n, string_agg(concat_ws(',', ${quoted(shape.columns)}), E'\\n' order by ${quoted(shape.orderBy)}) as rows from (${query.sql}) as bulk`,
      values,
    });
    const { n, rows } = joined.rows[0]!;
    const parsed = splitRows(rows ?? '', n, shape);
    if (parsed) return parsed;
    // A value held a separator or was null: read it again row by row, and let the checks name it.
    return (await pool.query({ text: query.sql, values, rowMode: 'array' })).rows as unknown[][];
  });
  return {
    db,
    dialect: 'postgres',
    location: databaseLabel(url),
    transaction: (fn) => db.transaction().execute(fn),
    statement: (fn) => fn(db),
    close: () => db.destroy(),
  };
}

/** The database was migrated by a newer coverwatch: running this one could undo its work. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly location: string,
    readonly unknown: readonly string[],
  ) {
    super(
      `${location} was migrated by a newer coverwatch (migrations ${unknown.join(', ')} are not in this version): upgrade coverwatch, or point DATABASE_URL at another database`,
    );
  }
}

export async function migrate(store: Store): Promise<MigrationResultSet> {
  const known = migrations(store.dialect);
  const applied = await sql<{ name: string }>`select name from kysely_migration`
    .execute(store.db)
    .then((r) => r.rows.map((row) => row.name))
    // A brand-new database has no migration table yet.
    .catch(() => [] as string[]);
  const unknown = applied.filter((name) => !(name in known));
  if (unknown.length) throw new SchemaTooNewError(store.location, unknown);
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => known },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
