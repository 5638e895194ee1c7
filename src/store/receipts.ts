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
 * Records that the requests `keys` are being handled; returns the keys that were not already (the
 * rest are replays). The primary key makes the first of two racing replicas win.
 */
export async function claimRequests(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 1) {
    const r = await insertReceipt(db, keys[0]!);
    return new Set(Number(r.numAffectedRows ?? 0) === 1 ? keys : []);
  }
  const rows = await db
    .insertInto('replay_receipts')
    .values(keys.map((key) => ({ key })))
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return new Set(rows.map((r) => r.key));
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
