// Running coverwatch as an operator does: the health and metrics server in a mode without an HTTP
// port of its own (Discord only), a shutdown that lets a command in flight finish, and an
// unexpected error that is logged as JSON and ends the process cleanly.
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord, GUILD_ID } from '../fakes/discord.ts';
import { FakeSlack, postSigned, slashCommand } from '../fakes/slack.ts';
import { startCoverwatch } from '../support/running.ts';
import { tempSqlitePath } from '../support/stores.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('health and metrics (HEALTH_PORT), Discord only', () => {
  it('liveness, readiness naming each check, and Prometheus metrics that count commands', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    const bot = startCoverwatch({
      DATABASE_URL: tempSqlitePath(),
      DISCORD_TOKEN: 'health-token-123456',
      DISCORD_API_URL: fake.apiUrl,
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      ALERT_CRON: '0 0 1 1 *',
    });
    cleanup.push(async () => {
      bot.child.kill('SIGKILL');
      await bot.exited;
    });
    const { port } = (await bot.logged((l) => l.msg === 'health server listening')) as { port: number };
    const base = `http://127.0.0.1:${port}`;
    expect(await get(`${base}/livez`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    await bot.logged((l) => l.msg === 'alert sweeps scheduled');
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ok',
      checks: { database: 'ok', started: 'ok', discord: 'ok' },
    });

    const { token } = fake.interact({
      command: 'insurance',
      options: [{ type: 1, name: 'check', options: [] }],
      guildId: GUILD_ID,
    });
    await expect
      .poll(() => fake.answersTo(token).some((a) => a.kind !== 'callback'), { timeout: 20_000 })
      .toBe(true);
    const metrics = await get(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    expect(metrics.text).toContain('coverwatch_commands_total{command="insurance check",result="ok"} 1');
    expect(metrics.text).toMatch(/coverwatch_command_duration_seconds_count\{command="insurance check"\} 1/);
    expect(metrics.text).toContain('coverwatch_outbox_alerts{state="pending"} 0');
    // The sweep run at start-up, by phase.
    expect(metrics.text).toContain('coverwatch_sweep_duration_seconds_count{phase="plan"} 1');
    expect(metrics.text).toContain('coverwatch_sweep_duration_seconds_count{phase="deliver"} 1');
    expect(metrics.text).toContain('coverwatch_process_cpu_user_seconds_total');
    expect((await get(`${base}/nothing-here`)).status).toBe(404);

    // The gateway goes away: readiness says which dependency failed.
    await fake.stop();
    await expect
      .poll(async () => JSON.parse((await get(`${base}/readyz`)).text).checks.discord, { timeout: 20_000 })
      .not.toBe('ok');
    expect((await get(`${base}/readyz`)).status).toBe(503);
    expect((await get(`${base}/livez`)).status).toBe(200);
  });
});

describe("health in Socket Mode (no HTTP port of Slack's own)", () => {
  it('readiness includes the Slack socket, ready once connected', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const bot = startCoverwatch({
      DATABASE_URL: tempSqlitePath(),
      SLACK_BOT_TOKEN: 'xoxb-socket-health',
      SLACK_APP_TOKEN: 'xapp-socket-health',
      SLACK_API_URL: fake.apiUrl,
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      ALERT_CRON: '0 0 1 1 *',
    });
    cleanup.push(async () => {
      bot.child.kill('SIGKILL');
      await bot.exited;
    });
    const { port } = (await bot.logged((l) => l.msg === 'health server listening')) as { port: number };
    await bot.logged((l) => l.msg === 'alert sweeps scheduled');
    const ready = await get(`http://127.0.0.1:${port}/readyz`);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ok',
      checks: { database: 'ok', started: 'ok', slack: 'ok' },
    });
    expect(ready.status).toBe(200);
  });
});

describe('shutdown', () => {
  it('SIGTERM lets a command in flight finish and store its record, then exits 0', async () => {
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    fake.admins.add('U1');
    const db = tempSqlitePath();
    const bot = startCoverwatch({
      DATABASE_URL: db,
      SLACK_BOT_TOKEN: 'xoxb-drain',
      SLACK_SIGNING_SECRET: 'drain-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      ALERT_CRON: '0 0 1 1 *',
    });
    const { port } = (await bot.logged((l) => l.msg === 'slack adapter ready')) as { port: number };
    await bot.logged((l) => l.msg === 'alert sweeps scheduled');
    // The admin check is held unanswered: the command is mid-flight when the signal comes.
    const held = fake.hold('users.info');
    const answer = postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      'drain-secret',
      slashCommand(fake, '/insurance', 'account add acme-us US'),
    );
    await held.arrived;
    bot.child.kill('SIGTERM');
    const stopping = (await bot.logged((l) => l.msg === 'stopping')) as { inflight: number };
    expect(stopping.inflight).toBe(1);
    held.release();
    expect(await bot.exited).toBe(0);
    const ack = await answer;
    const said = [ack.text, ...fake.responses.map((r) => JSON.stringify(r.body))].join('\n');
    expect(said).toContain('acme-us');
    const check = new SQLite(db, { readonly: true });
    expect(check.prepare('select name from accounts').all()).toEqual([{ name: 'acme-us' }]);
    check.close();
    expect(bot.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('SIGTERM ends the process even with Discord unreachable', async () => {
    const fake = await new FakeDiscord().start();
    const bot = startCoverwatch({
      DATABASE_URL: tempSqlitePath(),
      DISCORD_TOKEN: 'gone-token-123456',
      DISCORD_API_URL: fake.apiUrl,
      ALERT_CRON: '0 0 1 1 *',
      SHUTDOWN_GRACE_MS: '3000',
    });
    await bot.logged((l) => l.msg === 'alert sweeps scheduled');
    // Discord goes away (gateway and REST): the shutdown must not wait on it past its limit.
    await fake.stop();
    bot.child.kill('SIGTERM');
    const code = await bot.exited;
    expect(code === 0 || code === 1).toBe(true);
    expect(bot.logs.some((l) => l.msg === 'stopping')).toBe(true);
  });

  it('an unhandled rejection is logged as JSON with its stack, and the process stops cleanly with exit 1', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    const bot = startCoverwatch(
      {
        DATABASE_URL: tempSqlitePath(),
        DISCORD_TOKEN: 'reject-token-123456',
        DISCORD_API_URL: fake.apiUrl,
        ALERT_CRON: '0 0 1 1 *',
      },
      { nodeArgs: ['--import', fileURLToPath(new URL('../support/reject-on-signal.mjs', import.meta.url))] },
    );
    await bot.logged((l) => l.msg === 'alert sweeps scheduled');
    bot.child.kill('SIGWINCH');
    expect(await bot.exited).toBe(1);
    const fatal = bot.logs.find((l) => l.msg === 'unexpected error; stopping') as {
      level: number;
      err: { message: string; stack: string };
    };
    expect(fatal.level).toBe(60);
    expect(fatal.err.message).toBe('boom: a promise nobody handled');
    expect(fatal.err.stack).toContain('reject-on-signal.mjs');
    expect(bot.logs.some((l) => l.msg === 'stopped')).toBe(true);
    // Nothing but JSON on stderr: no raw stack trace.
    expect(
      bot
        .stderr()
        .trim()
        .split('\n')
        .every((l) => l.startsWith('{')),
    ).toBe(true);
  });
});
