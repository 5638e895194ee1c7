// Queries on the path of every request (the replay receipt, finding the team) are built and compiled
// by kysely once per database, then run with each request's values: building and compiling a query
// again costs more than SQLite takes to run it.
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from './db.ts';

/** A value no request sends: marks where each argument lands among the compiled parameters. */
const slot = (i: number) => `\u0000coverwatch-arg-${i}\u0000`;

interface Compiled<R> {
  readonly query: CompiledQuery<R>;
  /** For each parameter: the argument it takes, or -1 for a constant of the query. */
  readonly from: readonly number[];
}

/**
 * `build` makes the query from its arguments; every argument must be a plain value that reaches the
 * query as a parameter (not a table, a column or a limit that changes the SQL). Compiled once per
 * database: a database's transactions and connections share its adapter, which is what compiling
 * depends on (no plugins rewrite our queries), so a write run in a transaction of its own — every
 * sent mark on SQLite — is not compiled again each time.
 */
export function compiledOnce<A extends readonly (string | number)[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<QueryResult<R>> {
  const cache = new WeakMap<object, Compiled<R>>();
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = cache.get(adapter);
    if (!compiled) {
      const query = build(db, ...(args.map((_, i) => slot(i)) as unknown as A)).compile();
      const from = query.parameters.map((p) => args.findIndex((_, i) => p === slot(i)));
      if (from.filter((i) => i >= 0).length !== args.length)
        throw new Error(`compiledOnce: not every argument is a parameter of ${query.sql}`);
      compiled = { query, from };
      cache.set(adapter, compiled);
    }
    const { query, from } = compiled;
    const parameters = from.map((i, at) => (i >= 0 ? args[i] : query.parameters[at]));
    return db.executeQuery<R>({ ...query, parameters });
  };
}
