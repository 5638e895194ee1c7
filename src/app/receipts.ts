// Replay protection for signed platform requests: each signature is handled once, on whichever
// replica sees it first. A request is only accepted within five minutes of the time it was signed
// (Bolt and our Discord check refuse the rest), so a receipt is kept ten minutes past its signed
// time, and old ones are cleared at most once a minute per process.
import { claimRequests, forgetReceipts, receiptKey } from '../store/receipts.ts';
import { type AppDeps, read } from './context.ts';
import { isTransient } from './errors.ts';

const KEEP_S = 10 * 60;
const CLEAR_EVERY_MS = 60_000;
const lastCleared = new WeakMap<object, number>();

/** A verified request: its platform, the timestamp it was signed with (seconds) and its signature. */
export interface SignedRequest {
  readonly platform: 'slack' | 'discord';
  readonly timestampS: number;
  readonly signature: string;
}

/** True the first time a signed request is seen; false for a replay. */
export async function firstTime(
  deps: AppDeps,
  request: SignedRequest,
  now: Date = new Date(),
): Promise<boolean> {
  const fresh = await claim(deps, receiptKey(request.platform, request.timestampS, request.signature));
  if (now.getTime() - (lastCleared.get(deps.store) ?? 0) >= CLEAR_EVERY_MS) {
    lastCleared.set(deps.store, now.getTime());
    const before = Math.floor(now.getTime() / 1000) - KEEP_S;
    // Housekeeping: never in the way of the request that happened to trigger it.
    void read(deps, () => deps.store.transaction((trx) => forgetReceipts(trx, before))).catch(
      () => undefined,
    );
  }
  return fresh;
}

interface Waiting {
  readonly key: string;
  readonly done: (first: boolean) => void;
  readonly fail: (err: unknown) => void;
}
const queues = new WeakMap<object, Waiting[]>();

/**
 * Requests read in the same turn of the event loop share one statement and one commit (under load,
 * dozens arrive together; one alone waits for nothing but the end of the turn). The primary key
 * decides a race between replicas; within a batch, the first of two equal keys wins.
 */
function claim(deps: AppDeps, key: string): Promise<boolean> {
  return new Promise((done, fail) => {
    let queue = queues.get(deps.store);
    if (!queue) {
      const started: Waiting[] = [];
      queue = started;
      queues.set(deps.store, started);
      setImmediate(() => {
        queues.delete(deps.store);
        void flush(deps, started);
      });
    }
    queue.push({ key, done, fail });
  });
}

async function flush(deps: AppDeps, queue: readonly Waiting[]): Promise<void> {
  let fresh: Set<string>;
  try {
    fresh = await insert(deps, [...new Set(queue.map((w) => w.key))]);
  } catch (err) {
    for (const w of queue) w.fail(err);
    return;
  }
  for (const w of queue) w.done(fresh.delete(w.key));
}

/**
 * One statement that commits by itself. Only when the database is busy (SQLite: another process
 * writing) is it done in a transaction, which waits for the lock without blocking the event loop.
 */
async function insert(deps: AppDeps, keys: readonly string[]): Promise<Set<string>> {
  try {
    return await claimRequests(deps.store.db, keys);
  } catch (err) {
    if (!isTransient(err)) throw err;
  }
  return read(deps, () => deps.store.transaction((trx) => claimRequests(trx, keys)));
}
