// Replicas dividing the first alert sweep (PostgreSQL): BENCH_TEAMS teams (default 50,000) x 5
// accounts x 12 months of sales, swept by 1, 2 and 4 `runSweep` processes started together (each
// its own process, from dist/, posting as a no-op). Reported per run: teams planned in total (must
// equal the team count: no team twice, none left out), each replica's share, the wall time from the
// first start to the last finish, and each process's peak memory. Between runs the plans and the
// outbox are reset, so each run is a first sweep.
import { loadDataset } from './dataset.ts';
import { postgresEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { heapNote } from './profile.ts';
import { resetSweeps, sweepersInChildren } from './sweeps.ts';

const AT = '2026-11-21T20:00:00.000Z';

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
        await resetSweeps(store);
        const start = performance.now();
        const results = await sweepersInChildren(engine.url, AT, n);
        const wall = (performance.now() - start) / 1000;
        const shares = results.map((r) => r.result.tenantsPlanned);
        const total = shares.reduce((a, b) => a + b, 0);
        rows.push({
          benchmark: `replicas (PostgreSQL): first sweep, ${teams.toLocaleString('en-US')} teams x 5 accounts, ${n} sweeper process${n > 1 ? 'es' : ''}${heapNote()}`,
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
