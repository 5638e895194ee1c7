// The alert sweep over 10,000 tenants x 5 accounts (24 months of sales, one policy each): the
// first sweep (everything new) and a second one (nothing new), each in its own process. With
// BENCH_SWEEPERS=N (N > 1), the first sweep is then run again, reset each time, alternately by one
// sweeper process and by N started together (as replicas sharing the database would be), three
// times each: whether dividing the sweep changes one engine's figure more than the other's.
import { FULL, loadDataset } from './dataset.ts';
import { type BenchEngine, postgresEngine, sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { heapNote } from './profile.ts';
import { resetSweeps, sweepersInChildren, sweepInChild } from './sweeps.ts';

const AT = '2026-11-21T20:00:00.000Z'; // noon in Los Angeles, after every team's alert hour

/** One sweeper against `n` side by side, alternated, each on a reset outbox. */
async function divided(engine: BenchEngine, n: number): Promise<BenchRow> {
  const runs = new Map<number, string[]>([
    [1, []],
    [n, []],
  ]);
  let planned = true;
  for (let round = 0; round < 3; round++)
    for (const count of round % 2 ? [n, 1] : [1, n]) {
      const store = await engine.open();
      try {
        await resetSweeps(store);
      } finally {
        await store.close();
      }
      const start = performance.now();
      const each = await sweepersInChildren(engine.url, AT, count);
      const wall = (performance.now() - start) / 1000;
      planned &&= each.reduce((a, r) => a + r.result.tenantsPlanned, 0) === FULL.tenants;
      runs
        .get(count)!
        .push(
          `${wall.toFixed(2)} s (CPU ${each.map((r) => r.cpuSeconds.toFixed(1)).join(' + ')} s, peak ${each.map((r) => r.peakMB.toFixed(0)).join(' / ')} MB)`,
        );
    }
  return {
    benchmark: `alerts (${engine.name}): first sweep after a reset, one sweeper process against ${n} side by side, alternated${heapNote()}`,
    figure: `one: ${runs.get(1)!.join(', ')}; ${n}: ${runs.get(n)!.join(', ')}`,
    goal: `every team planned once`,
    met: planned,
  };
}

function phases(p: Record<string, number>): string {
  return Object.entries(p)
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
}

async function measure(engine: BenchEngine): Promise<BenchRow[]> {
  const store = await engine.open();
  try {
    await loadDataset(store, FULL);
  } finally {
    await store.close();
  }
  try {
    const first = await sweepInChild(engine.url, AT);
    const second = await sweepInChild(engine.url, new Date(Date.parse(AT) + 3_600_000).toISOString());
    const n = Number(process.env.BENCH_SWEEPERS ?? 1);
    const extra = n > 1 ? [await divided(engine, n)] : [];
    return [
      {
        benchmark: `alerts (${engine.name}): first sweep, 10,000 tenants x 5 accounts${heapNote()}`,
        figure: `${first.seconds.toFixed(2)} s (CPU ${first.cpuSeconds.toFixed(1)} s), peak ${first.peakMB.toFixed(0)} MB; ${first.result.inserted.toLocaleString('en-US')} alerts planned and posted (${phases(first.result.phases)})`,
        goal: '< 10 s, < 300 MB',
        met: first.seconds < 10 && first.peakMB < 300,
      },
      {
        benchmark: `alerts (${engine.name}): second sweep, nothing new${heapNote()}`,
        figure: `${second.seconds.toFixed(2)} s, peak ${second.peakMB.toFixed(0)} MB; ${second.posted} posted`,
        goal: '< 2 s, < 300 MB',
        met: second.seconds < 2 && second.peakMB < 300 && second.posted === 0,
      },
      ...extra,
    ];
  } finally {
    await engine.dispose();
  }
}

export async function alertsBenchmark(): Promise<BenchRow[]> {
  const only = process.env.BENCH_ENGINE;
  return [
    ...(only === 'postgres' ? [] : await measure(await sqliteEngine())),
    ...(only === 'sqlite' ? [] : await measure(await postgresEngine())),
  ];
}
