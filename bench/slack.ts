// `/insurance check` end to end through the real Bolt HTTP receiver on loopback (signed requests,
// a team with five accounts), at concurrency 1 and 50, against a bare Bolt app that only
// acknowledges, measured in the same run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/db.ts';
import { FakeSlack, postSigned, slashCommand } from '../test/fakes/slack.ts';
import { harness } from '../test/support/harness.ts';
import { sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { measureLatency, ms, percentile } from './latency.ts';

const SECRET = 'bench-signing-secret';
const SERVER = fileURLToPath(new URL('./slack-server.mjs', import.meta.url));

/** Starts bench/slack-server.mjs in its own process; resolves with its events URL and a stop function. */
export function server(
  mode: 'ours' | 'bare',
  apiUrl: string,
  dbPath: string,
): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, mode, apiUrl, dbPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', reject);
    child.stdout.once('data', (d: Buffer) =>
      resolve({
        url: `http://127.0.0.1:${String(d).trim()}/slack/events`,
        stop: () => child.kill('SIGKILL'),
      }),
    );
  });
}

export async function slackBenchmark(): Promise<BenchRow[]> {
  const fake = await new FakeSlack().start();
  const engine = await sqliteEngine();
  const store = await openStore(engine.url);
  const h = harness(store);
  const ctx = await h.context({ tenant: 'T1' });
  for (let i = 0; i < 5; i++) {
    await h.run(ctx, `/insurance account add shop-${i} US legal:"Shop ${i} LLC"`);
    for (const m of ['2026-08', '2026-09', '2026-10'])
      await h.run(ctx, `/insurance sales record shop-${i} ${m} ${8000 + i * 700}`);
  }
  await store.close();
  const ours = await server('ours', fake.apiUrl, engine.url);
  const bare = await server('bare', fake.apiUrl, engine.url);
  const rows: BenchRow[] = [];
  try {
    const hit = (url: string) => async () => {
      const res = await postSigned(url, SECRET, slashCommand(fake, '/insurance', 'check'));
      if (res.status !== 200) throw new Error(`status ${res.status}`);
    };
    for (const url of [ours.url, bare.url]) await measureLatency(300, 10, hit(url)); // warm-up
    for (const concurrency of [1, 50]) {
      const total = concurrency === 1 ? 1000 : 5000;
      const check = await measureLatency(total, concurrency, hit(ours.url));
      const base = await measureLatency(total, concurrency, hit(bare.url));
      const ratio = percentile(check, 50) / percentile(base, 50);
      rows.push({
        benchmark: `slack: /insurance check (5 accounts), concurrency ${concurrency}, ${total} requests`,
        figure: `p50 ${ms(percentile(check, 50))}, p99 ${ms(percentile(check, 99))}; bare Bolt ack p50 ${ms(percentile(base, 50))}, p99 ${ms(percentile(base, 99))}; p50 ratio ${ratio.toFixed(2)}`,
        goal: 'p99 < 100 ms, p50 ratio <= 1.5',
        met: percentile(check, 99) < 100 && ratio <= 1.5,
      });
    }
  } finally {
    ours.stop();
    bare.stop();
    await engine.dispose();
    await fake.stop();
  }
  return rows;
}
