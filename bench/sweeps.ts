// Sweeps for the benchmarks: each one runs bench/sweep-child.mjs in a process of its own (as
// production runs it, posting a no-op) and reports its figures; and the reset that makes the next
// sweep a first sweep again. Shared by the `alerts` and `replicas` benchmarks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from '../src/store/db.ts';
import { childFlags } from './profile.ts';

const CHILD = fileURLToPath(new URL('./sweep-child.mjs', import.meta.url));

/** What bench/sweep-child.mjs prints: wall and CPU seconds, peak memory, posts, the sweep's result. */
export interface SweepFigures {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMB: number;
  readonly posted: number;
  readonly result: {
    readonly inserted: number;
    readonly tenantsPlanned: number;
    readonly phases: Record<string, number>;
  };
}

/** One sweep at `at` in a process of its own; resolves with its figures. */
export function sweepInChild(url: string, at: string): Promise<SweepFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childFlags(), CHILD, url, at], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as SweepFigures)
        : reject(new Error(`sweep child failed: ${err}`)),
    );
  });
}

/** `n` sweeps started together (as replicas sharing the database would be). */
export function sweepersInChildren(url: string, at: string, n: number): Promise<SweepFigures[]> {
  return Promise.all(Array.from({ length: n }, () => sweepInChild(url, at)));
}

/** Forgets every plan, claim, alert and sweep, so the next sweep is a first sweep again. */
export async function resetSweeps(store: Store): Promise<void> {
  await sql`update tenants set planned_on = null, planned_version = null, plan_lease_owner = null, plan_lease_until = null`.execute(
    store.db,
  );
  await sql`delete from alerts`.execute(store.db);
  await sql`delete from sweeps`.execute(store.db);
  if (store.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
}
