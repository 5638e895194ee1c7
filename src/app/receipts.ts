// Replay protection for signed platform requests: each signature is handled once, on whichever
// replica sees it first. Platforms sign the timestamp too and refuse requests older than five
// minutes, so a receipt is kept ten.

import { claimRequest } from '../store/receipts.ts';
import { type AppDeps, read } from './context.ts';

const KEEP_MS = 10 * 60_000;

/** True the first time `key` (a platform and its request signature) is seen; false for a replay. */
export function firstTime(deps: AppDeps, key: string, now: Date = new Date()): Promise<boolean> {
  return read(deps, () =>
    deps.store.transaction((trx) =>
      claimRequest(trx, key, now.toISOString(), new Date(now.getTime() - KEEP_MS).toISOString()),
    ),
  );
}
