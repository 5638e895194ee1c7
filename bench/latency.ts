// Small helpers for latency benchmarks: percentiles, a bounded concurrent runner, and interleaved
// rounds so that every variant sees the same moments of a shared, noisy machine.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `total` calls of `fn`, `concurrency` at a time; returns each call's latency in ms, sorted. */
export async function measureLatency(
  total: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
  offset = 0,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const start = performance.now();
      await fn(offset + i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

/**
 * Runs each variant's calls in `rounds` slices, taking turns (a slice of the first, of the second,
 * …), so a slow spell of the machine falls on all of them alike. The call index keeps counting
 * across rounds: a variant that asks a different question per call never repeats one.
 */
export async function measureInterleaved(
  variants: Readonly<Record<string, (i: number) => Promise<void>>>,
  total: number,
  concurrency: number,
  rounds = 10,
): Promise<Record<string, number[]>> {
  const result: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const slice = Math.ceil(total / rounds);
  for (let r = 0; r < rounds; r++)
    for (const [name, fn] of Object.entries(variants))
      result[name]!.push(...(await measureLatency(slice, concurrency, fn, r * slice)));
  for (const list of Object.values(result)) list.sort((a, b) => a - b);
  return result;
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
