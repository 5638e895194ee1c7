// Storage: load 10,000 tenants x 5 accounts x 24 months of sales, then read one tenant's whole state.
import { performance } from 'node:perf_hooks';
import { loadTenantState } from '../src/store/state.ts';
import { FULL, loadDataset } from './dataset.ts';
import { type BenchEngine, postgresEngine, sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { percentile } from './latency.ts';

async function measure(engine: BenchEngine): Promise<BenchRow[]> {
  const store = await engine.open();
  try {
    const { tenants, seconds, rows } = await loadDataset(store, FULL);
    const reads: number[] = [];
    for (let i = 0; i < 300; i++) {
      const tenant = tenants[(i * 7_919) % tenants.length]!;
      const t = performance.now();
      const state = await loadTenantState(store.db, tenant);
      reads.push(performance.now() - t);
      if (state.length !== FULL.accountsPerTenant) throw new Error('tenant state incomplete');
    }
    reads.sort((a, b) => a - b);
    return [
      {
        benchmark: `store (${engine.name}): load 10,000 tenants x 5 accounts x 24 months`,
        figure: `${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ${rows.toLocaleString('en-US')} rows)`,
      },
      {
        benchmark: `store (${engine.name}): read one tenant's whole state`,
        figure: `p50 ${percentile(reads, 50).toFixed(2)} ms, p99 ${percentile(reads, 99).toFixed(2)} ms (300 reads)`,
      },
    ];
  } finally {
    await store.close();
    await engine.dispose();
  }
}

export async function storeBenchmark(): Promise<BenchRow[]> {
  return [...(await measure(await sqliteEngine())), ...(await measure(await postgresEngine()))];
}
