// The alert sweep over 10,000 tenants x 5 accounts (24 months of sales, one policy each): the
// first sweep (everything new) and a second one (nothing new), each in its own process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FULL, loadDataset } from './dataset.ts';
import { type BenchEngine, postgresEngine, sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { profileFlags } from './profile.ts';

const CHILD = fileURLToPath(new URL('./sweep-child.mjs', import.meta.url));
const AT = '2026-11-21T20:00:00.000Z'; // noon in Los Angeles, after every team's alert hour

function sweep(url: string, at: string) {
  const run = spawnSync(process.execPath, [...profileFlags(), CHILD, url, at], {
    encoding: 'utf8',
    maxBuffer: 10_000_000,
  });
  if (run.status !== 0) throw new Error(`sweep child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    seconds: number;
    cpuSeconds: number;
    peakMB: number;
    posted: number;
    result: { inserted: number; tenantsPlanned: number; phases: Record<string, number> };
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
    const first = sweep(engine.url, AT);
    const second = sweep(engine.url, new Date(Date.parse(AT) + 3_600_000).toISOString());
    return [
      {
        benchmark: `alerts (${engine.name}): first sweep, 10,000 tenants x 5 accounts`,
        figure: `${first.seconds.toFixed(2)} s (CPU ${first.cpuSeconds.toFixed(1)} s), peak ${first.peakMB.toFixed(0)} MB; ${first.result.inserted.toLocaleString('en-US')} alerts planned and posted (${phases(first.result.phases)})`,
        goal: '< 10 s, < 300 MB',
        met: first.seconds < 10 && first.peakMB < 300,
      },
      {
        benchmark: `alerts (${engine.name}): second sweep, nothing new`,
        figure: `${second.seconds.toFixed(2)} s, peak ${second.peakMB.toFixed(0)} MB; ${second.posted} posted`,
        goal: '< 2 s, < 300 MB',
        met: second.seconds < 2 && second.peakMB < 300 && second.posted === 0,
      },
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
