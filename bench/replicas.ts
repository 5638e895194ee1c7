// Replicas dividing the first alert sweep (PostgreSQL): BENCH_TEAMS teams (default 50,000) x 5
// accounts x 12 months of sales, swept by 1, 2 and 4 `runSweep` processes started together (each
// its own process, from dist/, posting as a no-op). Reported per run: teams planned in total (must
// equal the team count: no team twice, none left out), each replica's share, the wall time from the
// first start to the last finish, and each process's peak memory. Between runs the plans and the
// outbox are reset, so each run is a first sweep.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadDataset } from './dataset.ts';
import { postgresEngine } from './engines.ts';
import type { BenchRow } from './index.ts';

const CHILD = fileURLToPath(new URL('./sweep-child.mjs', import.meta.url));
const AT = '2026-11-21T20:00:00.000Z';

type ChildResult = { seconds: number; peakMB: number; result: { tenantsPlanned: number; inserted: number } };

function sweeper(url: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, url, AT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult)
        : reject(new Error(`sweeper failed: ${err}`)),
    );
  });
}

export async function replicasBenchmark(): Promise<BenchRow[]> {
  const teams = Number(process.env.BENCH_TEAMS ?? 50_000);
  const engine = await postgresEngine();
  const rows: BenchRow[] = [];
  try {
    const store = await engine.open();
    try {
      const loaded = await loadDataset(store, {
        tenants: teams,
        accountsPerTenant: 5,
        months: 12,
        lastMonth: '2026-10',
        withPolicies: true,
      });
      process.stderr.write(
        `loaded ${loaded.rows.toLocaleString('en-US')} rows in ${loaded.seconds.toFixed(0)} s\n`,
      );
      for (const n of [1, 2, 4]) {
        await sql`update tenants set planned_on = null, planned_version = null, plan_lease_owner = null, plan_lease_until = null`.execute(
          store.db,
        );
        await sql`delete from alerts`.execute(store.db);
        await sql`delete from sweeps`.execute(store.db);
        await sql`vacuum analyze`.execute(store.db);
        const start = performance.now();
        const results = await Promise.all(Array.from({ length: n }, () => sweeper(engine.url)));
        const wall = (performance.now() - start) / 1000;
        const shares = results.map((r) => r.result.tenantsPlanned);
        const total = shares.reduce((a, b) => a + b, 0);
        rows.push({
          benchmark: `replicas (PostgreSQL): first sweep, ${teams.toLocaleString('en-US')} teams x 5 accounts, ${n} sweeper process${n > 1 ? 'es' : ''}`,
          figure: `${total.toLocaleString('en-US')} teams planned (${shares.map((s) => s.toLocaleString('en-US')).join(' + ')}); wall ${wall.toFixed(1)} s; peak ${results.map((r) => r.peakMB.toFixed(0)).join(' / ')} MB; ${results.reduce((a, r) => a + r.result.inserted, 0).toLocaleString('en-US')} alerts`,
          goal: `planned = ${teams.toLocaleString('en-US')}`,
          met: total === teams,
        });
        process.stderr.write(`${rows.at(-1)!.benchmark}: ${rows.at(-1)!.figure}\n`);
      }
    } finally {
      await store.close();
    }
  } finally {
    await engine.dispose();
  }
  return rows;
}
