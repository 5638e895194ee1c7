// `/insurance check` end to end through the real Bolt HTTP receiver on loopback (signed requests,
// a team with five accounts), at concurrency 1 and 50, beside a bare Bolt app that only
// acknowledges and one that acknowledges with a copy of ours' answers (what the answer's size alone
// costs), interleaved in the same run: once asking the same question every time, once a different
// question every time (no cache can answer it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/db.ts';
import { FakeSlack, signedHeaders, slashCommand } from '../test/fakes/slack.ts';
import { blockKitViolations } from '../test/fakes/slack-limits.ts';
import { harness } from '../test/support/harness.ts';
import { sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { measureInterleaved, measureLatency, ms, percentile } from './latency.ts';
import { childFlags, heapNote } from './profile.ts';

const SECRET = 'bench-signing-secret';
const AS_OF = '2026-11-21';
// Requests of each kind each app gets before the measured runs. With 300, the bare apps were still
// getting faster in the first measured row, which flattered ours' ratio there (docs/benchmarks.md).
const WARM_UP = 2000;
const SERVER = fileURLToPath(new URL('./slack-server.mjs', import.meta.url));

/** Starts bench/slack-server.mjs in its own process; resolves with its events URL and a stop function. */
export function server(
  mode: 'ours' | 'bare' | 'sized',
  apiUrl: string,
  /** ours: its database; sized: the answers to acknowledge with (JSON). */
  file: string,
): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childFlags(), SERVER, mode, apiUrl, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', reject);
    child.stdout.once('data', (d: Buffer) =>
      resolve({
        url: `http://127.0.0.1:${String(d).trim()}/slack/events`,
        // SIGTERM: the server exits cleanly, so a `--cpu-prof` run writes its profile.
        stop: () => child.kill('SIGTERM'),
      }),
    );
  });
}

/**
 * A signed POST over a kept-alive socket, resolved when the last byte of the answer has arrived:
 * what is timed is the round trip, not the client's own work on the answer (parsing the JSON and
 * checking it against Slack's limits happen after the timed run, see `checkAnswers`).
 */
function postSigned(agent: Agent, url: string, fields: Record<string, string>): Promise<string> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: {
        ...signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks).toString('utf8'))
          : reject(new Error(`status ${res.statusCode}`)),
      );
    });
    req.end(body);
  });
}

/** Every distinct answer ours gave: a Block Kit message within Slack's limits, or the run fails. */
function checkAnswers(answers: readonly string[]): void {
  for (const text of new Set(answers)) {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (!Array.isArray(json.blocks)) throw new Error(`an answer without Block Kit: ${text.slice(0, 200)}`);
    const over = blockKitViolations(json);
    if (over.length) throw new Error(`an answer over Slack's limits: ${over.join('; ')}`);
  }
}

/** The calendar day `n` days before `day` (YYYY-MM-DD). */
function dayBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
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
  // As many kept-alive sockets as requests in flight, like the pool a Slack edge would keep.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let answers: string[] = [];
  // The floor the answers' size sets: a bare app acknowledging with copies of ours' answers.
  const copies = mkdtempSync(join(tmpdir(), 'coverwatch-bench-'));
  let sized: Awaited<ReturnType<typeof server>> | undefined;
  try {
    const copied = {
      team: JSON.parse(await postSigned(agent, ours.url, slashCommand(fake, '/insurance', 'check'))),
      account: JSON.parse(
        await postSigned(agent, ours.url, slashCommand(fake, '/insurance', `check shop-0 as-of:${AS_OF}`)),
      ),
    };
    writeFileSync(join(copies, 'answers.json'), JSON.stringify(copied));
    sized = await server('sized', fake.apiUrl, join(copies, 'answers.json'));
    const sizedUrl = sized.url;
    const post = async (url: string, text: string) => {
      const answer = await postSigned(agent, url, slashCommand(fake, '/insurance', text));
      if (url === ours.url) answers.push(answer);
    };
    // The same question every time (the answer cache's case), and a different one every time: one
    // of six scopes (all accounts or one) on a different day, so neither cache can answer it.
    const same = () => 'check';
    const distinct = (i: number) =>
      `check ${i % 6 === 0 ? '' : `shop-${(i % 6) - 1} `}as-of:${dayBefore(AS_OF, Math.floor(i / 6))}`;
    const warm = (url: string, question: (i: number) => string) => (i: number) =>
      post(url, question(i + 50_000));
    for (const url of [ours.url, bare.url, sizedUrl]) {
      await measureLatency(WARM_UP, 10, warm(url, same));
      await measureLatency(WARM_UP, 10, warm(url, distinct));
    }
    for (const concurrency of [1, 50]) {
      const total = concurrency === 1 ? 1000 : 5000;
      for (const [label, question] of [
        ['the same question (cached)', same],
        ['a different question each time (uncached)', distinct],
      ] as const) {
        const run = await measureInterleaved(
          {
            ours: (i) => post(ours.url, question(i)),
            bare: (i) => post(bare.url, question(i)),
            sized: (i) => post(sizedUrl, question(i)),
          },
          total,
          concurrency,
        );
        checkAnswers(answers);
        answers = [];
        const check = run.ours!;
        const base = run.bare!;
        const ratio = percentile(check, 50) / percentile(base, 50);
        const floor = run.sized!;
        rows.push({
          benchmark: `slack: /insurance check, ${label}, concurrency ${concurrency}, ${total} requests${heapNote()}`,
          figure: `p50 ${ms(percentile(check, 50))}, p99 ${ms(percentile(check, 99))}; bare Bolt ack p50 ${ms(percentile(base, 50))}, p99 ${ms(percentile(base, 99))}; p50 ratio ${ratio.toFixed(2)}; bare Bolt acking with a copy of ours' answer p50 ${ms(percentile(floor, 50))} (ratio ${(percentile(floor, 50) / percentile(base, 50)).toFixed(2)})`,
          goal: 'p99 < 100 ms, p50 ratio <= 1.5',
          met: percentile(check, 99) < 100 && ratio <= 1.5,
        });
      }
    }
  } finally {
    agent.destroy();
    ours.stop();
    bare.stop();
    sized?.stop();
    rmSync(copies, { recursive: true, force: true });
    await engine.dispose();
    await fake.stop();
  }
  return rows;
}
