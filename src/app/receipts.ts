// Replay protection for signed platform requests: each signature is handled once, on whichever
// replica sees it first. Platforms sign the timestamp too and refuse requests older than five
// minutes, so a receipt is kept ten, and old ones are cleared at most once a minute per process.
import { claimRequest, forgetReceipts } from '../store/receipts.ts';
import { type AppDeps, read } from './context.ts';
import { isTransient } from './errors.ts';

const KEEP_MS = 10 * 60_000;
const CLEAR_EVERY_MS = 60_000;
const lastCleared = new WeakMap<object, number>();

/** True the first time `key` (a platform and its request signature) is seen; false for a replay. */
export async function firstTime(deps: AppDeps, key: string, now: Date = new Date()): Promise<boolean> {
  const fresh = await claim(deps, key, now.toISOString());
  if (now.getTime() - (lastCleared.get(deps.store) ?? 0) >= CLEAR_EVERY_MS) {
    lastCleared.set(deps.store, now.getTime());
    const before = new Date(now.getTime() - KEEP_MS).toISOString();
    // Housekeeping: never in the way of the request that happened to trigger it.
    void read(deps, () => deps.store.transaction((trx) => forgetReceipts(trx, before))).catch(
      () => undefined,
    );
  }
  return fresh;
}

/**
 * One statement commits by itself, and the primary key decides a race. Only when the database is
 * busy (SQLite: another process writing) is it done in a transaction, which waits for the lock
 * without blocking the event loop.
 */
async function claim(deps: AppDeps, key: string, at: string): Promise<boolean> {
  try {
    return await claimRequest(deps.store.db, key, at);
  } catch (err) {
    if (!isTransient(err)) throw err;
  }
  return read(deps, () => deps.store.transaction((trx) => claimRequest(trx, key, at)));
}
