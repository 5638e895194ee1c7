// Each team's records as the rules engine reads them, kept between requests for as long as the
// team's data version is unchanged: every write through `write()` bumps the version in the same
// transaction, on every replica's shared database, so a cached state is never one a later read
// could contradict. The version comes with the team's row, read once when the request arrives
// (context.ts, recordsVersion); loading the state is five queries and every row checked.
import { LRUCache } from 'lru-cache';
import type { Executor } from '../store/db.ts';
import { type AccountState, loadTenantState } from '../store/state.ts';
import { dataVersion } from '../store/tenants.ts';
import { type AppDeps, recordsVersion, type Scope } from './context.ts';

/** Per database (tenant ids are unique only within one); a few hundred teams' states at most. */
const STATES = new WeakMap<object, LRUCache<string, readonly AccountState[]>>();

/**
 * The team's live accounts with their records (read-only: shared between requests), optionally
 * one account. `db` is the request's executor; inside a transaction the cache is bypassed.
 */
export async function teamState(
  deps: AppDeps,
  scope: Scope,
  db: Executor,
  accountId?: number,
): Promise<readonly AccountState[]> {
  let states = STATES.get(deps.store);
  if (!states) {
    states = new LRUCache({ max: 500 });
    STATES.set(deps.store, states);
  }
  // Inside a transaction the request's own uncommitted writes count: ask the transaction.
  const version =
    db === deps.store.db ? await recordsVersion(deps, scope) : await dataVersion(db, scope.tenant.id);
  const key = `${scope.tenant.id}|${version}`;
  let all = states.get(key);
  if (!all) {
    all = await loadTenantState(db, scope.tenant.id);
    states.set(key, all);
  }
  return accountId === undefined ? all : all.filter((s) => s.account.id === accountId);
}
