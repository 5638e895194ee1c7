// The benchmark catalogue. Each benchmark returns rows for one table; goals are printed beside the
// figures, never asserted in tests.
import { alertsBenchmark } from './alerts.ts';
import { certificatesBenchmark } from './certificates.ts';
import { discordBenchmark } from './discord.ts';
import { replicasBenchmark } from './replicas.ts';
import { rulesBenchmark } from './rules.ts';
import { salesBenchmark } from './sales.ts';
import { slackBenchmark } from './slack.ts';
import { soakBenchmark } from './soak.ts';
import { startupBenchmark } from './startup.ts';
import { storeBenchmark } from './store.ts';

export interface BenchRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly goal?: string;
  readonly met?: boolean;
}

export type Benchmark = () => Promise<BenchRow[]>;

const BENCHMARKS: Record<string, Benchmark> = {
  rules: rulesBenchmark,
  slack: slackBenchmark,
  discord: discordBenchmark,
  alerts: alertsBenchmark,
  startup: startupBenchmark,
  store: storeBenchmark,
  sales: salesBenchmark,
  certificates: certificatesBenchmark,
  replicas: replicasBenchmark,
  soak: soakBenchmark,
};

export async function runBenchmarks(names: string[]): Promise<number> {
  const chosen = names.length ? names : Object.keys(BENCHMARKS);
  const unknown = chosen.filter((n) => !BENCHMARKS[n]);
  if (unknown.length) {
    process.stderr.write(
      `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`,
    );
    return 2;
  }
  const rows: BenchRow[] = [];
  for (const name of chosen) {
    process.stderr.write(`running ${name}…\n`);
    rows.push(...(await BENCHMARKS[name]!()));
  }
  process.stdout.write(`| benchmark | figure | goal | met |\n|---|---|---|---|\n`);
  for (const r of rows)
    process.stdout.write(
      `| ${r.benchmark} | ${r.figure} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |\n`,
    );
  process.stdout.write(`\nNode ${process.version}, ${process.platform}/${process.arch}\n`);
  return 0;
}
