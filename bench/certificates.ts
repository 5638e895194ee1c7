// Reading a one-page certificate (ACORD 25) from its PDF: fillable (form fields) and flattened
// (positioned text), each read many times in a row, as `/insurance policy read` does — a fresh
// worker per file, so the figure includes starting it and loading pdf.js. Peak memory is the
// process's resident set, sampled while the reads run (the worker lives in this process).
import { performance } from 'node:perf_hooks';
import { readCertificate } from '../src/certificates/read.ts';
import { COMPLIANT, certificatePdf } from '../test/support/certificates.ts';
import type { BenchRow } from './index.ts';
import { percentile } from './latency.ts';

const RUNS = 40;

export async function certificatesBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    for (const style of ['fillable', 'flattened'] as const) {
      const pdf = await certificatePdf(COMPLIANT, style);
      await readCertificate(pdf); // warm the module cache of this process, not the reader's
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await readCertificate(pdf);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      rows.push({
        benchmark: `certificate read, ${style} one-page ACORD 25 (${(pdf.length / 1024).toFixed(0)} KB), ${RUNS} reads`,
        figure: `p50 ${p50.toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`,
        goal: 'p50 < 300 ms',
        met: p50 < 300,
      });
    }
  } finally {
    clearInterval(sampler);
  }
  rows.push({
    benchmark: 'certificate read, peak memory (process RSS, reader worker included)',
    figure: `${(peak / 1024 / 1024).toFixed(0)} MB, of which ${((peak - before) / 1024 / 1024).toFixed(0)} MB while reading (the worker's heap is capped at 256 MB)`,
  });
  return rows;
}
