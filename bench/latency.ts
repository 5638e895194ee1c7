// Small helpers for latency benchmarks: percentiles and a bounded concurrent runner.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `total` calls of `fn`, `concurrency` at a time; returns each call's latency in ms, sorted. */
export async function measureLatency(
  total: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const start = performance.now();
      await fn(i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
