// Cold start: from `node bin/coverwatch.mjs` to ready — the Slack HTTP adapter listening (its
// "ready" log line), and the terminal adapter answering a first command and exiting.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FakeSlack } from '../test/fakes/slack.ts';
import { sqliteEngine } from './engines.ts';
import type { BenchRow } from './index.ts';
import { ms, percentile } from './latency.ts';

const BIN = fileURLToPath(new URL('../bin/coverwatch.mjs', import.meta.url));

function time(
  args: string[],
  env: Record<string, string>,
  readyWhen: (out: string) => boolean,
  input = '',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let done = false;
    const check = (d: Buffer) => {
      out += d;
      if (!done && readyWhen(out)) {
        done = true;
        resolve(performance.now() - start);
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('error', reject);
    child.on('exit', () => {
      if (!done) reject(new Error(`exited before ready: ${out.slice(-500)}`));
    });
    child.stdin.end(input);
  });
}

export async function startupBenchmark(): Promise<BenchRow[]> {
  const fake = await new FakeSlack().start();
  const engine = await sqliteEngine();
  try {
    const slackEnv = {
      DATABASE_URL: engine.url,
      SLACK_BOT_TOKEN: 'xoxb-start',
      SLACK_SIGNING_SECRET: 'start-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    await time(['start'], slackEnv, (o) => o.includes('slack adapter ready')); // creates the database
    const slack: number[] = [];
    const shell: number[] = [];
    for (let i = 0; i < 5; i++) {
      slack.push(await time(['start'], slackEnv, (o) => o.includes('slack adapter ready')));
      shell.push(
        await time(
          ['shell'],
          { DATABASE_URL: engine.url },
          (o) => o.includes('coverwatch commands'),
          '/insurance help\n',
        ),
      );
    }
    slack.sort((a, b) => a - b);
    shell.sort((a, b) => a - b);
    return [
      {
        benchmark: 'cold start: `coverwatch start` to Slack HTTP adapter ready (5 runs)',
        figure: `median ${ms(percentile(slack, 50))}, worst ${ms(slack[slack.length - 1]!)}`,
      },
      {
        benchmark: 'cold start: `coverwatch shell` to the first answer (5 runs)',
        figure: `median ${ms(percentile(shell, 50))}, worst ${ms(shell[shell.length - 1]!)}`,
      },
    ];
  } finally {
    await engine.dispose();
    await fake.stop();
  }
}
