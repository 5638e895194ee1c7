// Signed platform requests already handled: a request sent again is recognised, on every replica.
import type { Executor } from './db.ts';

/**
 * Records that the request `key` is being handled. False when it already was (a replay): the
 * primary key makes the first of two racing replicas win.
 */
export async function claimRequest(db: Executor, key: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('request_receipts')
    .values({ key, seen_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Receipts older than the platform's replay window prove nothing: the platform refuses those itself. */
export async function forgetReceipts(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('request_receipts').where('seen_at', '<', before).execute();
}
