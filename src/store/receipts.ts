// Signed platform requests already handled: a request sent again is recognised, on every replica.
import { compiledOnce } from './compiled.ts';
import type { Executor } from './db.ts';

const insertReceipt = compiledOnce((db, key: string) =>
  db
    .insertInto('replay_receipts')
    .values({ key })
    .onConflict((oc) => oc.column('key').doNothing()),
);

/** The signed timestamp, in seconds, as the key's sortable prefix (12 digits: past the year 33,000). */
function stamp(seconds: number): string {
  if (!Number.isSafeInteger(Math.floor(seconds)) || seconds < 0)
    throw new Error(`not a signed timestamp: ${seconds}`);
  return String(Math.floor(seconds)).padStart(12, '0');
}

/** A request's receipt key: its signed timestamp first, so receipts sort by time. */
export function receiptKey(platform: string, timestampS: number, signature: string): string {
  return `${stamp(timestampS)}:${platform}:${signature}`;
}

/**
 * Records that the request `key` is being handled. False when it already was (a replay): the
 * primary key makes the first of two racing replicas win.
 */
export async function claimRequest(db: Executor, key: string): Promise<boolean> {
  const r = await insertReceipt(db, key);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Receipts of requests signed before `beforeS` prove nothing: the platform's window refuses those itself. */
export async function forgetReceipts(db: Executor, beforeS: number): Promise<void> {
  await db
    .deleteFrom('replay_receipts')
    .where('key', '<', `${stamp(beforeS)}:`)
    .execute();
  // Written by replicas of the previous version during a rollout.
  await db
    .deleteFrom('request_receipts')
    .where('seen_at', '<', new Date(beforeS * 1000).toISOString())
    .execute();
}
